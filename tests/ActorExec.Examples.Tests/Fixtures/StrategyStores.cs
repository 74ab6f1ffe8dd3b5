using ActorExec.Actors.Persistence;
using ActorExec.Engine.Persistence;
using ActorExec.Persistence.Sql;

namespace ActorExec.Examples.Tests.Fixtures;

/// <summary>A real SQLite journal and snapshot store in a temporary directory, deleted when disposed.</summary>
public sealed class StrategyStores : IAsyncDisposable
{
    private readonly SqlStores _stores;

    private StrategyStores(string directory)
    {
        Directory = directory;
        _stores = SqlPersistence.Sqlite(Path.Combine(directory, "journal.db"), EngineSerialization.Serializer());
    }

    public string Directory { get; }

    public IJournalQueries Queries => _stores.Queries;

    public PersistenceOptions Options => new(_stores.Journal, _stores.SnapshotStore);

    public static StrategyStores Create()
        => new(Path.Combine(Path.GetTempPath(), "actorexec-examples-" + Guid.NewGuid().ToString("N")[..12]));

    public async ValueTask DisposeAsync()
    {
        await _stores.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection: the temp directory is cleaned by the OS.
        }
    }
}
