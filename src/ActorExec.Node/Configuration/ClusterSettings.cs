using ActorExec.Cluster;
using ActorExec.Cluster.Runtime;

namespace ActorExec.Node.Configuration;

/// <summary>How a node takes part in a cluster (<c>actorexec.cluster</c>).</summary>
/// <param name="Options">The coordinator settings every node of the cluster must share.</param>
/// <param name="Runtime">How this node paces its cluster work.</param>
/// <param name="AdvertisedAddress">The address recorded in the membership table (shown by <c>actorexec cluster show</c>); empty: the inspection endpoint's.</param>
internal sealed record ClusterSettings(ClusterOptions Options, ClusterRuntimeOptions Runtime, string AdvertisedAddress);

/// <summary>Reads <c>actorexec.cluster</c>.</summary>
internal static class ClusterSettingsReader
{
    public static ClusterSettings? Read(SettingsReader read, string root, string store)
    {
        if (!read.Bool($"{root}.enabled"))
            return null;
        if (store != "postgres")
            read.Fail($"{root}.enabled", $"a cluster is coordinated by PostgreSQL: set persistence.store = postgres (it is {store})");
        var options = new ClusterOptions
        {
            Schema = read.String($"{root}.schema", allowEmpty: false),
            ShardCount = read.Int($"{root}.shard-count", 1, ClusterDefaults.MaxShardCount),
            HeartbeatInterval = read.Duration($"{root}.heartbeat-interval", TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(1)),
            LeaseTimeout = read.Duration($"{root}.lease-timeout", TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10)),
            RebalanceFraction = read.Double($"{root}.rebalance-fraction", 0.001, 1),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            read.Fail(root, e.Message.Split(" (Parameter", 2)[0]);
        }
        var runtime = new ClusterRuntimeOptions
        {
            AllocationInterval = read.Duration($"{root}.allocation-interval", TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(10)),
            InboxPollInterval = read.Duration($"{root}.inbox-poll-interval", TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1)),
            HandOffTimeout = read.Duration($"{root}.hand-off-timeout", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10)),
        };
        return new ClusterSettings(options, runtime, read.String($"{root}.advertised-address"));
    }
}
