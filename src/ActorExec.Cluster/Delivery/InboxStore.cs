using ActorExec.Cluster.Internal;
using Npgsql;
using NpgsqlTypes;

namespace ActorExec.Cluster.Delivery;

/// <summary>
/// Durable cross-node delivery: per-target inboxes in PostgreSQL. Appending takes the target's head
/// row lock until commit, so positions are gapless and committed in order (a consumer reading "after my
/// cursor" never skips a late commit); a NOTIFY on commit wakes the consumers, which also poll. The
/// cursor of a target only moves forward, either with the journal write a message caused (an
/// <see cref="InboxReceipt"/>) or, for a message that wrote nothing, by <see cref="AdvanceAsync"/>.
/// </summary>
public sealed class InboxStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ClusterTables _tables;

    /// <summary>The inboxes of the cluster in <see cref="ClusterOptions.Schema"/> (the tables come with <see cref="Schema.ClusterSchema"/>).</summary>
    public InboxStore(NpgsqlDataSource dataSource, ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = dataSource;
        _tables = new ClusterTables(options.Validate().Schema);
    }

    /// <summary>The NOTIFY channel whose payloads name the targets that have new messages.</summary>
    public string Channel => _tables.InboxChannel;

    /// <summary>Appends the messages to <paramref name="target"/>'s inbox in one transaction; returns their positions.</summary>
    public async Task<IReadOnlyList<long>> AppendAsync(InboxTarget target, IReadOnlyList<InboxMessage> messages, string senderNode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var positions = await AppendAsync([(target, messages)], senderNode, cancellationToken).ConfigureAwait(false);
        return positions[0];
    }

    /// <summary>
    /// Appends to several inboxes in one transaction (the targets' head rows are locked in a stable order,
    /// so concurrent appenders never deadlock); returns each batch's positions, in the order given.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<long>>> AppendAsync(
        IReadOnlyList<(InboxTarget Target, IReadOnlyList<InboxMessage> Messages)> batches, string senderNode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentException.ThrowIfNullOrEmpty(senderNode);
        var results = new IReadOnlyList<long>[batches.Count];
        var order = Enumerable.Range(0, batches.Count).Where(i => batches[i].Messages.Count > 0)
            .OrderBy(i => batches[i].Target.Value, StringComparer.Ordinal).ToList();
        for (var i = 0; i < batches.Count; i++)
            results[i] = [];
        if (order.Count == 0)
            return results;
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch.ConfigureAwait(false))
        {
            foreach (var i in order)
            {
                var (target, messages) = batches[i];
                var append = new NpgsqlBatchCommand($"""
                    WITH head AS (
                        INSERT INTO {_tables.InboxHeads} AS h (target, last_position) VALUES ($1, $2)
                        ON CONFLICT (target) DO UPDATE SET last_position = h.last_position + $2
                        RETURNING last_position)
                    INSERT INTO {_tables.Inbox} (target, position, recipient, manifest, payload, reply_to, sender_node)
                    SELECT $1, head.last_position - $2 + m.ord, m.recipient, m.manifest, m.payload, m.reply_to, $7
                    FROM head, unnest($3, $4, $5, $6) WITH ORDINALITY AS m(recipient, manifest, payload, reply_to, ord)
                    RETURNING position
                    """);
                append.Parameters.Add(new NpgsqlParameter<string> { TypedValue = target.Value });
                append.Parameters.Add(new NpgsqlParameter<long> { TypedValue = messages.Count });
                append.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = messages.Select(m => m.Recipient).ToArray() });
                append.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = messages.Select(m => m.Manifest).ToArray() });
                append.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = messages.Select(m => m.Payload).ToArray() });
                append.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = messages.Select(m => (object?)m.ReplyTo ?? DBNull.Value).ToArray() });
                append.Parameters.Add(new NpgsqlParameter<string> { TypedValue = senderNode });
                batch.BatchCommands.Add(append);
            }
            var notify = new NpgsqlBatchCommand("SELECT pg_notify($1, t) FROM unnest($2) AS t");
            notify.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Channel });
            notify.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = order.Select(i => batches[i].Target.Value).ToArray() });
            batch.BatchCommands.Add(notify);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            foreach (var i in order)
            {
                var positions = new List<long>(batches[i].Messages.Count);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    positions.Add(reader.GetInt64(0));
                positions.Sort();
                results[i] = positions;
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return results;
    }

    /// <summary>Up to <paramref name="max"/> messages of <paramref name="target"/> after its cursor, in position order.</summary>
    public async Task<IReadOnlyList<InboxEntry>> ReadAsync(InboxTarget target, long afterPosition, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var command = _dataSource.CreateCommand($"""
            SELECT position, recipient, manifest, payload, reply_to, sender_node, enqueued_at FROM {_tables.Inbox}
            WHERE target = @target AND position > @after ORDER BY position LIMIT @max
            """);
        command.Parameters.Add(new NpgsqlParameter<string>("target", target.Value));
        command.Parameters.Add(new NpgsqlParameter<long>("after", afterPosition));
        command.Parameters.Add(new NpgsqlParameter<int>("max", max));
        var entries = new List<InboxEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new InboxEntry(target, reader.GetInt64(0),
                new InboxMessage(reader.GetString(2), reader.GetString(3), reader.GetString(1), reader.NullableString(4)),
                reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6)));
        }
        return entries;
    }

    /// <summary>How far <paramref name="target"/>'s inbox is consumed (0 when nothing is).</summary>
    public async Task<long> ReadCursorAsync(InboxTarget target, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT consumed FROM {_tables.InboxCursors} WHERE target = @target");
        command.Parameters.Add(new NpgsqlParameter<string>("target", target.Value));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long consumed ? consumed : 0;
    }

    /// <summary>Moves the cursor forward to <paramref name="position"/> (never back) and drops the rows consumed.</summary>
    public async Task AdvanceAsync(InboxTarget target, long position, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await StoreAsync(connection, transaction, [new InboxReceipt(target, position)], cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores receipts inside a caller's transaction (the journal's): cursors forward, consumed rows deleted.</summary>
    internal async Task StoreAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<InboxReceipt> receipts, CancellationToken cancellationToken)
    {
        // One row per target (the furthest position), in a stable order so concurrent writers lock alike.
        var furthest = receipts.GroupBy(r => r.Target.Value, StringComparer.Ordinal)
            .Select(g => (Target: g.Key, Position: g.Max(r => r.Position)))
            .OrderBy(r => r.Target, StringComparer.Ordinal).ToList();
        await using var command = Sql.Command(connection, transaction, $"""
            WITH advanced AS (
                INSERT INTO {_tables.InboxCursors} AS c (target, consumed)
                SELECT * FROM unnest(@targets, @positions)
                ON CONFLICT (target) DO UPDATE SET consumed = GREATEST(c.consumed, EXCLUDED.consumed)
                RETURNING target, consumed)
            DELETE FROM {_tables.Inbox} i USING advanced a WHERE i.target = a.target AND i.position <= a.consumed;
            """);
        command.Parameters.Add(new NpgsqlParameter("targets", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = furthest.Select(r => r.Target).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("positions", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = furthest.Select(r => r.Position).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
