using ActorExec.Persistence.Sql.Tests.Fixtures;
using Microsoft.Data.Sqlite;

namespace ActorExec.Persistence.Sql.Tests.Journal;

/// <summary>
/// The SQLite writer reuses its prepared insert statements across group-commit batches on its one
/// long-lived connection: batches after the first, and after a refused one, must store exactly what
/// they are given, and the statements must never keep the database open once the stores are disposed.
/// </summary>
public sealed class SqliteWriterSpec : IAsyncDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "actorexec-sqlite-" + Guid.NewGuid().ToString("N")[..12]);

    private string DatabasePath => Path.Combine(_directory, "journal.db");

    private SqlStores Open() => SqlPersistence.Sqlite(DatabasePath, TestSerialization.Serializer());

    private static PersistentRepresentation Event(string pid, long sequenceNr, params string[] tags)
        => new(pid, sequenceNr, new Evt($"{pid}-{sequenceNr} é ✓ 𝄞"), T0.AddTicks(sequenceNr * 10 + 1_234_560), tags);

    private static async Task WriteStored(SqlStores stores, params AtomicWrite[] writes)
        => (await stores.Journal.WriteAsync(writes)).Should().OnlyContain(r => r is WriteResult.Stored);

    [Fact]
    public async Task ManyBatchesOnOneConnection_StoreEveryEventAndTag()
    {
        await using var stores = Open();
        for (var batch = 0; batch < 3; batch++)
            await WriteThreeActorsBatch(stores, batch);

        await ShouldHoldEverything(stores);
    }

    [Fact]
    public async Task RefusedWriteInABatch_FailsAloneAndLaterBatchesStillStore()
    {
        await using var stores = Open();
        await WriteStored(stores, new AtomicWrite([Event("a", 1, "all")]));

        var results = await stores.Journal.WriteAsync([
            new AtomicWrite([Event("b", 1, "all")]),
            new AtomicWrite([Event("a", 1, "all")]),
            new AtomicWrite([Event("c", 1, "all")])]);

        results[0].Should().BeOfType<WriteResult.Stored>();
        results[1].Should().BeOfType<WriteResult.Failed>().Which.Cause.Should().BeOfType<ConcurrentWriterException>()
            .Which.InnerException.Should().BeOfType<SqliteException>().Which.Message.Should().Contain("1 of 'a'");
        results[2].Should().BeOfType<WriteResult.Stored>();
        await WriteStored(stores, new AtomicWrite([Event("a", 2, "all"), Event("a", 3)]));

        (await stores.Journal.ReplayAsync("a", 1, long.MaxValue, long.MaxValue).Select(e => e.SequenceNr).ToListAsync()).Should().Equal(1, 2, 3);
        var tagged = await stores.Queries.EventsByTagAsync("all", 0, long.MaxValue).ToListAsync();
        tagged.Select(e => (e.PersistenceId, e.SequenceNr)).Should().Equal(("a", 1), ("b", 1), ("c", 1), ("a", 2));
    }

    [Fact]
    public async Task TextWithNulCharactersOrEmpty_IsStoredWhole()
    {
        await using var stores = Open();
        const string pid = "nul\0id";
        await WriteStored(stores, new AtomicWrite([Event(pid, 1, "tag\0x"), Event(pid, 2)]));

        var events = await stores.Journal.ReplayAsync(pid, 1, long.MaxValue, long.MaxValue).ToListAsync();
        events.Select(e => e.SequenceNr).Should().Equal(1, 2);
        events[0].Payload.Should().Be(new Evt($"{pid}-1 é ✓ 𝄞"));
        events[0].Tags.Should().Equal("tag\0x");
        events[1].Tags.Should().BeEmpty();
        (await stores.Queries.EventsByTagAsync("tag\0x", 0, long.MaxValue).ToListAsync()).Single().PersistenceId.Should().Be(pid);
    }

    [Fact]
    public async Task DisposedStores_CloseTheDatabase_SoItReopensWithEverything()
    {
        var stores = Open();
        for (var batch = 0; batch < 3; batch++)
            await WriteThreeActorsBatch(stores, batch);
        await DisposeWithin(stores);
        SqliteConnection.ClearAllPools();
        // The last connection to close checkpoints and deletes the WAL: a connection kept alive as a
        // zombie by an unfinalized statement would leave it behind.
        File.Exists(DatabasePath + "-wal").Should().BeFalse();

        var reopened = Open();
        await ShouldHoldEverything(reopened);
        await WriteStored(reopened, new AtomicWrite([Event("a", 13, "all")]));
        (await reopened.Queries.EventsByTagAsync("all", 0, long.MaxValue).ToListAsync()).Should().HaveCount(10);
        await DisposeWithin(reopened);
        SqliteConnection.ClearAllPools();
        File.Exists(DatabasePath + "-wal").Should().BeFalse();
    }

    /// <summary>One group-commit batch: three writes of two actors, tagged and untagged events.</summary>
    private static Task WriteThreeActorsBatch(SqlStores stores, int batch)
    {
        var from = batch * 4 + 1;
        return WriteStored(stores,
            new AtomicWrite([Event("a", from, "even-batch-" + (batch % 2 == 0)), Event("a", from + 1)]),
            new AtomicWrite([Event("b", batch * 2 + 1, "b", "all"), Event("b", batch * 2 + 2, "all")]),
            new AtomicWrite([Event("a", from + 2, "all"), Event("a", from + 3)]));
    }

    private static async Task DisposeWithin(SqlStores stores)
    {
        var disposing = stores.DisposeAsync().AsTask();
        (await Task.WhenAny(disposing, Task.Delay(TimeSpan.FromSeconds(20)))).Should().BeSameAs(disposing, "disposing the stores must not hang");
        await disposing;
    }

    /// <summary>What the three batches of the specs above store: 12 events of a, 6 of b.</summary>
    private static async Task ShouldHoldEverything(SqlStores stores)
    {
        var a = await stores.Journal.ReplayAsync("a", 1, 12, long.MaxValue).ToListAsync();
        a.Select(e => e.SequenceNr).Should().Equal(Enumerable.Range(1, 12).Select(n => (long)n));
        a.Select(e => e.Payload).Should().Equal(a.Select(e => (object)new Evt($"a-{e.SequenceNr} é ✓ 𝄞")));
        a.Select(e => e.Timestamp).Should().Equal(a.Select(e => T0.AddTicks(e.SequenceNr * 10 + 1_234_560)));
        a[0].Tags.Should().Equal("even-batch-True");
        a[4].Tags.Should().Equal("even-batch-False");
        a[1].Tags.Should().BeEmpty();

        var b = await stores.Journal.ReplayAsync("b", 1, long.MaxValue, long.MaxValue).ToListAsync();
        b.Select(e => e.SequenceNr).Should().Equal(1, 2, 3, 4, 5, 6);
        b[0].Tags.Should().BeEquivalentTo("b", "all");

        var all = await stores.Queries.EventsByTagAsync("all", 0, long.MaxValue).ToListAsync();
        all.Select(e => (e.PersistenceId, e.SequenceNr)).Should().Equal(
            ("b", 1), ("b", 2), ("a", 3), ("b", 3), ("b", 4), ("a", 7), ("b", 5), ("b", 6), ("a", 11));
        all.Select(e => e.Ordering).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        (await stores.Queries.EventsByTagAsync("even-batch-True", 0, long.MaxValue).ToListAsync())
            .Select(e => e.SequenceNr).Should().Equal(1, 9);
        (await stores.Queries.EventsByTagAsync("b", 0, long.MaxValue).ToListAsync()).Should().HaveCount(3);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
