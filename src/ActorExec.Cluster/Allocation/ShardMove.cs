using ActorExec.Cluster.Membership;

namespace ActorExec.Cluster.Allocation;

/// <summary>One step of an allocation plan: <see cref="To"/> should own <see cref="ShardId"/>.</summary>
/// <param name="ShardId">The shard.</param>
/// <param name="From">The owner that drains and releases it first; null for an unowned shard, which <see cref="To"/> acquires at once.</param>
/// <param name="To">The live member that acquires it.</param>
public sealed record ShardMove(int ShardId, MemberIncarnation? From, MemberIncarnation To)
{
    /// <summary>True for an unowned shard being assigned (not counted against the per-round cap).</summary>
    public bool IsAssignment => From is null;
}

/// <summary>The moves of one allocation round, in the order they were chosen.</summary>
/// <param name="Moves">Assignments of unowned shards first, then capped moves of owned shards.</param>
/// <param name="DeferredMoves">Moves of owned shards still needed after this round (left for later rounds by the cap).</param>
public sealed record ShardAllocationPlan(IReadOnlyList<ShardMove> Moves, int DeferredMoves)
{
    /// <summary>A plan with nothing to do: the cluster is balanced (or has no live member).</summary>
    public static readonly ShardAllocationPlan Empty = new([], 0);

    /// <summary>True when there is nothing to do this round.</summary>
    public bool IsEmpty => Moves.Count == 0;
}
