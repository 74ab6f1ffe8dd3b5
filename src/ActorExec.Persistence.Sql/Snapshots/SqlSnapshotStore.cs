using System.Data.Common;
using ActorExec.Actors.Persistence;
using ActorExec.Actors.Persistence.Serialization;
using ActorExec.Persistence.Sql.Dialects;
using ActorExec.Persistence.Sql.Schema;

namespace ActorExec.Persistence.Sql.Snapshots;

/// <summary>Snapshots in a <c>snapshots</c> table keyed by (persistence_id, sequence_nr); a save at an existing key replaces it.</summary>
internal sealed class SqlSnapshotStore(SqlDialect dialect, IEventSerializer serializer, SchemaMigrator schema) : ISnapshotStore
{
    private string Snapshots => dialect.Table("snapshots");

    public async Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT sequence_nr, created_at, manifest, payload FROM {Snapshots} WHERE persistence_id = @pid " +
            $"AND {Matching(command, criteria)} ORDER BY sequence_nr DESC LIMIT 1";
        SqlDialect.Parameter(command, "@pid", persistenceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            return null;

        var sequenceNr = reader.GetInt64(0);
        var metadata = new SnapshotMetadata(persistenceId, sequenceNr, dialect.ReadTimestamp(reader, 1));
        var manifest = reader.GetString(2);
        try
        {
            return new SelectedSnapshot(metadata, serializer.Deserialize(manifest, reader.GetString(3)));
        }
        catch (Exception e)
        {
            throw new EventDeserializationException(persistenceId, sequenceNr, manifest, $"snapshot: {e.Message}", e);
        }
    }

    public async Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var stored = serializer.Serialize(snapshot);
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = dialect.SaveSnapshotSql;
        SqlDialect.Parameter(command, "@pid", metadata.PersistenceId);
        SqlDialect.Parameter(command, "@seq", metadata.SequenceNr);
        dialect.AddTimestamp(command, "@created", metadata.Timestamp);
        SqlDialect.Parameter(command, "@manifest", stored.Manifest);
        SqlDialect.Parameter(command, "@payload", stored.Payload);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM {Snapshots} WHERE persistence_id = @pid AND sequence_nr = @seq";
        SqlDialect.Parameter(command, "@pid", metadata.PersistenceId);
        SqlDialect.Parameter(command, "@seq", metadata.SequenceNr);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM {Snapshots} WHERE persistence_id = @pid AND {Matching(command, criteria)}";
        SqlDialect.Parameter(command, "@pid", persistenceId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The criteria as a WHERE fragment, binding its parameters.</summary>
    private string Matching(DbCommand command, SnapshotSelectionCriteria criteria)
    {
        SqlDialect.Parameter(command, "@maxSeq", criteria.MaxSequenceNr);
        SqlDialect.Parameter(command, "@minSeq", criteria.MinSequenceNr);
        var sql = "sequence_nr <= @maxSeq AND sequence_nr >= @minSeq";
        if (criteria.MaxTimestamp is { } maxTimestamp)
        {
            dialect.AddTimestamp(command, "@maxTs", maxTimestamp);
            sql += " AND created_at <= @maxTs";
        }
        if (criteria.MinTimestamp is { } minTimestamp)
        {
            dialect.AddTimestamp(command, "@minTs", minTimestamp);
            sql += " AND created_at >= @minTs";
        }
        return sql;
    }
}
