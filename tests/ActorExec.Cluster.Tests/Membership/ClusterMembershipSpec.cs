using ActorExec.Cluster.Membership;
using ActorExec.Cluster.Sharding;
using ActorExec.Cluster.Tests.Fixtures;

namespace ActorExec.Cluster.Tests.Membership;

public sealed class ClusterMembershipSpec : ClusterDatabaseSpec
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Join_NewNode_IsUpAndHeartbeatingNow()
    {
        var membership = Db.NewMembership();

        var me = await membership.JoinAsync("node-a", "10.0.0.1:5000");

        me.NodeId.Should().Be("node-a");
        membership.Current.Should().Be(me);
        var info = await Db.MemberAsync(me);
        info.Status.Should().Be(MemberStatus.Up);
        info.Address.Should().Be("10.0.0.1:5000");
        info.HeartbeatAge.Should().BeLessThan(TimeSpan.FromSeconds(1));
        info.Reason.Should().BeNull();
    }

    [Fact]
    public async Task Join_SeveralNodes_IncarnationsIncrease()
    {
        var (_, a) = await Db.JoinAsync("node-a");
        var (_, b) = await Db.JoinAsync("node-b");
        var (_, c) = await Db.JoinAsync("node-a");

        b.Incarnation.Should().BeGreaterThan(a.Incarnation);
        c.Incarnation.Should().BeGreaterThan(b.Incarnation);
    }

    [Fact]
    public async Task Join_SameMembershipTwice_Throws()
    {
        var (membership, me) = await Db.JoinAsync("node-a");

        var again = () => membership.JoinAsync("node-a", "elsewhere:1");

        await again.Should().ThrowAsync<InvalidOperationException>().WithMessage($"*already joined as incarnation {me}*");
    }

    [Theory]
    [InlineData("", "a:1")]
    [InlineData("node-a", " ")]
    public async Task Join_EmptyNodeIdOrAddress_Throws(string nodeId, string address)
    {
        var join = () => Db.NewMembership().JoinAsync(nodeId, address);

        await join.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task Join_RestartedNode_ReplacesTheOldIncarnationAndFreesItsShards()
    {
        var (oldMembership, old) = await Db.JoinAsync("node-a");
        var epoch = Acquired(await Leases.TryAcquireAsync(5, old, Lease)).Epoch;

        var (_, restarted) = await Db.JoinAsync("node-a");

        var oldInfo = await Db.MemberAsync(old);
        oldInfo.Status.Should().Be(MemberStatus.Dead);
        oldInfo.Reason.Should().Be($"replaced by incarnation {restarted.Incarnation}");
        var lease = await Db.LeaseAsync(5);
        lease.Owner.Should().BeNull();
        lease.Epoch.Should().Be(epoch, "releasing keeps the epoch; the next owner bumps it");
        (await oldMembership.HeartbeatAsync()).IsMember.Should().BeFalse();
        (await Db.MemberAsync(restarted)).Status.Should().Be(MemberStatus.Up);
    }

    [Fact]
    public async Task Join_OtherNodeId_LeavesExistingMembersAlone()
    {
        var (_, a) = await Db.JoinAsync("node-a");

        await Db.JoinAsync("node-b");

        (await Db.MemberAsync(a)).Status.Should().Be(MemberStatus.Up);
    }

    [Fact]
    public async Task Heartbeat_WhileUp_ResetsTheHeartbeatAge()
    {
        var (membership, me) = await Db.JoinAsync("node-a");
        await Db.AgeHeartbeatAsync(me, TimeSpan.FromSeconds(10));

        var state = await membership.HeartbeatAsync();

        state.Should().Be(new MembershipState(me, MemberStatus.Up, null));
        state.IsMember.Should().BeTrue();
        (await Db.MemberAsync(me)).HeartbeatAge.Should().BeLessThan(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Heartbeat_BeforeJoin_Throws()
    {
        var heartbeat = () => Db.NewMembership().HeartbeatAsync();

        await heartbeat.Should().ThrowAsync<InvalidOperationException>().WithMessage("*JoinAsync first*");
    }

    [Fact]
    public async Task Heartbeat_AfterDeclaredDead_ReportsNotMemberWithTheReason()
    {
        var (membership, me) = await Db.JoinAsync("node-a");
        await Db.AgeHeartbeatAsync(me, TimeSpan.FromSeconds(10));
        await Db.NewMembership().DetectDeadAsync(Timeout);

        var state = await membership.HeartbeatAsync();

        state.IsMember.Should().BeFalse();
        state.Status.Should().Be(MemberStatus.Dead);
        state.Reason.Should().StartWith("missed heartbeats for 10");
        (await Db.MemberAsync(me)).HeartbeatAge.Should().BeGreaterThan(TimeSpan.FromSeconds(9), "a dead incarnation's heartbeat is not recorded");
    }

    [Fact]
    public async Task DeadIncarnation_NeverComesBack()
    {
        var (membership, me) = await Db.JoinAsync("node-a");
        await Db.AgeHeartbeatAsync(me, TimeSpan.FromSeconds(10));
        await Db.NewMembership().DetectDeadAsync(Timeout);

        (await membership.HeartbeatAsync()).Status.Should().Be(MemberStatus.Dead);
        (await membership.BeginLeaveAsync()).Status.Should().Be(MemberStatus.Dead);
        (await membership.CompleteLeaveAsync()).Status.Should().Be(MemberStatus.Dead);
        (await Leases.TryAcquireAsync(0, me, Lease)).Should().Be(new AcquireResult.NotMember(me, MemberStatus.Dead));
        (await Leases.RenewAsync(me, Lease)).Owned.Should().BeEmpty();
        await Db.NewMembership().DetectDeadAsync(Timeout);
        (await Db.MemberAsync(me)).Status.Should().Be(MemberStatus.Dead);
    }

    [Fact]
    public async Task DetectDead_SilentNode_DeclaresItDeadAndFreesItsShards()
    {
        var (_, silent) = await Db.JoinAsync("node-a");
        var (_, alive) = await Db.JoinAsync("node-b");
        var epochs = new[] { 1, 2, 3 }.ToDictionary(s => s, s => 0L);
        foreach (var shard in epochs.Keys)
            epochs[shard] = Acquired(await Leases.TryAcquireAsync(shard, silent, Lease)).Epoch;
        await Leases.TryAcquireAsync(4, alive, Lease);
        await Db.AgeHeartbeatAsync(silent, TimeSpan.FromSeconds(10));

        var dead = await Db.NewMembership().DetectDeadAsync(Timeout);

        var declared = dead.Should().ContainSingle().Subject;
        declared.Member.Should().Be(silent);
        declared.ReleasedShards.Should().Be(3);
        declared.SilentFor.Should().BeCloseTo(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1));
        declared.Reason.Should().MatchRegex(@"^missed heartbeats for 10\.\d s \(lease timeout 3 s\)$");
        (await Db.MemberAsync(silent)).Reason.Should().Be(declared.Reason);
        (await Db.MemberAsync(alive)).Status.Should().Be(MemberStatus.Up);
        foreach (var (shard, epoch) in epochs)
            (await Db.LeaseAsync(shard)).Should().Match<ShardLeaseInfo>(l => l.Owner == null && l.ExpiresAt == null && l.Epoch == epoch);
        (await Db.LeaseAsync(4)).Owner.Should().Be(alive);
    }

    [Fact]
    public async Task DetectDead_HeartbeatWithinTimeout_DeclaresNobody()
    {
        var (_, me) = await Db.JoinAsync("node-a");
        await Db.AgeHeartbeatAsync(me, TimeSpan.FromSeconds(2));

        (await Db.NewMembership().DetectDeadAsync(Timeout)).Should().BeEmpty();
        (await Db.MemberAsync(me)).Status.Should().Be(MemberStatus.Up);
    }

    [Fact]
    public async Task DetectDead_SilentLeavingNode_DeclaresItDead()
    {
        var (membership, me) = await Db.JoinAsync("node-a");
        await membership.BeginLeaveAsync();
        await Db.AgeHeartbeatAsync(me, TimeSpan.FromSeconds(10));

        (await Db.NewMembership().DetectDeadAsync(Timeout)).Select(d => d.Member).Should().Equal(me);
    }

    [Fact]
    public async Task DetectDead_ManyDetectorsAtOnce_DeclareEachNodeOnce()
    {
        var silent = new List<MemberIncarnation>();
        for (var i = 0; i < 6; i++)
        {
            var (_, me) = await Db.JoinAsync($"node-{i}");
            await Db.AgeHeartbeatAsync(me, TimeSpan.FromSeconds(10));
            silent.Add(me);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Db.NewMembership().DetectDeadAsync(Timeout))));

        results.SelectMany(r => r).Select(d => d.Member).Should().BeEquivalentTo(silent);
    }

    [Fact]
    public async Task DetectDead_TimeoutNotPositive_Throws()
    {
        var detect = () => Db.NewMembership().DetectDeadAsync(TimeSpan.Zero);

        await detect.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task BeginLeave_UpNode_IsLeavingStillHeartbeatsAndCannotAcquire()
    {
        var (membership, me) = await Db.JoinAsync("node-a");

        var state = await membership.BeginLeaveAsync();

        state.Should().Be(new MembershipState(me, MemberStatus.Leaving, null));
        state.IsMember.Should().BeTrue();
        (await membership.HeartbeatAsync()).Status.Should().Be(MemberStatus.Leaving);
        (await Leases.TryAcquireAsync(0, me, Lease)).Should().Be(new AcquireResult.NotMember(me, MemberStatus.Leaving));
    }

    [Fact]
    public async Task CompleteLeave_LeavingNode_IsLeftAndItsShardsAreFree()
    {
        var (membership, me) = await Db.JoinAsync("node-a");
        var lease = Acquired(await Leases.TryAcquireAsync(7, me, Lease));
        await membership.BeginLeaveAsync();

        var state = await membership.CompleteLeaveAsync();

        state.Status.Should().Be(MemberStatus.Left);
        state.IsMember.Should().BeFalse();
        var info = await Db.MemberAsync(me);
        info.LeftAt.Should().NotBeNull();
        info.OwnedShards.Should().Be(0);
        (await Db.LeaseAsync(7)).Should().Match<ShardLeaseInfo>(l => l.Owner == null && l.Epoch == lease.Epoch);
        (await membership.HeartbeatAsync()).Status.Should().Be(MemberStatus.Left);
    }

    [Fact]
    public async Task ListMembers_SeveralNodes_ReportsHeartbeatAgeAndShardsOwned()
    {
        var (_, a) = await Db.JoinAsync("node-a");
        var (_, b) = await Db.JoinAsync("node-b");
        foreach (var shard in new[] { 0, 1, 2 })
            await Leases.TryAcquireAsync(shard, a, Lease);
        await Leases.TryAcquireAsync(3, b, Lease);
        await Db.AgeHeartbeatAsync(b, TimeSpan.FromSeconds(42));

        var members = await Db.NewMembership().ListMembersAsync();

        members.Select(m => (m.Member, m.Status, m.OwnedShards)).Should().Equal((a, MemberStatus.Up, 3), (b, MemberStatus.Up, 1));
        members[0].HeartbeatAge.Should().BeLessThan(TimeSpan.FromSeconds(1));
        members[1].HeartbeatAge.Should().BeCloseTo(TimeSpan.FromSeconds(42), TimeSpan.FromSeconds(1));
    }
}
