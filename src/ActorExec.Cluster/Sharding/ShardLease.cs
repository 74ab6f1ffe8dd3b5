using ActorExec.Cluster.Membership;

namespace ActorExec.Cluster.Sharding;

/// <summary>A shard held by an incarnation: writes for the shard carry <see cref="Epoch"/> and are fenced by it.</summary>
/// <param name="ShardId">The shard, 0 to shard count - 1.</param>
/// <param name="Owner">The incarnation holding it.</param>
/// <param name="Epoch">Bumped by every acquisition; a write at an older epoch is refused.</param>
/// <param name="ExpiresAt">When the lease runs out unless renewed (database clock).</param>
public sealed record ShardLease(int ShardId, MemberIncarnation Owner, long Epoch, DateTimeOffset ExpiresAt);

/// <summary>One row of <c>shard_leases</c> as <see cref="ShardLeases.ListAsync"/> reports it.</summary>
/// <param name="ShardId">The shard.</param>
/// <param name="Owner">The incarnation named as owner, or null when the shard is free.</param>
/// <param name="Epoch">The epoch of the last acquisition (kept when the shard is released).</param>
/// <param name="ExpiresAt">When the owner's lease runs out; null when free.</param>
/// <param name="AcquiredAt">When the owner acquired it; null when free.</param>
/// <param name="IsValid">
/// True when another node could not take the shard now: it has an owner that is up or leaving and the
/// lease has not expired (database clock).
/// </param>
public sealed record ShardLeaseInfo(int ShardId, MemberIncarnation? Owner, long Epoch, DateTimeOffset? ExpiresAt, DateTimeOffset? AcquiredAt, bool IsValid);

/// <summary>What <see cref="ShardLeases.RenewAsync"/> found: the shards still owned and until when.</summary>
/// <param name="Owned">Shard to epoch, for every shard the incarnation still owns; empty once it is no longer a member.</param>
/// <param name="ExpiresAt">The new expiry of those leases (database clock); null when nothing is owned.</param>
public sealed record LeaseRenewal(IReadOnlyDictionary<int, long> Owned, DateTimeOffset? ExpiresAt)
{
    /// <summary>
    /// The shards of <paramref name="previouslyOwned"/> (shard to epoch) that were lost since: no longer
    /// owned, or owned again at another epoch (someone else held it in between). Their actors must stop.
    /// </summary>
    public IReadOnlySet<int> LostSince(IReadOnlyDictionary<int, long> previouslyOwned)
    {
        ArgumentNullException.ThrowIfNull(previouslyOwned);
        return previouslyOwned.Where(p => !Owned.TryGetValue(p.Key, out var epoch) || epoch != p.Value).Select(p => p.Key).ToHashSet();
    }
}
