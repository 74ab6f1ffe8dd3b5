using System.Data.Common;
using System.Runtime.CompilerServices;
using ActorExec.Actors.Persistence;
using ActorExec.Actors.Persistence.Serialization;
using ActorExec.Persistence.Sql.Dialects;
using ActorExec.Persistence.Sql.Schema;

namespace ActorExec.Persistence.Sql.Journal;

/// <summary>
/// The SQL journal: rows <c>(ordering, persistence_id, sequence_nr, manifest, payload, tags,
/// written_at, writer, deleted)</c> with UNIQUE(persistence_id, sequence_nr), tags indexed in
/// <c>journal_tags</c>. Writes are group-committed; deletes are logical, so the highest sequence
/// number survives them and a reused number still collides.
/// </summary>
internal sealed class SqlJournal : IJournal, IJournalQueries, IAsyncDisposable
{
    private readonly SqlDialect _dialect;
    private readonly IEventSerializer _serializer;
    private readonly SchemaMigrator _schema;
    private readonly GroupCommitter _committer;

    public SqlJournal(SqlDialect dialect, IEventSerializer serializer, SchemaMigrator schema, SqlJournalOptions options)
    {
        _dialect = dialect;
        _serializer = serializer;
        _schema = schema;
        _committer = new GroupCommitter(dialect, options, schema.EnsureAsync);
    }

    private string Journal => _dialect.Table("journal");

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count == 1)
            return [await WriteOne(writes[0]).ConfigureAwait(false)];
        var results = new Task<WriteResult>[writes.Count];
        for (var i = 0; i < writes.Count; i++)
            results[i] = WriteOne(writes[i]);
        return await Task.WhenAll(results).ConfigureAwait(false);
    }

    private Task<WriteResult> WriteOne(AtomicWrite write)
        => Prepare(write, out var pending) is { } rejected ? Task.FromResult(rejected) : _committer.Enqueue(pending!);

    /// <summary>Serializes a write for the queue; returns a rejection instead when it cannot be stored.</summary>
    private WriteResult? Prepare(AtomicWrite write, out PendingWrite? pending)
    {
        pending = null;
        try
        {
            var events = new SerializedEvent[write.Events.Count];
            var tags = new string[write.Events.Count];
            for (var i = 0; i < events.Length; i++)
            {
                events[i] = _serializer.Serialize(write.Events[i].Payload);
                tags[i] = JournalTags.Join(write.Events[i]);
            }
            pending = new PendingWrite(write, events, tags);
            return null;
        }
        catch (Exception e) when (e is EventSerializationException or ArgumentException)
        {
            return new WriteResult.Rejected(e);
        }
    }


    public async IAsyncEnumerable<PersistentRepresentation> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (max <= 0 || fromSequenceNr > toSequenceNr)
            yield break;
        await foreach (var row in QueryAsync(
            $"SELECT ordering, persistence_id, sequence_nr, manifest, payload, written_at, tags FROM {Journal} " +
            $"WHERE persistence_id = @pid AND sequence_nr >= @from AND sequence_nr <= @to AND deleted = {_dialect.False} ORDER BY sequence_nr LIMIT @max",
            command =>
            {
                SqlDialect.Parameter(command, "@pid", persistenceId);
                SqlDialect.Parameter(command, "@from", fromSequenceNr);
                SqlDialect.Parameter(command, "@to", toSequenceNr);
                SqlDialect.Parameter(command, "@max", max);
            }, cancellationToken).ConfigureAwait(false))
        {
            yield return new PersistentRepresentation(row.PersistenceId, row.SequenceNr, row.Event, row.Timestamp, row.Tags);
        }
    }

    public async Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COALESCE(MAX(sequence_nr), 0) FROM {Journal} WHERE persistence_id = @pid";
        SqlDialect.Parameter(command, "@pid", persistenceId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE {Journal} SET deleted = {_dialect.True} WHERE persistence_id = @pid AND sequence_nr <= @to AND deleted = {_dialect.False}";
        SqlDialect.Parameter(command, "@pid", persistenceId);
        SqlDialect.Parameter(command, "@to", toSequenceNr);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<string> AllPersistenceIdsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT DISTINCT persistence_id FROM {Journal} ORDER BY persistence_id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            yield return reader.GetString(0);
    }

    public IAsyncEnumerable<EventEnvelope> EventsByTagAsync(string tag, long afterOrdering, long max, CancellationToken cancellationToken = default)
        => QueryAsync(
            $"SELECT j.ordering, j.persistence_id, j.sequence_nr, j.manifest, j.payload, j.written_at, j.tags FROM {_dialect.Table("journal_tags")} t " +
            $"JOIN {Journal} j ON j.ordering = t.ordering WHERE t.tag = @tag AND t.ordering > @after AND j.deleted = {_dialect.False} ORDER BY t.ordering LIMIT @max",
            command =>
            {
                SqlDialect.Parameter(command, "@tag", tag);
                SqlDialect.Parameter(command, "@after", afterOrdering);
                SqlDialect.Parameter(command, "@max", Math.Max(0, max));
            }, cancellationToken);

    public IAsyncEnumerable<EventEnvelope> EventsByPersistenceIdAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, CancellationToken cancellationToken = default)
        => QueryAsync(
            $"SELECT ordering, persistence_id, sequence_nr, manifest, payload, written_at, tags FROM {Journal} " +
            $"WHERE persistence_id = @pid AND sequence_nr >= @from AND sequence_nr <= @to AND deleted = {_dialect.False} ORDER BY sequence_nr",
            command =>
            {
                SqlDialect.Parameter(command, "@pid", persistenceId);
                SqlDialect.Parameter(command, "@from", fromSequenceNr);
                SqlDialect.Parameter(command, "@to", toSequenceNr);
            }, cancellationToken);

    /// <summary>Streams rows of (ordering, persistence_id, sequence_nr, manifest, payload, written_at, tags) as events.</summary>
    private async IAsyncEnumerable<EventEnvelope> QueryAsync(string sql, Action<DbCommand> bind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var persistenceId = reader.GetString(1);
            var sequenceNr = reader.GetInt64(2);
            var manifest = reader.GetString(3);
            object payload;
            try
            {
                payload = _serializer.Deserialize(manifest, reader.GetString(4));
            }
            catch (Exception e)
            {
                throw new EventDeserializationException(persistenceId, sequenceNr, manifest, e.Message, e);
            }
            var tags = reader.GetString(6);
            yield return new EventEnvelope(reader.GetInt64(0), persistenceId, sequenceNr, payload, _dialect.ReadTimestamp(reader, 5),
                tags.Length == 0 ? [] : tags.Split(','));
        }
    }

    public ValueTask DisposeAsync() => _committer.DisposeAsync();
}
