using ActorExec.Cluster.Allocation;

namespace ActorExec.Cluster.Tests.Allocation;

/// <summary>
/// The allocator's promises checked over thousands of seeded random clusters, applying plans round after
/// round. Inside the loops the checks are plain conditions (assertion libraries are too slow for millions of
/// them); a failure names the seed, which reproduces the cluster.
/// </summary>
public sealed class ShardAllocatorPropertySpec
{
    private const int Configurations = 3_000;

    private static void Check(bool condition, int seed, string promise)
    {
        if (!condition)
            Assert.Fail($"seed {seed}: {promise}");
    }

    [Fact]
    public void Plan_RandomClusters_ConvergeWithinTheCapInTheFewestMoves()
    {
        for (var seed = 0; seed < Configurations; seed++)
        {
            var random = new Random(seed);
            var scenario = AllocationScenario.Random(random);
            var cap = random.Next(3) == 0 ? random.Next(1, 4) : random.Next(1, scenario.ShardCount + 1);
            var needed = scenario.MinimalCappedMoves();
            var expectedRounds = Math.Max((needed + cap - 1) / cap, scenario.UnownedCount > 0 ? 1 : 0);
            var moved = new HashSet<int>();
            var rounds = 0;

            for (var plan = scenario.Plan(cap); !plan.IsEmpty; plan = scenario.Plan(cap))
            {
                rounds++;
                var capped = plan.Moves.Where(m => !m.IsAssignment).ToArray();
                Check(rounds <= expectedRounds, seed, $"converges within ceil({needed} moves / cap {cap}) = {expectedRounds} rounds");
                Check(capped.Length <= cap, seed, $"round {rounds} moves {capped.Length} owned shards; the cap is {cap}");
                Check(rounds == 1 || capped.Length == plan.Moves.Count, seed, "unowned shards are all assigned in the first round");
                Check(plan.Moves.All(m => scenario.Live.Contains(m.To)), seed, "shards only move to live members");
                Check(plan.Moves.Select(m => m.ShardId).Distinct().Count() == plan.Moves.Count, seed, "a plan moves each shard once");
                Check(plan.Moves.All(m => scenario.Owners.GetValueOrDefault(m.ShardId) == m.From), seed, "a move starts from the shard's current owner");
                Check(capped.All(m => moved.Add(m.ShardId)), seed, "no shard moves twice");
                scenario.Apply(plan);
            }

            Check(rounds == expectedRounds, seed, $"takes {expectedRounds} rounds, took {rounds}");
            Check(moved.Count == needed, seed, $"moves only the {needed} shards that must move; moved {moved.Count}");
            Check(scenario.IsBalanced, seed, $"ends balanced: every shard owned by a live member, counts {string.Join(",", scenario.Counts())} within one");
        }
    }

    [Fact]
    public void Plan_FirstRound_ReportsTheMovesItDeferred()
    {
        for (var seed = 0; seed < Configurations; seed++)
        {
            var random = new Random(seed);
            var scenario = AllocationScenario.Random(random);
            var cap = random.Next(1, scenario.ShardCount + 1);

            var plan = scenario.Plan(cap);

            var capped = plan.Moves.Count(m => !m.IsAssignment);
            Check(capped + plan.DeferredMoves == scenario.MinimalCappedMoves(), seed, "moves made plus deferred are the moves needed");
            Check(plan.Moves.Count(m => m.IsAssignment) == scenario.UnownedCount, seed, "every unowned shard is assigned");
        }
    }

    [Fact]
    public void Plan_RandomBalancedClusters_MoveNothing()
    {
        for (var seed = 0; seed < Configurations; seed++)
        {
            var scenario = AllocationScenario.RandomBalanced(new Random(seed));

            Check(scenario.Plan(1) == ShardAllocationPlan.Empty, seed, "a balanced cluster yields an empty plan");
        }
    }
}
