namespace ActorExec.Cluster;

/// <summary>
/// This node's configuration contradicts the cluster stored in the database (for example another
/// shard count); the node must not start.
/// </summary>
public sealed class ClusterConfigurationException(string message) : Exception(message);
