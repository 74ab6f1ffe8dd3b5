using System.Data.Common;
using ActorExec.Persistence.Sql.Journal;
using ActorExec.Persistence.Sql.Schema;
using Npgsql;
using NpgsqlTypes;

namespace ActorExec.Persistence.Sql.Dialects;

/// <summary>
/// PostgreSQL: the cluster's store. A batch of writes is one INSERT from <c>unnest</c> arrays (one
/// round trip for events and their tags); the unique constraint's SQLSTATE 23505 marks a concurrent writer.
/// </summary>
internal sealed class PostgresDialect : SqlDialect, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly string _location;

    public PostgresDialect(string connectionString, string schema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"The PostgreSQL connection string is not valid: {e.Message}", nameof(connectionString), e);
        }
        _schema = schema;
        _location = $"{builder.Host}:{builder.Port}/{builder.Database} (schema {schema})";
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public override string Name => "postgresql";

    public override bool SupportsConcurrentWriters => true;

    public override string Location => _location;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
        => await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override string CreateMigrationsTableSql =>
        $"CREATE SCHEMA IF NOT EXISTS {_schema}; " +
        $"CREATE TABLE IF NOT EXISTS {_schema}.schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)";

    public override IReadOnlyList<Migration> Migrations => field ??=
    [
        new(1, "journal, tags and snapshots", $"""
            CREATE TABLE IF NOT EXISTS {_schema}.journal (
                ordering BIGSERIAL PRIMARY KEY,
                persistence_id TEXT NOT NULL,
                sequence_nr BIGINT NOT NULL,
                manifest TEXT NOT NULL,
                payload TEXT NOT NULL,
                tags TEXT NOT NULL DEFAULT '',
                written_at TIMESTAMPTZ NOT NULL,
                writer TEXT NOT NULL,
                deleted BOOLEAN NOT NULL DEFAULT FALSE,
                CONSTRAINT journal_persistence_id_sequence_nr_key UNIQUE (persistence_id, sequence_nr));
            CREATE TABLE IF NOT EXISTS {_schema}.journal_tags (
                tag TEXT NOT NULL,
                ordering BIGINT NOT NULL REFERENCES {_schema}.journal (ordering),
                PRIMARY KEY (tag, ordering));
            CREATE TABLE IF NOT EXISTS {_schema}.snapshots (
                persistence_id TEXT NOT NULL,
                sequence_nr BIGINT NOT NULL,
                created_at TIMESTAMPTZ NOT NULL,
                manifest TEXT NOT NULL,
                payload TEXT NOT NULL,
                PRIMARY KEY (persistence_id, sequence_nr));
            """),
    ];

    public override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(hashtext('actorexec-migrations:' || @schema))";
        Parameter(command, "@schema", _schema);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override bool SupportsFences => true;

    public override Task WriteBatchAsync(DbConnection connection, IReadOnlyList<PendingWrite> writes, string writerId, CancellationToken cancellationToken)
        => InsertAsync((NpgsqlConnection)connection, null, writes, writerId, cancellationToken);

    public override Task WriteBatchAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PendingWrite> writes, string writerId, CancellationToken cancellationToken)
        => InsertAsync((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, writes, writerId, cancellationToken);

    private async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<PendingWrite> writes, string writerId, CancellationToken cancellationToken)
    {
        var count = writes.Sum(w => w.Events.Length);
        var pids = new string[count];
        var seqs = new long[count];
        var manifests = new string[count];
        var payloads = new string[count];
        var tags = new string[count];
        var timestamps = new DateTime[count];
        var row = 0;
        foreach (var write in writes)
        {
            for (var i = 0; i < write.Events.Length; i++, row++)
            {
                var e = write.Write.Events[i];
                pids[row] = e.PersistenceId;
                seqs[row] = e.SequenceNr;
                manifests[row] = write.Events[i].Manifest;
                payloads[row] = write.Events[i].Payload;
                tags[row] = write.Tags[i];
                timestamps[row] = e.Timestamp.UtcDateTime;
            }
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // Events (and their tags) in one statement, which is atomic on its own: one round trip per
        // batch. WITH ORDINALITY keeps the batch's order in the orderings.
        command.CommandText = tags.Any(t => t.Length > 0)
            ? $"""
              WITH rows AS (
                  SELECT * FROM unnest(@pids, @seqs, @manifests, @payloads, @tags, @ts)
                      WITH ORDINALITY AS r(persistence_id, sequence_nr, manifest, payload, tags, written_at, ord)),
              inserted AS (
                  INSERT INTO {_schema}.journal (persistence_id, sequence_nr, manifest, payload, tags, written_at, writer)
                  SELECT persistence_id, sequence_nr, manifest, payload, tags, written_at, @writer FROM rows ORDER BY ord
                  RETURNING ordering, tags)
              INSERT INTO {_schema}.journal_tags (tag, ordering)
              SELECT t.tag, i.ordering FROM inserted i CROSS JOIN LATERAL unnest(string_to_array(NULLIF(i.tags, ''), ',')) AS t(tag)
              """
            : $"""
              INSERT INTO {_schema}.journal (persistence_id, sequence_nr, manifest, payload, tags, written_at, writer)
              SELECT persistence_id, sequence_nr, manifest, payload, tags, written_at, @writer
              FROM unnest(@pids, @seqs, @manifests, @payloads, @tags, @ts)
                  WITH ORDINALITY AS r(persistence_id, sequence_nr, manifest, payload, tags, written_at, ord)
              ORDER BY ord
              """;
        command.Parameters.Add(new NpgsqlParameter("pids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = pids });
        command.Parameters.Add(new NpgsqlParameter("seqs", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = seqs });
        command.Parameters.Add(new NpgsqlParameter("manifests", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = manifests });
        command.Parameters.Add(new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = payloads });
        command.Parameters.Add(new NpgsqlParameter("tags", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = tags });
        command.Parameters.Add(new NpgsqlParameter("ts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = timestamps });
        command.Parameters.Add(new NpgsqlParameter("writer", NpgsqlDbType.Text) { Value = writerId });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override bool IsUniqueViolation(Exception exception) => exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override string Table(string name) => $"{_schema}.{name}";

    public override void AddTimestamp(DbCommand command, string name, DateTimeOffset value)
        => command.Parameters.Add(new NpgsqlParameter(name.TrimStart('@'), NpgsqlDbType.TimestampTz) { Value = value.UtcDateTime });

    public override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal)
        => new(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    public override string True => "TRUE";

    public override string False => "FALSE";

    public override string SaveSnapshotSql =>
        $"INSERT INTO {_schema}.snapshots (persistence_id, sequence_nr, created_at, manifest, payload) VALUES (@pid, @seq, @created, @manifest, @payload) " +
        "ON CONFLICT (persistence_id, sequence_nr) DO UPDATE SET created_at = EXCLUDED.created_at, manifest = EXCLUDED.manifest, payload = EXCLUDED.payload";

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
