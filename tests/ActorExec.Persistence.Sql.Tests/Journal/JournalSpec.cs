using ActorExec.Actors.Persistence.Serialization;
using ActorExec.Persistence.Sql.Tests.Fixtures;

namespace ActorExec.Persistence.Sql.Tests.Journal;

/// <summary>
/// The journal behaviours of the Akka Persistence TCK (and ours), written once and run against every
/// store: in-memory, SQLite and PostgreSQL.
/// </summary>
public abstract class JournalSpec(StoreKind kind) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private TestStores _stores = null!;
    private readonly string _pid = "actor-" + Guid.NewGuid().ToString("N")[..8];

    protected IJournal Journal => _stores.Journal;

    private readonly ForgetfulSerializer _serializer = new(TestSerialization.Serializer());

    public async Task InitializeAsync()
    {
        _stores = await kind.CreateAsync(_serializer);
        await WriteEvents(_pid, 1, 5);
    }

    public Task DisposeAsync() => _stores.DisposeAsync().AsTask();

    private static PersistentRepresentation Event(string pid, long sequenceNr, object? payload = null, params string[] tags)
        => new(pid, sequenceNr, payload ?? new Evt($"{pid}-{sequenceNr}"), T0.AddSeconds(sequenceNr), tags);

    private async Task<IReadOnlyList<WriteResult>> Write(params AtomicWrite[] writes) => await Journal.WriteAsync(writes);

    private async Task WriteEvents(string pid, long from, long to)
    {
        var results = await Write([.. Enumerable.Range((int)from, (int)(to - from + 1)).Select(n => new AtomicWrite([Event(pid, n)]))]);
        results.Should().OnlyContain(r => r is WriteResult.Stored);
    }

    private async Task<long[]> Replay(long from = 1, long to = long.MaxValue, long max = long.MaxValue, string? pid = null)
    {
        var numbers = new List<long>();
        await foreach (var e in Journal.ReplayAsync(pid ?? _pid, from, to, max))
        {
            e.Payload.Should().Be(new Evt($"{pid ?? _pid}-{e.SequenceNr}"));
            numbers.Add(e.SequenceNr);
        }
        return [.. numbers];
    }

    [Fact]
    public async Task Replay_All_ReturnsEveryEventInOrder() => (await Replay()).Should().Equal(1, 2, 3, 4, 5);

    [Fact]
    public async Task Replay_WithLowerBound_StartsThere() => (await Replay(from: 3)).Should().Equal(3, 4, 5);

    [Fact]
    public async Task Replay_WithUpperBound_StopsThere() => (await Replay(to: 3)).Should().Equal(1, 2, 3);

    [Fact]
    public async Task Replay_WithCountLimit_ReturnsAtMostThatMany() => (await Replay(max: 3)).Should().Equal(1, 2, 3);

    [Fact]
    public async Task Replay_WithLowerUpperAndLimit_AppliesAllThree() => (await Replay(from: 2, to: 4, max: 2)).Should().Equal(2, 3);

    [Fact]
    public async Task Replay_LimitAboveRange_IsBoundedByTheRange() => (await Replay(from: 2, to: 3, max: 10)).Should().Equal(2, 3);

    [Fact]
    public async Task Replay_EqualBounds_ReturnsOneEvent() => (await Replay(from: 3, to: 3)).Should().Equal(3);

    [Fact]
    public async Task Replay_MaxOne_ReturnsOneEvent() => (await Replay(from: 2, max: 1)).Should().Equal(2);

    [Fact]
    public async Task Replay_MaxZero_ReturnsNothing() => (await Replay(max: 0)).Should().BeEmpty();

    [Fact]
    public async Task Replay_LowerAboveUpper_ReturnsNothing() => (await Replay(from: 4, to: 2)).Should().BeEmpty();

    [Fact]
    public async Task Replay_NothingWritten_ReturnsNothing() => (await Replay(pid: "never-written")).Should().BeEmpty();

    [Fact]
    public async Task Replay_AfterDelete_SkipsDeletedEvents()
    {
        await Journal.DeleteMessagesToAsync(_pid, 3);
        (await Replay()).Should().Equal(4, 5);
    }

    [Fact]
    public async Task HighestSequenceNr_SurvivesDeletingEverything()
    {
        await Journal.DeleteMessagesToAsync(_pid, 5);
        (await Replay()).Should().BeEmpty();
        (await Journal.ReadHighestSequenceNrAsync(_pid)).Should().Be(5);
    }

    [Fact]
    public async Task HighestSequenceNr_NothingWritten_IsZero()
        => (await Journal.ReadHighestSequenceNrAsync("never-written")).Should().Be(0);

    [Fact]
    public async Task Write_ReusingADeletedSequenceNumber_FailsAsConcurrentWriter()
    {
        await Journal.DeleteMessagesToAsync(_pid, 5);
        var results = await Write(new AtomicWrite([Event(_pid, 5)]));
        results.Single().Should().BeOfType<WriteResult.Failed>().Which.Cause.Should().BeOfType<ConcurrentWriterException>();
    }

    [Fact]
    public async Task Write_OneCallWithATakenSequenceNumber_FailsOnlyThatWrite()
    {
        var results = await Write(new AtomicWrite([Event(_pid, 6), Event(_pid, 7)]), new AtomicWrite([Event(_pid + "-x", 1)]), new AtomicWrite([Event(_pid, 5)]));

        results[0].Should().BeOfType<WriteResult.Stored>();
        results[1].Should().BeOfType<WriteResult.Stored>();
        results[2].Should().BeOfType<WriteResult.Failed>().Which.Cause.Should().BeOfType<ConcurrentWriterException>()
            .Which.SequenceNr.Should().Be(5);
        (await Replay()).Should().Equal(1, 2, 3, 4, 5, 6, 7);
    }

    [Fact]
    public async Task Write_AtomicWriteOverlappingExistingEvents_IsAllOrNothing()
    {
        // 5 exists: the write of 5..7 must leave 6 and 7 unwritten too.
        var results = await Write(new AtomicWrite([Event(_pid, 5), Event(_pid, 6), Event(_pid, 7)]));
        results.Single().Should().BeOfType<WriteResult.Failed>();
        (await Replay()).Should().Equal(1, 2, 3, 4, 5);
        (await Journal.ReadHighestSequenceNrAsync(_pid)).Should().Be(5);
    }

    [Fact]
    public async Task Write_NonSerializableEvent_IsRejectedWhileNeighboursSucceed()
    {
        var other = _pid + "-other";
        var results = await Write(
            new AtomicWrite([Event(other, 1)]),
            new AtomicWrite([Event(_pid, 6), Event(_pid, 7, new Unregistered("no manifest"))]),
            new AtomicWrite([Event(other, 2)]));

        results[0].Should().BeOfType<WriteResult.Stored>();
        results[1].Should().BeOfType<WriteResult.Rejected>().Which.Cause.Should().BeOfType<EventSerializationException>()
            .Which.Message.Should().Contain(nameof(Unregistered));
        results[2].Should().BeOfType<WriteResult.Stored>();
        (await Replay()).Should().Equal(1, 2, 3, 4, 5);
        (await Replay(pid: other)).Should().Equal(1, 2);
    }

    [Fact]
    public async Task Write_TagWithComma_IsRejected()
    {
        var results = await Write(new AtomicWrite([Event(_pid, 6, null, "a,b")]));
        results.Single().Should().BeOfType<WriteResult.Rejected>();
    }

    [Fact]
    public async Task Write_ManyConcurrentWriters_StoreEverythingInEachWritersOrder()
    {
        const int writers = 20;
        const int eventsEach = 50;
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var pid = $"{_pid}-w{w}";
            for (var n = 1; n <= eventsEach; n++)
                (await Write(new AtomicWrite([Event(pid, n)]))).Single().Should().BeOfType<WriteResult.Stored>();
        }));
        await Task.WhenAll(tasks);

        for (var w = 0; w < writers; w++)
            (await Replay(pid: $"{_pid}-w{w}")).Should().Equal(Enumerable.Range(1, eventsEach).Select(n => (long)n));
    }

    [Fact]
    public async Task Replay_UnknownManifest_FailsNamingPersistenceIdAndSequenceNumber()
    {
        // Written by code that knew the event; read back by code that no longer does.
        var pid = _pid + "-future";
        (await Write(new AtomicWrite([Event(pid, 1), Event(pid, 2, new Big("from the future"))]))).Single().Should().BeOfType<WriteResult.Stored>();
        _serializer.Forget("test-big.v1");

        var act = async () => { await foreach (var _ in Journal.ReplayAsync(pid, 1, long.MaxValue, long.MaxValue)) { } };

        var error = (await act.Should().ThrowAsync<EventDeserializationException>()).Which;
        error.PersistenceId.Should().Be(pid);
        error.SequenceNr.Should().Be(2);
        error.Manifest.Should().Be("test-big.v1");
        error.InnerException.Should().BeOfType<UnknownManifestException>();
    }

    [Fact]
    public async Task EventsByTag_FromAnOffset_ReturnsLaterTaggedEventsInOrder()
    {
        var other = _pid + "-tagged";
        (await Write(
            new AtomicWrite([Event(other, 1, null, "order", "market-1")]),
            new AtomicWrite([Event(other, 2, null, "market-1")]),
            new AtomicWrite([Event(other, 3, null, "order")]))).Should().OnlyContain(r => r is WriteResult.Stored);

        var all = await _stores.Queries.EventsByTagAsync("order", 0, long.MaxValue).ToListAsync();
        all.Select(e => e.SequenceNr).Should().Equal(1, 3);
        all[0].Tags.Should().BeEquivalentTo("order", "market-1");
        all[0].Ordering.Should().BeLessThan(all[1].Ordering);

        var later = await _stores.Queries.EventsByTagAsync("order", all[0].Ordering, long.MaxValue).ToListAsync();
        later.Select(e => e.SequenceNr).Should().Equal(3);
        (await _stores.Queries.EventsByTagAsync("order", 0, 1).ToListAsync()).Should().HaveCount(1);
    }

    [Fact]
    public async Task AllPersistenceIds_ListsEveryWriter()
    {
        await WriteEvents(_pid + "-b", 1, 1);
        var ids = await _stores.Queries.AllPersistenceIdsAsync().ToListAsync();
        ids.Should().Contain([_pid, _pid + "-b"]);
    }

    [Fact]
    public async Task EventsByPersistenceId_ReturnsEventsWithOrderingsAndTimestamps()
    {
        var events = await _stores.Queries.EventsByPersistenceIdAsync(_pid, 2, 3).ToListAsync();
        events.Select(e => e.SequenceNr).Should().Equal(2, 3);
        events[0].Timestamp.Should().Be(T0.AddSeconds(2));
        events[1].Ordering.Should().BeGreaterThan(events[0].Ordering);
    }
}

public sealed class InMemoryJournalSpec() : JournalSpec(new StoreKind.InMemory());

public sealed class SqliteJournalSpec() : JournalSpec(new StoreKind.Sqlite());

public sealed class PostgresJournalSpec() : JournalSpec(new StoreKind.Postgres());
