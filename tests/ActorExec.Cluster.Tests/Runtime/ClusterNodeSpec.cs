using ActorExec.Actors;
using ActorExec.Actors.Persistence.Serialization;
using ActorExec.Cluster.Runtime;
using ActorExec.Cluster.Tests.Fixtures;
using ActorExec.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using static ActorExec.Cluster.Tests.Runtime.ShardRegionSpec;

namespace ActorExec.Cluster.Tests.Runtime;

/// <summary>A node and its region against a real coordinator (real time: the node's loops run on the wall clock).</summary>
public sealed class ClusterNodeSpec : ActorExec.TestKit.TestKit, IAsyncLifetime
{
    private const int ShardCount = 4;
    private ClusterDatabase _db = null!;

    public async Task InitializeAsync() => _db = await ClusterDatabase.CreateAsync(ShardCount);

    public async Task DisposeAsync()
    {
        Dispose();
        await _db.DisposeAsync();
    }

    /// <summary>Joins a node whose allocation rounds run every 200 ms.</summary>
    private Task<ClusterNode> JoinAsync()
        => ClusterNode.JoinAsync(_db.DataSource, _db.Options, new ClusterRuntimeOptions { AllocationInterval = TimeSpan.FromMilliseconds(200) }, "node-a", "node-a.local:5000",
            new EventTypeRegistry().Register<ForEntity>("test-for-entity.v1"), new System.Text.Json.JsonSerializerOptions(), NullLogger.Instance);

    [Fact]
    public async Task ALeaseAcquiredWhileTheAnswerWasLost_IsAdopted_AndItsShardStarted()
    {
        await using var node = await JoinAsync();
        // Committed in the database, never recorded by the node: what an acquisition whose reply timed out leaves.
        await node.Leases.TryAcquireAsync(2, node.Self, _db.Options.LeaseTimeout);
        var probe = CreateTestProbe();
        var region = ActorOf(node.RegionProps(new Entities(probe.Ref)), "region");
        node.Start(region);

        var names = new HashSet<string>();
        for (var i = 0; i < ShardCount; i++)
            names.Add((await probe.ExpectMsgAsync<HostStarted>(timeout: TimeSpan.FromSeconds(30), hint: "every shard leased here gets a host, the adopted one too")).Name);
        names.Should().Contain(n => n.StartsWith("shard-2-", StringComparison.Ordinal));
        node.OwnedShards.Keys.Should().BeEquivalentTo([0, 1, 2, 3]);
    }

    [Fact]
    public async Task AShardLeasedHere_ButNoLongerHostedByTheRegion_IsStartedAgain_SoItsInboxIsReadAgain()
    {
        await using var node = await JoinAsync();
        var probe = CreateTestProbe();
        var region = ActorOf(node.RegionProps(new Entities(probe.Ref)), "region");
        node.Start(region);
        var started = new List<HostStarted>();
        for (var i = 0; i < ShardCount; i++)
            started.Add(await probe.ExpectMsgAsync<HostStarted>(timeout: TimeSpan.FromSeconds(30), hint: "a lone node acquires every shard"));
        var victim = started[0];
        var shard = int.Parse(victim.Name.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture);

        // The region forgets the shard behind the node's back (as a region restarted by a bug would).
        region.Tell(new ShardLost(shard, "forgotten by the test"));
        Watch(victim.Host);
        await ExpectTerminatedAsync(victim.Host, TimeSpan.FromSeconds(10));

        var again = await probe.ExpectMsgAsync<HostStarted>(timeout: TimeSpan.FromSeconds(30), hint: "the next allocation round starts the leased shard again");
        again.Name.Should().Be(victim.Name, "same lease, same epoch");
        node.OwnedShards.Should().ContainKey(shard);
    }
}
