using ActorExec.Persistence.Sql.Tests.Fixtures;

namespace ActorExec.Persistence.Sql.Tests.Snapshots;

/// <summary>The snapshot store behaviours of the Akka Persistence TCK, run against every store.</summary>
public abstract class SnapshotStoreSpec(StoreKind kind) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _pid = "snap-" + Guid.NewGuid().ToString("N")[..8];
    private TestStores _stores = null!;
    private readonly List<SnapshotMetadata> _saved = [];

    private ISnapshotStore Store => _stores.Snapshots;

    public async Task InitializeAsync()
    {
        _stores = await kind.CreateAsync(TestSerialization.Serializer());
        // Snapshots after events 10, 20, ..., 50, one minute apart.
        for (var i = 1; i <= 5; i++)
        {
            var metadata = new SnapshotMetadata(_pid, i * 10, T0.AddMinutes(i));
            await Store.SaveAsync(metadata, new Counted(i * 10));
            _saved.Add(metadata);
        }
    }

    public Task DisposeAsync() => _stores.DisposeAsync().AsTask();

    [Fact]
    public async Task Load_UnknownPersistenceId_ReturnsNothing()
        => (await Store.LoadAsync("nobody", SnapshotSelectionCriteria.Latest)).Should().BeNull();

    [Fact]
    public async Task Load_CriteriaMatchingNothing_ReturnsNothing()
        => (await Store.LoadAsync(_pid, new SnapshotSelectionCriteria(MaxSequenceNr: 5))).Should().BeNull();

    [Fact]
    public async Task Load_None_ReturnsNothing()
        => (await Store.LoadAsync(_pid, SnapshotSelectionCriteria.None)).Should().BeNull();

    [Fact]
    public async Task Load_Latest_ReturnsTheHighestSequenceNumberWithItsMetadata()
    {
        var loaded = await Store.LoadAsync(_pid, SnapshotSelectionCriteria.Latest);
        loaded!.Snapshot.Should().Be(new Counted(50));
        loaded.Metadata.Should().Be(_saved[4]);
    }

    [Fact]
    public async Task Load_UnderASequenceNumberBound_ReturnsTheLatestBelowIt()
        => (await Store.LoadAsync(_pid, new SnapshotSelectionCriteria(MaxSequenceNr: 35)))!.Snapshot.Should().Be(new Counted(30));

    [Fact]
    public async Task Load_UnderATimestampBound_ReturnsTheLatestTakenBeforeIt()
        => (await Store.LoadAsync(_pid, new SnapshotSelectionCriteria(MaxTimestamp: T0.AddMinutes(2))))!.Snapshot.Should().Be(new Counted(20));

    [Fact]
    public async Task Load_UnderBothBounds_TheStricterWins()
    {
        var criteria = new SnapshotSelectionCriteria(MaxSequenceNr: 40, MaxTimestamp: T0.AddMinutes(3));
        (await Store.LoadAsync(_pid, criteria))!.Snapshot.Should().Be(new Counted(30));
    }

    [Fact]
    public async Task Load_WithLowerBounds_IgnoresOlderSnapshots()
    {
        (await Store.LoadAsync(_pid, new SnapshotSelectionCriteria(MaxSequenceNr: 30, MinSequenceNr: 25)))!.Snapshot.Should().Be(new Counted(30));
        (await Store.LoadAsync(_pid, new SnapshotSelectionCriteria(MaxSequenceNr: 30, MinTimestamp: T0.AddMinutes(4)))).Should().BeNull();
    }

    [Fact]
    public async Task Delete_ByMetadata_RemovesThatSnapshotOnly()
    {
        await Store.DeleteAsync(_saved[4]);
        (await Store.LoadAsync(_pid, SnapshotSelectionCriteria.Latest))!.Snapshot.Should().Be(new Counted(40));
    }

    [Fact]
    public async Task Delete_ByCriteria_RemovesEveryMatch()
    {
        await Store.DeleteAsync(_pid, new SnapshotSelectionCriteria(MaxSequenceNr: 30));
        (await Store.LoadAsync(_pid, new SnapshotSelectionCriteria(MaxSequenceNr: 30))).Should().BeNull();
        (await Store.LoadAsync(_pid, SnapshotSelectionCriteria.Latest))!.Snapshot.Should().Be(new Counted(50));
    }

    [Fact]
    public async Task Delete_ByCriteriaOfAnotherActor_LeavesOursAlone()
    {
        await Store.DeleteAsync("someone-else", SnapshotSelectionCriteria.Latest);
        (await Store.LoadAsync(_pid, SnapshotSelectionCriteria.Latest))!.Snapshot.Should().Be(new Counted(50));
    }

    [Fact]
    public async Task Save_AtAnExistingSequenceNumber_Overwrites()
    {
        var metadata = new SnapshotMetadata(_pid, 50, T0.AddHours(1));
        await Store.SaveAsync(metadata, new Counted(51));
        var loaded = await Store.LoadAsync(_pid, SnapshotSelectionCriteria.Latest);
        loaded!.Snapshot.Should().Be(new Counted(51));
        loaded.Metadata.Timestamp.Should().Be(T0.AddHours(1));
    }

    [Fact]
    public async Task Save_LargeSnapshot_RoundTrips()
    {
        var blob = string.Create(5 * 1024 * 1024, 0, (chars, _) =>
        {
            for (var i = 0; i < chars.Length; i++)
                chars[i] = (char)('a' + i % 26);
        });
        await Store.SaveAsync(new SnapshotMetadata(_pid, 60, T0.AddMinutes(6)), new Big(blob));
        ((Big)(await Store.LoadAsync(_pid, SnapshotSelectionCriteria.Latest))!.Snapshot).Blob.Should().Be(blob);
    }

    [Fact]
    public async Task Save_UnregisteredType_FailsWithASerializationError()
    {
        var act = () => Store.SaveAsync(new SnapshotMetadata(_pid, 70, T0), new Unregistered("x"));
        await act.Should().ThrowAsync<EventSerializationException>();
    }
}

public sealed class InMemorySnapshotStoreSpec() : SnapshotStoreSpec(new StoreKind.InMemory());

public sealed class SqliteSnapshotStoreSpec() : SnapshotStoreSpec(new StoreKind.Sqlite());

public sealed class PostgresSnapshotStoreSpec() : SnapshotStoreSpec(new StoreKind.Postgres());
