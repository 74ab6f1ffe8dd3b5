using ActorExec.TestKit.Postgres;
using ActorExec.Actors.Persistence;
using ActorExec.Actors.Persistence.Serialization;
using ActorExec.Cluster.Delivery;
using ActorExec.Cluster.Fencing;
using ActorExec.Cluster.Sharding;
using ActorExec.Cluster.Tests.Fixtures;
using ActorExec.Persistence.Sql;

namespace ActorExec.Cluster.Tests.Fencing;

/// <summary>The PostgreSQL journal with the cluster's guard: writes of a shard's entities hold only under the current lease, and inbox receipts ride on them.</summary>
public sealed class ClusterWriteGuardSpec : IAsyncLifetime
{
    private sealed record Noted(string Text);

    private ClusterDatabase _db = null!;
    private SqlStores _stores = null!;
    private InboxStore _inbox = null!;

    public async Task InitializeAsync()
    {
        _db = await ClusterDatabase.CreateAsync();
        _inbox = new InboxStore(_db.DataSource, _db.Options);
        var serializer = new JsonEventSerializer(new EventTypeRegistry().Register<Noted>("test-noted.v1"));
        _stores = SqlPersistence.Postgres((await SharedPostgres.GetAsync()).ConnectionString, serializer,
            new SqlJournalOptions { Schema = _db.Schema, WriteGuard = new ClusterWriteGuard(new LeaseFence(_db.Options), _inbox) });
        await _stores.EnsureSchemaAsync();
    }

    public async Task DisposeAsync()
    {
        await _stores.DisposeAsync();
        await _db.DisposeAsync();
    }

    private static AtomicWrite Write(string pid, long seq, WriteFence? fence, WriteReceipt? receipt = null)
        => new([new PersistentRepresentation(pid, seq, new Noted($"{pid}#{seq}"), DateTimeOffset.UnixEpoch, [])]) { Fence = fence, Receipt = receipt };

    private async Task<ShardLease> AcquireAsync(int shard, string node)
    {
        var (_, me) = await _db.JoinAsync(node);
        var acquired = await _db.Leases.TryAcquireAsync(shard, me, TimeSpan.FromSeconds(30));
        return acquired.Lease ?? throw new InvalidOperationException($"{node} could not acquire shard {shard}: {acquired}");
    }

    [Fact]
    public async Task WriteAsync_UnderTheCurrentLease_IsStoredWithItsInboxReceipt()
    {
        var lease = await AcquireAsync(5, "node-a");
        await _inbox.AppendAsync(InboxTarget.Shard(5), [new InboxMessage("m", "{}", "m-1", null)], "node-b");

        var results = await _stores.Journal.WriteAsync([Write("market-m-1", 1, new ShardFence(5, lease.Epoch, lease.Owner.Incarnation), new InboxReceipt(InboxTarget.Shard(5), 1))]);

        results.Single().Should().BeOfType<WriteResult.Stored>();
        (await _inbox.ReadCursorAsync(InboxTarget.Shard(5))).Should().Be(1);
        (await _inbox.ReadAsync(InboxTarget.Shard(5), 0, 10)).Should().BeEmpty("consumed rows are dropped with the receipt");
    }

    [Fact]
    public async Task WriteAsync_ByAZombieAfterATakeover_IsRefusedAndItsReceiptNotStored()
    {
        var old = await AcquireAsync(5, "node-a");
        await _db.ExpireLeaseAsync(5);
        var taken = await AcquireAsync(5, "node-b");
        taken.Epoch.Should().BeGreaterThan(old.Epoch);
        await _inbox.AppendAsync(InboxTarget.Shard(5), [new InboxMessage("m", "{}", "m-1", null)], "node-c");

        var results = await _stores.Journal.WriteAsync(
        [
            Write("market-m-1", 1, new ShardFence(5, old.Epoch, old.Owner.Incarnation), new InboxReceipt(InboxTarget.Shard(5), 1)),
            Write("market-m-2", 1, new ShardFence(5, taken.Epoch, taken.Owner.Incarnation)),
        ]);

        var refused = results[0].Should().BeOfType<WriteResult.Failed>().Subject.Cause.Should().BeOfType<FencedWriteException>().Subject;
        refused.Message.Should().Contain($"shard 5 at epoch {old.Epoch}");
        results[1].Should().BeOfType<WriteResult.Stored>();
        (await _inbox.ReadCursorAsync(InboxTarget.Shard(5))).Should().Be(0);
    }

    [Fact]
    public async Task WriteAsync_FenceOfAShardNobodyHolds_IsRefused()
    {
        var results = await _stores.Journal.WriteAsync([Write("market-m-1", 1, new ShardFence(7, 1, 999))]);

        results.Single().Should().BeOfType<WriteResult.Failed>().Which.Cause.Should().BeOfType<FencedWriteException>();
    }
}
