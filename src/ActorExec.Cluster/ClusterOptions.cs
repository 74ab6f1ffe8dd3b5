using System.Text.RegularExpressions;

namespace ActorExec.Cluster;

/// <summary>Defaults of <see cref="ClusterOptions"/>.</summary>
public static class ClusterDefaults
{
    /// <summary>The PostgreSQL schema holding the cluster tables.</summary>
    public const string Schema = "public";

    /// <summary>Shards in a new cluster; fixed for the life of the cluster once stored.</summary>
    public const int ShardCount = 256;

    /// <summary>Most shards a cluster can have.</summary>
    public const int MaxShardCount = 65_536;

    /// <summary>How often a node writes its heartbeat.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(1);

    /// <summary>How old a heartbeat (database clock) may get before its node is declared dead.</summary>
    public static readonly TimeSpan LeaseTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Share of the shards that may change owner in one rebalancing round (orphaned shards are not counted).</summary>
    public const double RebalanceFraction = 0.10;
}

/// <summary>How a node takes part in the cluster; validated when a cluster component is created.</summary>
public sealed partial record ClusterOptions
{
    /// <summary>The schema holding <c>cluster_settings</c>, <c>cluster_nodes</c> and <c>shard_leases</c> (created if missing).</summary>
    public string Schema { get; init; } = ClusterDefaults.Schema;

    /// <summary>Shards of the cluster; must equal the count stored when the cluster was created.</summary>
    public int ShardCount { get; init; } = ClusterDefaults.ShardCount;

    /// <summary>How often this node writes its heartbeat.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = ClusterDefaults.HeartbeatInterval;

    /// <summary>Heartbeat age after which a node is declared dead; longer than <see cref="HeartbeatInterval"/>.</summary>
    public TimeSpan LeaseTimeout { get; init; } = ClusterDefaults.LeaseTimeout;

    /// <summary>Share of the shards (0 to 1) that may change owner per rebalancing round; at least one shard always may.</summary>
    public double RebalanceFraction { get; init; } = ClusterDefaults.RebalanceFraction;

    /// <summary>Owned shards the allocator may move in one round: <see cref="RebalanceFraction"/> of the shards, at least 1.</summary>
    public int MaxMovesPerRound => Math.Max(1, (int)(ShardCount * RebalanceFraction));

    /// <summary>Checks every option and returns the options.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it and its value.</exception>
    public ClusterOptions Validate()
    {
        if (!SchemaName().IsMatch(Schema ?? ""))
            throw new ArgumentException($"ClusterOptions.Schema '{Schema}' must match [a-z_][a-z0-9_]* (at most 63 characters)", nameof(Schema));
        if (ShardCount is < 1 or > ClusterDefaults.MaxShardCount)
            throw new ArgumentOutOfRangeException(nameof(ShardCount), ShardCount, $"ClusterOptions.ShardCount is {ShardCount}; it must be between 1 and {ClusterDefaults.MaxShardCount}");
        if (HeartbeatInterval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(HeartbeatInterval), HeartbeatInterval, $"ClusterOptions.HeartbeatInterval is {HeartbeatInterval}; it must be positive");
        if (LeaseTimeout <= HeartbeatInterval)
            throw new ArgumentOutOfRangeException(nameof(LeaseTimeout), LeaseTimeout,
                $"ClusterOptions.LeaseTimeout is {LeaseTimeout}; it must be longer than ClusterOptions.HeartbeatInterval ({HeartbeatInterval}), or live nodes would be declared dead between two heartbeats");
        if (!(RebalanceFraction is > 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(RebalanceFraction), RebalanceFraction, $"ClusterOptions.RebalanceFraction is {RebalanceFraction}; it must be above 0 and at most 1");
        return this;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
