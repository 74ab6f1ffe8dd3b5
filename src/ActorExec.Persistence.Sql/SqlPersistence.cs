using ActorExec.Actors.Persistence;
using ActorExec.Actors.Persistence.Serialization;
using ActorExec.Persistence.Sql.Dialects;
using ActorExec.Persistence.Sql.Journal;
using ActorExec.Persistence.Sql.Schema;
using ActorExec.Persistence.Sql.Snapshots;

namespace ActorExec.Persistence.Sql;

/// <summary>A journal and a snapshot store over one SQL database; dispose to commit what is queued and close.</summary>
public sealed class SqlStores : IAsyncDisposable
{
    private readonly SqlJournal _journal;
    private readonly SchemaMigrator _schema;
    private readonly IAsyncDisposable? _dialect;

    internal SqlStores(SqlDialect dialect, IEventSerializer serializer, SqlJournalOptions options)
    {
        _schema = new SchemaMigrator(dialect, options.TimeProvider);
        _journal = new SqlJournal(dialect, serializer, _schema, options);
        SnapshotStore = new SqlSnapshotStore(dialect, serializer, _schema);
        _dialect = dialect as IAsyncDisposable;
        Description = $"{dialect.Name} at {dialect.Location}";
    }

    /// <summary>Where the events go.</summary>
    public IJournal Journal => _journal;

    /// <summary>Reads across actors (tags, persistence ids).</summary>
    public IJournalQueries Queries => _journal;

    /// <summary>Where the snapshots go.</summary>
    public ISnapshotStore SnapshotStore { get; }

    /// <summary>For logs and the CLI: which database and where (never credentials).</summary>
    public string Description { get; }

    /// <summary>The stores as <see cref="ActorSystemOptions.Persistence"/> expects them.</summary>
    public PersistenceOptions ToPersistenceOptions() => new(Journal, SnapshotStore);

    /// <summary>Creates or upgrades the schema now, so a start-up with a bad store fails at once rather than at the first write.</summary>
    /// <exception cref="InvalidOperationException">The database cannot be reached or its schema cannot be created, with the reason.</exception>
    public Task EnsureSchemaAsync(CancellationToken cancellationToken = default) => _schema.EnsureAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _journal.DisposeAsync().ConfigureAwait(false);
        if (_dialect is not null)
            await _dialect.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>Creates SQL stores for persistent actors.</summary>
public static class SqlPersistence
{
    /// <summary>Stores in a SQLite file (created with its directory if missing): the embedded default.</summary>
    /// <exception cref="ArgumentException">The path is empty or an option is invalid.</exception>
    public static SqlStores Sqlite(string path, IEventSerializer serializer, SqlJournalOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        return new SqlStores(new SqliteDialect(path), serializer, (options ?? new SqlJournalOptions()).Validate());
    }

    /// <summary>Stores in a PostgreSQL database, in the options' schema (created if missing): the cluster's store.</summary>
    /// <exception cref="ArgumentException">The connection string or an option is invalid.</exception>
    public static SqlStores Postgres(string connectionString, IEventSerializer serializer, SqlJournalOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        var validated = (options ?? new SqlJournalOptions()).Validate();
        return new SqlStores(new PostgresDialect(connectionString, validated.Schema), serializer, validated);
    }
}
