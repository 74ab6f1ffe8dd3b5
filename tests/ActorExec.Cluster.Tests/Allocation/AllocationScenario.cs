using ActorExec.Cluster.Allocation;
using ActorExec.Cluster.Membership;

namespace ActorExec.Cluster.Tests.Allocation;

/// <summary>
/// A cluster's ownership for allocator tests: random configurations from a seed, plans applied round after
/// round as the nodes would, and the balance facts computed independently of the allocator.
/// </summary>
public sealed class AllocationScenario
{
    public AllocationScenario(int shardCount, IReadOnlyList<MemberIncarnation> live, Dictionary<int, MemberIncarnation> owners)
    {
        ShardCount = shardCount;
        Live = live;
        Owners = owners;
    }

    public int ShardCount { get; }

    public IReadOnlyList<MemberIncarnation> Live { get; }

    public Dictionary<int, MemberIncarnation> Owners { get; }

    public static MemberIncarnation Member(string nodeId, long incarnation = 1) => new(nodeId, incarnation);

    /// <summary>A random cluster: some live members, some leaving ones, shards owned by either or by nobody.</summary>
    public static AllocationScenario Random(Random random)
    {
        var shardCount = random.Next(6) == 0 ? random.Next(1, 8) : random.Next(1, 300);
        var nodes = Enumerable.Range(0, random.Next(1, 10)).Select(i => Member($"node-{random.Next(100):00}", i + 1)).ToArray();
        var live = nodes.Where(_ => random.Next(5) != 0).ToList();
        if (live.Count == 0)
            live.Add(nodes[0]);
        var skew = random.NextDouble();
        var unowned = random.Next(4) == 0 ? random.NextDouble() : 0;
        var owners = new Dictionary<int, MemberIncarnation>();
        for (var shard = 0; shard < shardCount; shard++)
        {
            if (random.NextDouble() < unowned)
                continue;
            // Skewed towards the first nodes, so some clusters are very unbalanced.
            var index = random.NextDouble() < skew ? 0 : random.Next(nodes.Length);
            owners[shard] = nodes[index];
        }
        return new AllocationScenario(shardCount, live, owners);
    }

    /// <summary>A random balanced cluster: every shard owned by a live member, counts within one.</summary>
    public static AllocationScenario RandomBalanced(Random random)
    {
        var shardCount = random.Next(1, 300);
        var live = Enumerable.Range(0, random.Next(1, 10)).Select(i => Member($"node-{i}", random.Next(1, 1000))).ToArray();
        var slots = Enumerable.Range(0, shardCount).Select(i => live[i % live.Length]).OrderBy(_ => random.Next()).ToArray();
        var owners = Enumerable.Range(0, shardCount).ToDictionary(s => s, s => slots[s]);
        return new AllocationScenario(shardCount, [.. live.OrderBy(_ => random.Next())], owners);
    }

    public ShardAllocationPlan Plan(int maxMoves) => ShardAllocator.Plan(ShardCount, Live, Owners, maxMoves);

    public int UnownedCount => ShardCount - Owners.Count;

    /// <summary>
    /// Moves of owned shards that any correct allocator needs: every shard of a non-live owner, plus each live
    /// member's count above ⌊shards/members⌋, less one for each member above it that may keep the remainder's extra shard.
    /// </summary>
    public int MinimalCappedMoves()
    {
        var share = ShardCount / Live.Count;
        var extra = ShardCount % Live.Count;
        var counts = Live.Select(m => Owners.Values.Count(o => o == m)).ToArray();
        var draining = Owners.Values.Count(o => !Live.Contains(o));
        return draining + counts.Sum(c => Math.Max(0, c - share)) - Math.Min(extra, counts.Count(c => c > share));
    }

    public int[] Counts() => [.. Live.Select(m => Owners.Values.Count(o => o == m))];

    public bool IsBalanced => Owners.Count == ShardCount && Owners.Values.All(Live.Contains) && Counts().Max() - Counts().Min() <= 1;

    /// <summary>Applies a plan as the nodes would.</summary>
    public void Apply(ShardAllocationPlan plan)
    {
        foreach (var move in plan.Moves)
            Owners[move.ShardId] = move.To;
    }
}
