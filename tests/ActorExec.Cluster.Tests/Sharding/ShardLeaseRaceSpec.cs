using ActorExec.Cluster.Membership;
using ActorExec.Cluster.Sharding;
using ActorExec.Cluster.Tests.Fixtures;

namespace ActorExec.Cluster.Tests.Sharding;

/// <summary>Many nodes acquiring at the same moment: the lease row lock lets exactly one win.</summary>
public sealed class ShardLeaseRaceSpec : ClusterDatabaseSpec
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private async Task<MemberIncarnation[]> JoinAsync(int count)
    {
        var members = new MemberIncarnation[count];
        for (var i = 0; i < count; i++)
            members[i] = (await Db.JoinAsync($"node-{i:00}")).Me;
        return members;
    }

    /// <summary>Starts every acquisition together (released by one gate) and waits for all.</summary>
    private async Task<AcquireResult[]> RaceAsync(IEnumerable<(int Shard, MemberIncarnation Member)> attempts)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = attempts.Select(a => Task.Run(async () =>
        {
            await gate.Task;
            return await Leases.TryAcquireAsync(a.Shard, a.Member, Lease);
        })).ToArray();
        gate.SetResult();
        return await Task.WhenAll(tasks);
    }

    [Fact]
    public async Task TryAcquire_ManyRacersOverSeveralTakeovers_OneWinnerEachTimeAndEpochsStrictlyIncrease()
    {
        var members = await JoinAsync(12);
        var epochs = new List<long>();

        for (var round = 0; round < 6; round++)
        {
            var results = await RaceAsync(members.Select(m => (7, m)));

            var winner = results.OfType<AcquireResult.Acquired>().Should().ContainSingle().Subject;
            winner.IsNew.Should().BeTrue();
            results.Where(r => r != winner).Should().AllBeOfType<AcquireResult.HeldByOther>()
                .And.AllSatisfy(r => ((AcquireResult.HeldByOther)r).Owner.Should().Be(winner.Value.Owner));
            (await Db.LeaseAsync(7)).Should().Match<ShardLeaseInfo>(l => l.Owner == winner.Value.Owner && l.Epoch == winner.Value.Epoch);
            epochs.Add(winner.Value.Epoch);
            await Db.ExpireLeaseAsync(7);
        }

        epochs.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems().And.Equal(1, 2, 3, 4, 5, 6);
    }

    [Fact]
    public async Task TryAcquire_EveryNodeRacingForEveryShard_EachShardGetsExactlyOneOwner()
    {
        var members = await JoinAsync(6);

        var results = await RaceAsync(from shard in Enumerable.Range(0, 16) from member in members select (shard, member));

        var winners = results.OfType<AcquireResult.Acquired>().Select(a => a.Value).ToArray();
        winners.Select(w => w.ShardId).Should().BeEquivalentTo(Enumerable.Range(0, 16));
        winners.Should().OnlyContain(w => w.Epoch == 1);
        var leases = await Leases.ListAsync();
        leases.Should().OnlyContain(l => l.IsValid && l.Epoch == 1);
        leases.Select(l => l.Owner).Should().Equal(winners.OrderBy(w => w.ShardId).Select(w => w.Owner));
    }
}
