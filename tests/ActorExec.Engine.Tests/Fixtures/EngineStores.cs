using ActorExec.Actors.Persistence;
using ActorExec.Engine.Persistence;
using ActorExec.Persistence.Sql;

namespace ActorExec.Engine.Tests.Fixtures;

/// <summary>A real SQLite journal in a temporary directory; reopened on the same file to simulate a process restart.</summary>
public sealed class EngineStores : IAsyncDisposable
{
    private SqlStores _stores;

    private EngineStores(string directory)
    {
        Directory = directory;
        _stores = Open();
    }

    public string Directory { get; }

    public string JournalPath => Path.Combine(Directory, "journal.db");

    public IJournal Journal => _stores.Journal;

    public IJournalQueries Queries => _stores.Queries;

    public PersistenceOptions Options => new(_stores.Journal, _stores.SnapshotStore);

    public static EngineStores Create()
        => new(Path.Combine(Path.GetTempPath(), "actorexec-engine-" + Guid.NewGuid().ToString("N")[..12]));

    /// <summary>Closes the journal and opens it again from the file, as a new process would.</summary>
    public async Task ReopenAsync()
    {
        await _stores.DisposeAsync();
        _stores = Open();
    }

    private SqlStores Open() => SqlPersistence.Sqlite(JournalPath, EngineSerialization.Serializer());

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
