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
        if (batches.GroupBy(b => b.Target).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"inbox {twice.Key} appears {twice.Count()} times; give each target one batch", nameof(batches));
        var results = new IReadOnlyList<long>[batches.Count];
        var order = Enumerable.Range(0, batches.Count).Where(i => batches[i].Messages.Count > 0)
            .OrderBy(i => batches[i].Target.Value, StringComparer.Ordinal).ToList();
        for (var i = 0; i < batches.Count; i++)
            results[i] = [];
        if (order.Count == 0)
            return results;
        // One statement for every target: the head rows are bumped in target order (so concurrent appenders
        // lock alike and never deadlock), then each message gets its target's next position, in the order given.
        var flat = order.SelectMany(i => batches[i].Messages.Select(m => (Target: batches[i].Target.Value, Message: m))).ToList();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var append = Sql.Command(connection, transaction, $"""
            WITH m AS (
                SELECT target, recipient, manifest, payload, reply_to, ord,
                       row_number() OVER (PARTITION BY target ORDER BY ord) AS rn,
                       count(*) OVER (PARTITION BY target) AS n
                FROM unnest(@targets, @recipients, @manifests, @payloads, @replies) WITH ORDINALITY AS u(target, recipient, manifest, payload, reply_to, ord)),
            head AS (
                INSERT INTO {_tables.InboxHeads} AS h (target, last_position)
                SELECT target, max(n) FROM m GROUP BY target ORDER BY target
                ON CONFLICT (target) DO UPDATE SET last_position = h.last_position + EXCLUDED.last_position
                RETURNING target, last_position)
            INSERT INTO {_tables.Inbox} (target, position, recipient, manifest, payload, reply_to, sender_node)
            SELECT m.target, head.last_position - m.n + m.rn, m.recipient, m.manifest, m.payload, m.reply_to, @sender
            FROM m JOIN head ON head.target = m.target
            RETURNING target, position
            """))
        {
            append.Parameters.Add(new NpgsqlParameter("targets", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = flat.Select(f => f.Target).ToArray() });
            append.Parameters.Add(new NpgsqlParameter("recipients", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = flat.Select(f => f.Message.Recipient).ToArray() });
            append.Parameters.Add(new NpgsqlParameter("manifests", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = flat.Select(f => f.Message.Manifest).ToArray() });
            append.Parameters.Add(new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = flat.Select(f => f.Message.Payload).ToArray() });
            append.Parameters.Add(new NpgsqlParameter("replies", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = flat.Select(f => (object?)f.Message.ReplyTo ?? DBNull.Value).ToArray() });
            append.With("sender", senderNode);
            var positions = order.ToDictionary(i => batches[i].Target.Value, _ => new List<long>(), StringComparer.Ordinal);
            await using (var reader = await append.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    positions[reader.GetString(0)].Add(reader.GetInt64(1));
            }
            foreach (var i in order)
            {
                var list = positions[batches[i].Target.Value];
                list.Sort();
                results[i] = list;
            }
        }
        await using (var notify = Sql.Command(connection, transaction, "SELECT pg_notify(@channel, t) FROM unnest(@notified) AS t"))
        {
            notify.With("channel", Channel);
            notify.Parameters.Add(new NpgsqlParameter("notified", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = order.Select(i => batches[i].Target.Value).ToArray() });
            await notify.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// Messages of many inboxes at once, each after its own position, in (target, position) order, at most
    /// <paramref name="max"/> in all: one query for every shard a node consumes.
    /// </summary>
    public async Task<IReadOnlyList<InboxEntry>> ReadManyAsync(IReadOnlyDictionary<InboxTarget, long> afterPositions, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(afterPositions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var entries = new List<InboxEntry>();
        if (afterPositions.Count == 0)
            return entries;
        await using var command = _dataSource.CreateCommand($"""
            SELECT i.target, i.position, i.recipient, i.manifest, i.payload, i.reply_to, i.sender_node, i.enqueued_at
            FROM unnest(@targets, @afters) AS t(target, after)
            JOIN LATERAL (SELECT * FROM {_tables.Inbox} x WHERE x.target = t.target AND x.position > t.after ORDER BY x.position LIMIT @max) i ON true
            ORDER BY i.target, i.position LIMIT @max
            """);
        command.Parameters.Add(new NpgsqlParameter("targets", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = afterPositions.Keys.Select(t => t.Value).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("afters", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = afterPositions.Values.ToArray() });
        command.Parameters.Add(new NpgsqlParameter<int>("max", max));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new InboxEntry(InboxTarget.Parse(reader.GetString(0)), reader.GetInt64(1),
                new InboxMessage(reader.GetString(3), reader.GetString(4), reader.GetString(2), reader.NullableString(5)),
                reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7)));
        }
        return entries;
    }

    /// <summary>Moves many cursors forward at once (never back) and drops the rows consumed.</summary>
    public async Task AdvanceAsync(IReadOnlyCollection<InboxReceipt> consumed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(consumed);
        if (consumed.Count == 0)
            return;
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await StoreAsync(connection, transaction, consumed, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
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
