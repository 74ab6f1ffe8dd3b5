namespace ActorExec.Cluster.Internal;

/// <summary>The qualified names of the cluster's tables in one (validated) schema.</summary>
internal sealed class ClusterTables(string schema)
{
    public string Schema { get; } = schema;

    public string Settings { get; } = $"{schema}.cluster_settings";

    public string Nodes { get; } = $"{schema}.cluster_nodes";

    public string Incarnations { get; } = $"{schema}.cluster_incarnations";

    public string Leases { get; } = $"{schema}.shard_leases";
}
