using ActorExec.Cluster.Membership;

namespace ActorExec.Cluster.Sharding;

/// <summary>The outcome of <see cref="ShardLeases.TryAcquireAsync"/>: acquired, or why not (expected refusals are values).</summary>
public abstract record AcquireResult
{
    private AcquireResult()
    {
    }

    /// <summary>The lease when acquired (or already held), else null.</summary>
    public ShardLease? Lease => (this as Acquired)?.Value;

    /// <summary>The shard is ours: newly acquired with a bumped epoch, or already held and still valid (same epoch).</summary>
    /// <param name="Value">The lease now held.</param>
    /// <param name="IsNew">False when we already held a valid lease on it and nothing changed.</param>
    public sealed record Acquired(ShardLease Value, bool IsNew) : AcquireResult;

    /// <summary>Another live incarnation holds a lease on the shard that has not expired.</summary>
    /// <param name="ShardId">The shard asked for.</param>
    /// <param name="Owner">Who holds it.</param>
    /// <param name="Epoch">At which epoch.</param>
    /// <param name="ExpiresAt">Until when, unless renewed (database clock).</param>
    public sealed record HeldByOther(int ShardId, MemberIncarnation Owner, long Epoch, DateTimeOffset ExpiresAt) : AcquireResult;

    /// <summary>The asking incarnation is not up (leaving, left, dead or unknown), so it may acquire nothing.</summary>
    /// <param name="Member">Who asked.</param>
    /// <param name="Status">Its status, or null when the database does not know the incarnation.</param>
    public sealed record NotMember(MemberIncarnation Member, MemberStatus? Status) : AcquireResult;
}
