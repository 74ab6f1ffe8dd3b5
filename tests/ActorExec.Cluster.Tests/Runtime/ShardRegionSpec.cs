using System.Text.Json;
using ActorExec.Actors;
using ActorExec.Actors.Persistence.Serialization;
using ActorExec.Cluster.Delivery;
using ActorExec.Cluster.Fencing;
using ActorExec.Cluster.Runtime;
using ActorExec.Cluster.Sharding;
using ActorExec.Cluster.Tests.Fixtures;
using ActorExec.TestKit;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorExec.Cluster.Tests.Runtime;

/// <summary>
/// The region's bookkeeping when a shard's host is already gone: a hand-off or a loss must still finish,
/// or the node keeps a lease with nothing behind it and the shard's inbox is never read again.
/// Virtual time: the region's 1 s restart of a host that stopped by itself never fires unless advanced.
/// </summary>
public sealed class ShardRegionSpec : ActorExec.TestKit.TestKit, IAsyncLifetime
{
    private const int ShardCount = 16;
    private const long Incarnation = 7;

    // Ask timeouts run on the virtual clock; this bounds the wait in real time so a missing answer fails instead of hanging.
    private static readonly TimeSpan RealTimeLimit = TimeSpan.FromSeconds(10);
    private ClusterDatabase _db = null!;
    private ClusterTransport _transport = null!;
    private ShardInboxReader _reader = null!;
    private CursorAdvancer _advancer = null!;

    public ShardRegionSpec() : base(new TestKitOptions { UseVirtualTime = true })
    {
    }

    public async Task InitializeAsync()
    {
        _db = await ClusterDatabase.CreateAsync(ShardCount);
        var store = new InboxStore(_db.DataSource, _db.Options);
        _transport = new ClusterTransport(store, new EventTypeRegistry().Register<ForEntity>("test-for-entity.v1"), new JsonSerializerOptions(), "node-a", Incarnation, NullLogger.Instance);
        _reader = new ShardInboxReader(store, new Wakeup(), new ClusterRuntimeOptions(), NullLogger.Instance);
        _advancer = new CursorAdvancer(store, NullLogger.Instance);
    }

    public async Task DisposeAsync()
    {
        Dispose();
        await _advancer.DisposeAsync();
        await _reader.DisposeAsync();
        await _transport.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task HandOff_OfAShardWhoseHostStoppedByItself_IsAnsweredAtOnce()
    {
        var probe = CreateTestProbe();
        var (region, key, shard) = StartRegion(probe);
        region.Tell(new ShardAcquired(new ShardFence(shard, 1, Incarnation)));
        var host = await probe.ExpectMsgAsync<HostStarted>();

        await StopByItselfAsync(region, key, host.Host);

        var answer = await region.Ask<ShardHandedOff>(new HandOffShard(shard), TimeSpan.FromSeconds(10)).WaitAsync(RealTimeLimit);
        answer.ShardId.Should().Be(shard);
        (await region.Ask<LocalShards>(GetLocalShards.Instance, TimeSpan.FromSeconds(10)).WaitAsync(RealTimeLimit)).Epochs.Should().NotContainKey(shard, "the handed-off shard is no longer hosted here");
    }

    [Fact]
    public async Task Loss_OfAShardWhoseHostStoppedByItself_LetsANewLeaseStartAtOnce()
    {
        var probe = CreateTestProbe();
        var (region, key, shard) = StartRegion(probe);
        region.Tell(new ShardAcquired(new ShardFence(shard, 1, Incarnation)));
        var first = await probe.ExpectMsgAsync<HostStarted>();
        await StopByItselfAsync(region, key, first.Host);

        region.Tell(new ShardLost(shard, "taken over", Epoch: 1));
        region.Tell(new ShardAcquired(new ShardFence(shard, 2, Incarnation)));

        (await probe.ExpectMsgAsync<HostStarted>(hint: "the new lease's host starts without waiting for the old one's restart")).Name.Should().Be($"shard-{shard}-2");
        region.Tell(new ForEntity(key, "ping"));
        (await probe.ExpectMsgAsync<Pinged>()).Host.Should().Be($"shard-{shard}-2");
    }

    [Fact]
    public async Task ANewerLease_OfAShardServedAtAnOlderEpoch_StopsTheOldHostAndStartsANewOne()
    {
        var probe = CreateTestProbe();
        var (region, key, shard) = StartRegion(probe);
        region.Tell(new ShardAcquired(new ShardFence(shard, 1, Incarnation)));
        var old = await probe.ExpectMsgAsync<HostStarted>();
        Watch(old.Host);

        region.Tell(new ShardAcquired(new ShardFence(shard, 2, Incarnation)));

        await ExpectTerminatedAsync(old.Host);
        (await probe.ExpectMsgAsync<HostStarted>()).Name.Should().Be($"shard-{shard}-2");
        region.Tell(new ForEntity(key, "ping"));
        (await probe.ExpectMsgAsync<Pinged>()).Host.Should().Be($"shard-{shard}-2");
    }

    [Fact]
    public async Task Loss_OfAnOlderEpoch_LeavesTheShardOfTheNewerLeaseRunning()
    {
        var probe = CreateTestProbe();
        var (region, key, shard) = StartRegion(probe);
        region.Tell(new ShardAcquired(new ShardFence(shard, 2, Incarnation)));
        var host = await probe.ExpectMsgAsync<HostStarted>();

        region.Tell(new ShardLost(shard, "a write of epoch 1 was refused", Epoch: 1));
        region.Tell(new ForEntity(key, "ping"));
        (await probe.ExpectMsgAsync<Pinged>()).Host.Should().Be(host.Name, "a stale fence says nothing about the lease held now");

        region.Tell(new ShardLost(shard, "taken over", Epoch: 2));
        Watch(host.Host);
        await ExpectTerminatedAsync(host.Host);
    }

    private (IActorRef Region, string Key, int Shard) StartRegion(TestProbe probe)
    {
        var entities = new Entities(probe.Ref);
        var transport = _transport;
        var reader = _reader;
        var advancer = _advancer;
        var region = ActorOf(Props.Create(() => new ShardRegion(entities, transport, reader, advancer, new ClusterRuntimeOptions(), ShardCount)), "region");
        const string key = "entity-1";
        return (region, key, ShardHash.ShardOf(key, ShardCount));
    }

    /// <summary>Makes the host stop by itself (as a failed journal makes it) and waits until the region has seen it go.</summary>
    private async Task StopByItselfAsync(IActorRef region, string key, IActorRef host)
    {
        Watch(host);
        region.Tell(new ForEntity(key, "stop"));
        await ExpectTerminatedAsync(host);
        // The region was told in the same round of death-watch notices; a round trip makes sure it handled it.
        await region.Ask<LocalShards>(GetLocalShards.Instance, TimeSpan.FromSeconds(10)).WaitAsync(RealTimeLimit);
    }

    public sealed record ForEntity(string Key, string Body);

    internal sealed record Wrapped(string Key, object Message);

    internal sealed record HostStarted(IActorRef Host, string Name);

    internal sealed record Pinged(string Host);

    internal sealed class Entities(IActorRef probe) : IShardedEntities
    {
        public string? EntityKeyOf(object message) => message is ForEntity e ? e.Key : null;

        public object Unwrap(object message) => message is Wrapped w ? w.Message : message;

        public object Wrap(string entityKey, object message) => new Wrapped(entityKey, message);

        public Props ShardHostProps(int shardId) => Props.Create(() => new Host(probe));

        public bool IsLocalQuery(object message) => false;

        public object CombineLocal(object query, IReadOnlyList<object> answers) => answers;

        public object? RefusalWhileUnavailable(object message) => null;
    }

    internal sealed class Host : ReceiveActor
    {
        public Host(IActorRef probe)
        {
            Receive<Wrapped>(wrapped =>
            {
                if (wrapped.Message is ForEntity { Body: "stop" })
                    Context.Stop(Self);
                else
                    probe.Tell(new Pinged(Self.Path.Name));
            });
            probe.Tell(new HostStarted(Self, Self.Path.Name));
        }
    }
}
