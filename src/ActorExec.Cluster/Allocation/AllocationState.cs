using ActorExec.Cluster.Membership;

namespace ActorExec.Cluster.Allocation;

/// <summary>The working state of one <see cref="ShardAllocator.Plan"/> call: who owns what, each live member's share, and its load as moves are chosen.</summary>
internal sealed class AllocationState
{
    private readonly int[] _quota;
    private readonly int[] _load;
    private readonly List<int>[] _owned;

    /// <param name="shardCount">Shards of the cluster.</param>
    /// <param name="members">The live members, sorted by <see cref="MemberIncarnation.Order"/>; indices refer to this array.</param>
    /// <param name="owners">Current owner of each owned shard.</param>
    public AllocationState(int shardCount, MemberIncarnation[] members, IReadOnlyDictionary<int, MemberIncarnation> owners)
    {
        var index = new Dictionary<MemberIncarnation, int>();
        for (var i = 0; i < members.Length; i++)
            index[members[i]] = i;
        _owned = [.. members.Select(_ => new List<int>())];
        for (var shard = 0; shard < shardCount; shard++)
        {
            if (!owners.TryGetValue(shard, out var owner))
                Unowned.Add(shard);
            else if (index.TryGetValue(owner, out var i))
                _owned[i].Add(shard);
            else
                Draining.Add((shard, owner));
        }
        _load = [.. _owned.Select(o => o.Count)];

        // Each member's share is ⌊shards / members⌋; the remainder goes one each to the members already
        // holding the most (ties by member order), which keeps the moves needed to a minimum.
        var share = shardCount / members.Length;
        var extra = shardCount % members.Length;
        _quota = new int[members.Length];
        var byLoad = Enumerable.Range(0, members.Length).OrderByDescending(i => _load[i]).ThenBy(i => i).ToArray();
        for (var rank = 0; rank < byLoad.Length; rank++)
            _quota[byLoad[rank]] = share + (rank < extra ? 1 : 0);
        CappedMovesNeeded = Draining.Count + Enumerable.Range(0, members.Length).Sum(i => Math.Max(0, _load[i] - _quota[i]));
    }

    /// <summary>Shards nobody owns, in id order.</summary>
    public List<int> Unowned { get; } = [];

    /// <summary>Shards owned by members that are not live, in id order.</summary>
    public List<(int Shard, MemberIncarnation Owner)> Draining { get; } = [];

    /// <summary>Moves of owned shards needed to reach balance: draining shards plus every live member's excess over its share.</summary>
    public int CappedMovesNeeded { get; }

    /// <summary>The member furthest below its share (ties by member order), counted as receiving one shard.</summary>
    public int TakeReceiver()
    {
        var best = -1;
        for (var i = 0; i < _load.Length; i++)
        {
            if (_load[i] < _quota[i] && (best < 0 || _quota[i] - _load[i] > _quota[best] - _load[best]))
                best = i;
        }
        if (best < 0)
            throw new InvalidOperationException("Shard allocation found no member below its share for a shard that must move; the shares do not add up to the shard count");
        _load[best]++;
        return best;
    }

    /// <summary>
    /// The highest shard of the member furthest above its share (ties by member order), counted as given away;
    /// giver -1 when every member is within its share.
    /// </summary>
    public (int Shard, int Giver) TakeFromMostLoaded()
    {
        var best = -1;
        for (var i = 0; i < _load.Length; i++)
        {
            if (_load[i] > _quota[i] && (best < 0 || _load[i] - _quota[i] > _load[best] - _quota[best]))
                best = i;
        }
        if (best < 0)
            return (-1, -1);
        var owned = _owned[best];
        var shard = owned[^1];
        owned.RemoveAt(owned.Count - 1);
        _load[best]--;
        return (shard, best);
    }
}
