using ActorExec.Cluster.Fencing;
using ActorExec.Cluster.Membership;
using ActorExec.Cluster.Sharding;
using ActorExec.Cluster.Tests.Fixtures;

namespace ActorExec.Cluster.Tests.Fencing;

public sealed class LeaseFenceSpec : ClusterDatabaseSpec
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private LeaseFence Fence => new(Db.Options);

    private async Task<IReadOnlySet<int>> FencedAsync(MemberIncarnation writer, IReadOnlyDictionary<int, long> expected)
    {
        await using var connection = await Db.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        return await Fence.FindFencedAsync(connection, transaction, expected, writer.Incarnation, CancellationToken.None);
    }

    /// <summary>True once some backend waits for a row lock on this test's lease table.</summary>
    private Task<bool> SomeoneWaitsForALeaseRowAsync() => Db.ScalarAsync<bool>($"""
        SELECT EXISTS (SELECT 1 FROM pg_stat_activity
                       WHERE wait_event_type = 'Lock' AND query LIKE '%{Db.Schema}.shard_leases%' AND pid <> pg_backend_pid())
        """);

    [Fact]
    public async Task FindFenced_HeldAtTheExpectedEpochs_ReportsNothing()
    {
        var (_, me) = await Db.JoinAsync("node-a");
        var expected = new Dictionary<int, long>();
        foreach (var shard in new[] { 1, 2, 3 })
            expected[shard] = Acquired(await Leases.TryAcquireAsync(shard, me, Lease)).Epoch;

        (await FencedAsync(me, expected)).Should().BeEmpty();
    }

    [Fact]
    public async Task FindFenced_ExpiredButNotTaken_ReportsNothing()
    {
        var (_, me) = await Db.JoinAsync("node-a");
        var lease = Acquired(await Leases.TryAcquireAsync(1, me, Lease));
        await Db.ExpireLeaseAsync(1);

        (await FencedAsync(me, new Dictionary<int, long> { [1] = lease.Epoch })).Should().BeEmpty("fencing is by epoch: nobody else wrote at a higher one");
    }

    [Fact]
    public async Task FindFenced_AfterTakeover_ReportsTheOldOwnersShard()
    {
        var (_, a) = await Db.JoinAsync("node-a");
        var (_, b) = await Db.JoinAsync("node-b");
        var kept = Acquired(await Leases.TryAcquireAsync(1, a, Lease));
        var lost = Acquired(await Leases.TryAcquireAsync(2, a, Lease));
        await Db.ExpireLeaseAsync(2);
        var taken = Acquired(await Leases.TryAcquireAsync(2, b, Lease));

        (await FencedAsync(a, new Dictionary<int, long> { [1] = kept.Epoch, [2] = lost.Epoch })).Should().BeEquivalentTo([2]);
        (await FencedAsync(b, new Dictionary<int, long> { [2] = taken.Epoch })).Should().BeEmpty();
    }

    [Fact]
    public async Task FindFenced_AfterReleaseOrDeath_ReportsTheShards()
    {
        var (_, me) = await Db.JoinAsync("node-a");
        var released = Acquired(await Leases.TryAcquireAsync(1, me, Lease));
        var orphaned = Acquired(await Leases.TryAcquireAsync(2, me, Lease));
        await Leases.ReleaseAsync(me, 1, released.Epoch);
        (await FencedAsync(me, new Dictionary<int, long> { [1] = released.Epoch, [2] = orphaned.Epoch })).Should().BeEquivalentTo([1]);

        await Db.AgeHeartbeatAsync(me, TimeSpan.FromSeconds(10));
        await Db.NewMembership().DetectDeadAsync(TimeSpan.FromSeconds(3));

        (await FencedAsync(me, new Dictionary<int, long> { [2] = orphaned.Epoch })).Should().BeEquivalentTo([2]);
    }

    [Fact]
    public async Task FindFenced_UnknownShardOrNothingExpected_ReportsAccordingly()
    {
        var (_, me) = await Db.JoinAsync("node-a");

        (await FencedAsync(me, new Dictionary<int, long> { [99] = 1 })).Should().BeEquivalentTo([99]);
        (await FencedAsync(me, new Dictionary<int, long>())).Should().BeEmpty();
    }

    [Fact]
    public async Task FindFenced_WhileAWriteHoldsTheLease_TakeoverWaitsForItsCommitThenFencesIt()
    {
        var (_, a) = await Db.JoinAsync("node-a");
        var (_, b) = await Db.JoinAsync("node-b");
        var old = Acquired(await Leases.TryAcquireAsync(5, a, Lease));
        await Db.ExpireLeaseAsync(5);
        var expected = new Dictionary<int, long> { [5] = old.Epoch };

        // A's journal write: fence passes, the lease row stays share-locked until the write commits.
        await using var connection = await Db.DataSource.OpenConnectionAsync();
        await using var write = await connection.BeginTransactionAsync();
        (await Fence.FindFencedAsync(connection, write, expected, a.Incarnation, CancellationToken.None)).Should().BeEmpty();

        var takeover = Leases.TryAcquireAsync(5, b, Lease);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await SomeoneWaitsForALeaseRowAsync() && !takeover.IsCompleted && DateTime.UtcNow < deadline)
            await Task.Delay(10);
        (await SomeoneWaitsForALeaseRowAsync()).Should().BeTrue("the takeover waits on the row lock");
        takeover.IsCompleted.Should().BeFalse();

        await write.CommitAsync();
        var taken = Acquired(await takeover);

        taken.Should().Match<ShardLease>(l => l.Owner == b && l.Epoch == old.Epoch + 1);
        (await FencedAsync(a, expected)).Should().BeEquivalentTo([5]);
    }

    [Fact]
    public void CheckEpochSql_ValidSchema_ReadsItsLeaseRowsForShare()
        => LeaseFence.CheckEpochSql("cluster_a").Should().Be(
            "SELECT shard_id, owner_incarnation, epoch FROM cluster_a.shard_leases WHERE shard_id = ANY(@shards) ORDER BY shard_id FOR SHARE");

    [Fact]
    public void CheckEpochSql_SchemaNotAnIdentifier_Throws()
    {
        var sql = () => LeaseFence.CheckEpochSql("x; DROP TABLE y");

        sql.Should().Throw<ArgumentException>().WithMessage("*ClusterOptions.Schema*");
    }
}
