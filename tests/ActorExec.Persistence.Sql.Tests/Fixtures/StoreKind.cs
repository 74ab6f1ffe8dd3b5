using ActorExec.TestKit.Postgres;
using ActorExec.Actors.Persistence.InMemory;
using ActorExec.Actors.Persistence.Serialization;

namespace ActorExec.Persistence.Sql.Tests.Fixtures;

/// <summary>A journal, its queries and a snapshot store for one test, disposed (and, for files, deleted) after it.</summary>
public sealed class TestStores(IJournal journal, IJournalQueries queries, ISnapshotStore snapshots, Func<ValueTask> dispose) : IAsyncDisposable
{
    public IJournal Journal { get; } = journal;

    public IJournalQueries Queries { get; } = queries;

    public ISnapshotStore Snapshots { get; } = snapshots;

    public PersistenceOptions Options => new(Journal, Snapshots);

    public ValueTask DisposeAsync() => dispose();
}

/// <summary>Which store a spec runs against; each concrete spec class picks one.</summary>
public abstract class StoreKind
{
    public abstract Task<TestStores> CreateAsync(IEventSerializer serializer);

    public sealed class InMemory : StoreKind
    {
        public override Task<TestStores> CreateAsync(IEventSerializer serializer)
        {
            var journal = new InMemoryJournal(serializer);
            return Task.FromResult(new TestStores(journal, journal, new InMemorySnapshotStore(serializer), () => ValueTask.CompletedTask));
        }
    }

    public sealed class Sqlite : StoreKind
    {
        public override Task<TestStores> CreateAsync(IEventSerializer serializer)
        {
            var directory = Path.Combine(Path.GetTempPath(), "actorexec-sqlite-" + Guid.NewGuid().ToString("N")[..12]);
            var stores = SqlPersistence.Sqlite(Path.Combine(directory, "journal.db"), serializer);
            return Task.FromResult(new TestStores(stores.Journal, stores.Queries, stores.SnapshotStore, async () =>
            {
                await stores.DisposeAsync();
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(directory, recursive: true);
            }));
        }
    }

    public sealed class Postgres : StoreKind
    {
        public override async Task<TestStores> CreateAsync(IEventSerializer serializer)
        {
            var server = await SharedPostgres.GetAsync();
            var stores = SqlPersistence.Postgres(server.ConnectionString, serializer, new SqlJournalOptions { Schema = SharedPostgres.NewSchema() });
            return new TestStores(stores.Journal, stores.Queries, stores.SnapshotStore, stores.DisposeAsync);
        }
    }
}
