namespace ActorExec.Cluster.Internal;

/// <summary>The qualified names of the cluster's tables in one (validated) schema.</summary>
internal sealed class ClusterTables(string schema)
{
    public string Schema { get; } = schema;

    public string Settings { get; } = $"{schema}.cluster_settings";

    public string Nodes { get; } = $"{schema}.cluster_nodes";

    public string Incarnations { get; } = $"{schema}.cluster_incarnations";

    public string Leases { get; } = $"{schema}.shard_leases";

    public string Inbox { get; } = $"{schema}.inbox";

    public string InboxHeads { get; } = $"{schema}.inbox_heads";

    public string InboxCursors { get; } = $"{schema}.inbox_cursors";

    /// <summary>The NOTIFY channel that wakes inbox consumers (one per cluster schema).</summary>
    public string InboxChannel { get; } = $"actorexec_inbox_{schema}";
}
