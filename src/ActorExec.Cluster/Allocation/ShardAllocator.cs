using ActorExec.Cluster.Membership;

namespace ActorExec.Cluster.Allocation;

/// <summary>
/// Decides which shards should change owner this round. Pure and deterministic: no I/O, and ties are broken by
/// node id, incarnation and shard id, so every node computes the same plan from the same input.
/// <para>
/// Goal: every shard owned by a live (up) member and the members' counts within one of each other
/// (⌊shards / members⌋ or one more). Unowned shards are assigned at once, whatever the cap, because nobody
/// serves them; moves of owned shards (away from members that are not live, such as leaving ones, or from
/// members above their share) are capped per round. Only shards that must move ever move: the members that
/// get the extra shard of an uneven split are those already holding the most.
/// </para>
/// </summary>
public static class ShardAllocator
{
    /// <summary>The default cap on moves of owned shards per round: 10% of the shards, at least one.</summary>
    public static int DefaultMaxMoves(int shardCount) => Math.Max(1, shardCount / 10);

    /// <summary>Plans one allocation round.</summary>
    /// <param name="shardCount">Shards of the cluster.</param>
    /// <param name="liveMembers">Members eligible for shards (status up); order does not matter.</param>
    /// <param name="owners">
    /// Current owner of each owned shard (valid leases only); a shard absent is unowned. An owner not in
    /// <paramref name="liveMembers"/> (leaving, for instance) is drained: its shards move, within the cap.
    /// </param>
    /// <param name="maxMoves">Most owned shards moved this round, at least 1; null for <see cref="DefaultMaxMoves"/>.</param>
    /// <returns>The moves, and how many owned-shard moves remain for later rounds. Empty when there is no live member.</returns>
    /// <exception cref="ArgumentException">An argument is out of range or names a shard that does not exist.</exception>
    public static ShardAllocationPlan Plan(
        int shardCount, IReadOnlyCollection<MemberIncarnation> liveMembers, IReadOnlyDictionary<int, MemberIncarnation> owners, int? maxMoves = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shardCount);
        ArgumentNullException.ThrowIfNull(liveMembers);
        ArgumentNullException.ThrowIfNull(owners);
        var cap = maxMoves ?? DefaultMaxMoves(shardCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cap, nameof(maxMoves));
        if (owners.Keys.FirstOrDefault(s => (uint)s >= (uint)shardCount, -1) is var bad and >= 0)
            throw new ArgumentException($"The ownership names shard {bad}, but the cluster has shards 0 to {shardCount - 1}", nameof(owners));

        var members = liveMembers.Distinct().Order(MemberIncarnation.Order).ToArray();
        if (members.Length == 0)
            return ShardAllocationPlan.Empty;
        var state = new AllocationState(shardCount, members, owners);
        var moves = new List<ShardMove>();

        foreach (var shard in state.Unowned)
            moves.Add(new ShardMove(shard, null, members[state.TakeReceiver()]));

        var budget = cap;
        foreach (var (shard, from) in state.Draining)
        {
            if (budget == 0)
                break;
            moves.Add(new ShardMove(shard, from, members[state.TakeReceiver()]));
            budget--;
        }
        while (budget > 0 && state.TakeFromMostLoaded() is var (shard, giver) && giver >= 0)
        {
            moves.Add(new ShardMove(shard, members[giver], members[state.TakeReceiver()]));
            budget--;
        }
        var deferred = state.CappedMovesNeeded - (moves.Count - state.Unowned.Count);
        return moves.Count == 0 && deferred == 0 ? ShardAllocationPlan.Empty : new ShardAllocationPlan(moves, deferred);
    }
}
