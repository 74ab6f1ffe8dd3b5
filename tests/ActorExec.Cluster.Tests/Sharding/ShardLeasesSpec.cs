using ActorExec.Cluster.Membership;
using ActorExec.Cluster.Sharding;
using ActorExec.Cluster.Tests.Fixtures;

namespace ActorExec.Cluster.Tests.Sharding;

public sealed class ShardLeasesSpec : ClusterDatabaseSpec
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private Task<DateTimeOffset> DatabaseNowAsync() => Db.ScalarAsync<DateTimeOffset>("SELECT now()");

    [Fact]
    public async Task TryAcquire_FreeShard_BumpsTheEpochAndSetsExpiryByTheDatabaseClock()
    {
        var (_, me) = await Db.JoinAsync("node-a");

        var result = await Leases.TryAcquireAsync(3, me, Lease);

        result.Should().BeOfType<AcquireResult.Acquired>().Which.IsNew.Should().BeTrue();
        var lease = result.Lease!;
        lease.Should().Match<ShardLease>(l => l.ShardId == 3 && l.Owner == me && l.Epoch == 1);
        lease.ExpiresAt.Should().BeCloseTo(await DatabaseNowAsync() + Lease, TimeSpan.FromSeconds(2));
        (await Db.LeaseAsync(3)).Should().Match<ShardLeaseInfo>(l => l.Owner == me && l.Epoch == 1 && l.IsValid && l.AcquiredAt != null);
    }

    [Fact]
    public async Task TryAcquire_AlreadyMineAndValid_ReturnsTheSameLeaseWithoutBump()
    {
        var (_, me) = await Db.JoinAsync("node-a");
        var first = Acquired(await Leases.TryAcquireAsync(3, me, Lease));

        var again = await Leases.TryAcquireAsync(3, me, Lease);

        again.Should().Be(new AcquireResult.Acquired(first, IsNew: false));
    }

    [Fact]
    public async Task TryAcquire_MineButExpired_ReacquiresWithHigherEpoch()
    {
        var (_, me) = await Db.JoinAsync("node-a");
        var first = Acquired(await Leases.TryAcquireAsync(3, me, Lease));
        await Db.ExpireLeaseAsync(3);

        Acquired(await Leases.TryAcquireAsync(3, me, Lease)).Epoch.Should().Be(first.Epoch + 1);
    }

    [Fact]
    public async Task TryAcquire_HeldByAnotherLiveNode_IsRefusedNamingTheOwner()
    {
        var (_, a) = await Db.JoinAsync("node-a");
        var (_, b) = await Db.JoinAsync("node-b");
        var held = Acquired(await Leases.TryAcquireAsync(3, a, Lease));

        var result = await Leases.TryAcquireAsync(3, b, Lease);

        result.Should().Be(new AcquireResult.HeldByOther(3, a, held.Epoch, held.ExpiresAt));
        result.Lease.Should().BeNull();
    }

    [Fact]
    public async Task TryAcquire_OtherOwnersLeaseExpired_TakesOverWithHigherEpoch()
    {
        var (_, a) = await Db.JoinAsync("node-a");
        var (_, b) = await Db.JoinAsync("node-b");
        var old = Acquired(await Leases.TryAcquireAsync(3, a, Lease));
        await Db.ExpireLeaseAsync(3);

        var taken = Acquired(await Leases.TryAcquireAsync(3, b, Lease));

        taken.Owner.Should().Be(b);
        taken.Epoch.Should().Be(old.Epoch + 1);
    }

    [Fact]
    public async Task TryAcquire_ShortLease_ExpiresOnTheDatabaseClock()
    {
        var (_, a) = await Db.JoinAsync("node-a");
        var (_, b) = await Db.JoinAsync("node-b");
        Acquired(await Leases.TryAcquireAsync(3, a, TimeSpan.FromMilliseconds(200)));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        AcquireResult result;
        do
            result = await Leases.TryAcquireAsync(3, b, Lease);
        while (result is AcquireResult.HeldByOther && DateTime.UtcNow < deadline);

        Acquired(result).Owner.Should().Be(b);
    }

    [Fact]
    public async Task TryAcquire_OwnerDeclaredDeadWithLeaseUnexpired_TakesOver()
    {
        var (_, a) = await Db.JoinAsync("node-a");
        var (_, b) = await Db.JoinAsync("node-b");
        var old = Acquired(await Leases.TryAcquireAsync(3, a, Lease));
        await Db.ExecuteAsync($"UPDATE {Db.Schema}.cluster_nodes SET status = 'dead' WHERE incarnation = @i", ("i", a.Incarnation));

        Acquired(await Leases.TryAcquireAsync(3, b, Lease)).Epoch.Should().Be(old.Epoch + 1);
    }

    [Fact]
    public async Task TryAcquire_UnknownIncarnation_IsRefused()
    {
        var stranger = new MemberIncarnation("node-x", 999_999);

        (await Leases.TryAcquireAsync(3, stranger, Lease)).Should().Be(new AcquireResult.NotMember(stranger, null));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(16)]
    public async Task TryAcquire_ShardOutOfRange_ThrowsNamingTheRange(int shardId)
    {
        var (_, me) = await Db.JoinAsync("node-a");

        var acquire = () => Leases.TryAcquireAsync(shardId, me, Lease);

        await acquire.Should().ThrowAsync<ArgumentOutOfRangeException>().WithMessage($"Shard {shardId} does not exist; the cluster has shards 0 to 15*");
    }

    [Fact]
    public async Task Renew_OwnedShards_ExtendsThemAndReturnsTheirEpochs()
    {
        var (_, me) = await Db.JoinAsync("node-a");
        var leases = new List<ShardLease>();
        foreach (var shard in new[] { 2, 5 })
            leases.Add(Acquired(await Leases.TryAcquireAsync(shard, me, TimeSpan.FromSeconds(5))));
        await Db.ExpireLeaseAsync(5);

        var renewal = await Leases.RenewAsync(me, Lease);

        renewal.Owned.Should().BeEquivalentTo(leases.ToDictionary(l => l.ShardId, l => l.Epoch), "an expired lease nobody took is still ours");
        renewal.ExpiresAt.Should().BeCloseTo(await DatabaseNowAsync() + Lease, TimeSpan.FromSeconds(2));
        (await Leases.ListAsync()).Where(l => l.Owner == me).Should().OnlyContain(l => l.IsValid && l.ExpiresAt == renewal.ExpiresAt);
    }

    [Fact]
    public async Task Renew_AfterTakeover_ReportsTheLostShard()
    {
        var (_, a) = await Db.JoinAsync("node-a");
        var (_, b) = await Db.JoinAsync("node-b");
        var owned = new Dictionary<int, long>();
        foreach (var shard in new[] { 1, 2 })
            owned[shard] = Acquired(await Leases.TryAcquireAsync(shard, a, Lease)).Epoch;
        await Db.ExpireLeaseAsync(2);
        Acquired(await Leases.TryAcquireAsync(2, b, Lease));

        var renewal = await Leases.RenewAsync(a, Lease);

        renewal.Owned.Keys.Should().Equal(1);
        renewal.LostSince(owned).Should().BeEquivalentTo([2]);
    }

    [Fact]
    public void LostSince_ShardOwnedAgainAtAnotherEpoch_CountsAsLost()
    {
        var renewal = new LeaseRenewal(new Dictionary<int, long> { [1] = 4, [2] = 7 }, DateTimeOffset.UnixEpoch);

        renewal.LostSince(new Dictionary<int, long> { [1] = 4, [2] = 5, [3] = 1 }).Should().BeEquivalentTo([2, 3]);
    }

    [Fact]
    public async Task Renew_LeavingNode_StillRenews()
    {
        var (membership, me) = await Db.JoinAsync("node-a");
        var lease = Acquired(await Leases.TryAcquireAsync(4, me, Lease));
        await membership.BeginLeaveAsync();

        (await Leases.RenewAsync(me, Lease)).Owned.Should().Equal(new Dictionary<int, long> { [4] = lease.Epoch });
    }

    [Fact]
    public async Task Renew_DeadNode_RenewsNothingEvenWhereStillNamedOwner()
    {
        var (_, me) = await Db.JoinAsync("node-a");
        Acquired(await Leases.TryAcquireAsync(4, me, TimeSpan.FromSeconds(5)));
        await Db.ExecuteAsync($"UPDATE {Db.Schema}.cluster_nodes SET status = 'dead' WHERE incarnation = @i", ("i", me.Incarnation));

        var renewal = await Leases.RenewAsync(me, Lease);

        renewal.Should().Match<LeaseRenewal>(r => r.Owned.Count == 0 && r.ExpiresAt == null);
        (await Db.LeaseAsync(4)).IsValid.Should().BeFalse();
    }

    [Fact]
    public async Task Release_AtCurrentEpoch_FreesTheShardKeepingTheEpoch()
    {
        var (_, me) = await Db.JoinAsync("node-a");
        var lease = Acquired(await Leases.TryAcquireAsync(6, me, Lease));

        (await Leases.ReleaseAsync(me, 6, lease.Epoch)).Should().BeTrue();

        (await Db.LeaseAsync(6)).Should().Be(new ShardLeaseInfo(6, null, lease.Epoch, null, null, false));
    }

    [Fact]
    public async Task Release_AtStaleEpoch_ChangesNothing()
    {
        var (_, a) = await Db.JoinAsync("node-a");
        var (_, b) = await Db.JoinAsync("node-b");
        var old = Acquired(await Leases.TryAcquireAsync(6, a, Lease));
        await Db.ExpireLeaseAsync(6);
        var current = Acquired(await Leases.TryAcquireAsync(6, b, Lease));

        (await Leases.ReleaseAsync(a, 6, old.Epoch)).Should().BeFalse();
        (await Leases.ReleaseAsync(b, 6, old.Epoch)).Should().BeFalse();

        (await Db.LeaseAsync(6)).Should().Match<ShardLeaseInfo>(l => l.Owner == b && l.Epoch == current.Epoch && l.IsValid);
    }

    [Fact]
    public async Task List_MixedShards_ReportsOwnerEpochAndValidity()
    {
        var (_, a) = await Db.JoinAsync("node-a");
        var (_, b) = await Db.JoinAsync("node-b");
        var valid = Acquired(await Leases.TryAcquireAsync(0, a, Lease));
        var expired = Acquired(await Leases.TryAcquireAsync(1, b, Lease));
        await Db.ExpireLeaseAsync(1);

        var leases = await Leases.ListAsync();

        leases.Should().HaveCount(16);
        leases[0].Should().Match<ShardLeaseInfo>(l => l.Owner == a && l.Epoch == valid.Epoch && l.ExpiresAt == valid.ExpiresAt && l.IsValid);
        leases[1].Should().Match<ShardLeaseInfo>(l => l.Owner == b && l.Epoch == expired.Epoch && !l.IsValid);
        leases.Skip(2).Should().OnlyContain(l => l.Owner == null && !l.IsValid && l.Epoch == 0);
    }
}
