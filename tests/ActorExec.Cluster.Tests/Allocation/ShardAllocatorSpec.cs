using ActorExec.Cluster.Allocation;
using ActorExec.Cluster.Membership;
using static ActorExec.Cluster.Tests.Allocation.AllocationScenario;

namespace ActorExec.Cluster.Tests.Allocation;

public sealed class ShardAllocatorSpec
{
    private static readonly MemberIncarnation A = Member("node-a"), B = Member("node-b"), C = Member("node-c");

    private static Dictionary<int, MemberIncarnation> Owned(params (MemberIncarnation Member, int Count)[] blocks)
    {
        var owners = new Dictionary<int, MemberIncarnation>();
        var shard = 0;
        foreach (var (member, count) in blocks)
            for (var i = 0; i < count; i++)
                owners[shard++] = member;
        return owners;
    }

    [Fact]
    public void Plan_BalancedCluster_IsEmpty()
        => ShardAllocator.Plan(10, [A, B, C], Owned((A, 4), (B, 3), (C, 3)), 1).Should().Be(ShardAllocationPlan.Empty);

    [Fact]
    public void Plan_RemainderHeldByAnyMember_IsStillBalanced()
        => ShardAllocator.Plan(10, [A, B, C], Owned((A, 3), (B, 3), (C, 4)), 1).IsEmpty.Should().BeTrue();

    [Fact]
    public void Plan_NothingOwned_AssignsEveryShardAtOnceWhateverTheCap()
    {
        var plan = ShardAllocator.Plan(256, [C, A, B], new Dictionary<int, MemberIncarnation>(), maxMoves: 1);

        plan.Moves.Should().HaveCount(256).And.OnlyContain(m => m.IsAssignment);
        plan.DeferredMoves.Should().Be(0);
        plan.Moves.CountBy(m => m.To).ToDictionary().Should().Equal(new Dictionary<MemberIncarnation, int> { [A] = 86, [B] = 85, [C] = 85 });
    }

    [Fact]
    public void Plan_OrphanedShards_GoToTheLeastLoadedAtOnce()
    {
        var owners = Owned((A, 4), (B, 2));

        var plan = ShardAllocator.Plan(8, [A, B], owners, maxMoves: 1);

        plan.Moves.Should().Equal(new ShardMove(6, null, B), new ShardMove(7, null, B));
    }

    [Fact]
    public void Plan_NodeJoinsBalancedCluster_MovesTheCappedShareToIt()
    {
        var plan = ShardAllocator.Plan(100, [A, B, C], Owned((A, 50), (B, 50)), maxMoves: 10);

        plan.Moves.Should().HaveCount(10).And.OnlyContain(m => m.To == C && m.From != null);
        plan.Moves.Count(m => m.From == A).Should().Be(5);
        plan.DeferredMoves.Should().Be(23, "A keeps 34 and B 33 of their 100: 33 moves in all");
    }

    [Fact]
    public void Plan_LeavingMemberOwnsShards_DrainsThemWithinTheCapToLiveMembersOnly()
    {
        var plan = ShardAllocator.Plan(30, [A, B], Owned((A, 10), (B, 10), (C, 10)), maxMoves: 4);

        plan.Moves.Should().HaveCount(4).And.OnlyContain(m => m.From == C && (m.To == A || m.To == B));
        plan.DeferredMoves.Should().Be(6);
    }

    [Fact]
    public void Plan_NoLiveMember_IsEmpty() => ShardAllocator.Plan(8, [], Owned((A, 8)), 1).Should().Be(ShardAllocationPlan.Empty);

    [Fact]
    public void Plan_SameInputInAnotherOrder_SamePlan()
    {
        var random = new Random(7);
        var owners = Enumerable.Range(0, 64).Where(s => s % 5 != 0).ToDictionary(s => s, s => new[] { A, B, C }[random.Next(2)]);
        var shuffled = owners.OrderBy(_ => random.Next()).ToDictionary();

        var plan = ShardAllocator.Plan(64, [A, B, C, Member("node-d")], owners, 3);
        var again = ShardAllocator.Plan(64, [Member("node-d"), C, B, A, A], shuffled, 3);

        again.Moves.Should().Equal(plan.Moves);
        again.DeferredMoves.Should().Be(plan.DeferredMoves);
    }

    [Fact]
    public void Plan_ShardOutsideTheCluster_ThrowsNamingIt()
    {
        var plan = () => ShardAllocator.Plan(8, [A], new Dictionary<int, MemberIncarnation> { [8] = A }, 1);

        plan.Should().Throw<ArgumentException>().WithMessage("*shard 8*shards 0 to 7*");
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(8, 0)]
    public void Plan_ShardCountOrCapNotPositive_Throws(int shardCount, int maxMoves)
    {
        var plan = () => ShardAllocator.Plan(shardCount, [A], new Dictionary<int, MemberIncarnation>(), maxMoves);

        plan.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Plan_NoCapGiven_MovesTenPercentOfTheShards()
    {
        var plan = ShardAllocator.Plan(256, [A, B], Owned((A, 256)));

        plan.Moves.Should().HaveCount(25).And.OnlyContain(m => m.From == A && m.To == B);
        plan.DeferredMoves.Should().Be(128 - 25);
    }

    [Theory]
    [InlineData(256, 25)]
    [InlineData(10, 1)]
    [InlineData(5, 1)]
    public void DefaultMaxMoves_ShardCount_IsTenPercentAndAtLeastOne(int shardCount, int expected)
        => ShardAllocator.DefaultMaxMoves(shardCount).Should().Be(expected);
}
