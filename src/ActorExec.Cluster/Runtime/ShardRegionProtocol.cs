using ActorExec.Cluster.Fencing;

namespace ActorExec.Cluster.Runtime;

/// <summary>This node acquired the shard: start hosting its entities and consuming its inbox.</summary>
public sealed record ShardAcquired(ShardFence Fence);

/// <summary>Hand the shard off: stop consuming, let the host finish what it has, stop it; answered with <see cref="ShardHandedOff"/>.</summary>
public sealed record HandOffShard(int ShardId);

/// <summary>The shard's actors have stopped; the lease may be released.</summary>
public sealed record ShardHandedOff(int ShardId);

/// <summary>The lease is released: messages held for the shard go to its inbox, for the next owner.</summary>
public sealed record ShardReleased(int ShardId);

/// <summary>
/// The shard was lost (taken over, fenced, or this node died): stop its actors at once. With an
/// <paramref name="Epoch"/>, only the lease of that epoch was lost (a newer one held here stays).
/// </summary>
public sealed record ShardLost(int ShardId, string Reason, long? Epoch = null);

/// <summary>The coordinator (PostgreSQL) is unreachable: intake stops until <see cref="CoordinatorAvailable"/>.</summary>
public sealed record CoordinatorUnavailable(string Reason);

/// <summary>The coordinator is reachable again.</summary>
public sealed record CoordinatorAvailable
{
    /// <summary>The one instance.</summary>
    public static readonly CoordinatorAvailable Instance = new();
}

/// <summary>Asks the region which shards it hosts now.</summary>
public sealed record GetLocalShards
{
    /// <summary>The one instance.</summary>
    public static readonly GetLocalShards Instance = new();
}

/// <summary>The shards a region hosts, with the epoch it holds each at.</summary>
public sealed record LocalShards(IReadOnlyDictionary<int, long> Epochs, IReadOnlyList<int> HandingOff);
