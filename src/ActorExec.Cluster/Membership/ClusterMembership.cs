using System.Globalization;
using ActorExec.Cluster.Internal;
using Npgsql;

namespace ActorExec.Cluster.Membership;

/// <summary>
/// This node's membership in the cluster (one per node process): join as a new incarnation, heartbeat,
/// leave; plus the cluster-wide chores any node may run (declaring silent nodes dead, listing members).
/// Every liveness decision uses the database clock. Requires <see cref="Schema.ClusterSchema.EnsureAsync"/> first.
/// </summary>
public sealed class ClusterMembership
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ClusterTables _tables;
    private volatile MemberIncarnation? _current;

    /// <summary>Membership for a node of the cluster in <see cref="ClusterOptions.Schema"/>.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public ClusterMembership(NpgsqlDataSource dataSource, ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = dataSource;
        _tables = new ClusterTables(options.Validate().Schema);
    }

    /// <summary>This node's incarnation once <see cref="JoinAsync"/> succeeded; null before.</summary>
    public MemberIncarnation? Current => _current;

    /// <summary>
    /// Joins as a new incarnation with status up. Older incarnations of the same node id that are still up
    /// or leaving (a restarted process) are declared dead, "replaced by incarnation N", and their leases released.
    /// </summary>
    /// <exception cref="ArgumentException">The node id or address is empty.</exception>
    /// <exception cref="InvalidOperationException">This object already joined: a process joins once, and one whose incarnation died must restart.</exception>
    public async Task<MemberIncarnation> JoinAsync(string nodeId, string address, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeId);
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        if (_current is { } joined)
            throw new InvalidOperationException($"This node already joined as incarnation {joined}; a process joins once (a node declared dead must stop, and its restart joins anew)");

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // The lock makes two processes started with the same node id join one after the other, so the
        // second always sees, and replaces, the first.
        await using (var lockNode = Sql.Command(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext('actorexec-cluster-join:' || @schema || ':' || @node))")
            .With("schema", _tables.Schema).With("node", nodeId))
            await lockNode.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        long incarnation;
        await using (var insert = Sql.Command(connection, transaction, $"""
            INSERT INTO {_tables.Nodes} (node_id, address, status, joined_at, heartbeat_at)
            VALUES (@node, @address, '{MemberStatusText.Up}', now(), now()) RETURNING incarnation
            """).With("node", nodeId).With("address", address))
            incarnation = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;

        var replaced = new List<long>();
        await using (var replace = Sql.Command(connection, transaction, $"""
            UPDATE {_tables.Nodes} SET status = '{MemberStatusText.Dead}', reason = 'replaced by incarnation ' || @incarnation
            WHERE node_id = @node AND incarnation < @incarnation AND status IN ('{MemberStatusText.Up}', '{MemberStatusText.Leaving}')
            RETURNING incarnation
            """).With("node", nodeId).With("incarnation", incarnation))
        await using (var reader = await replace.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                replaced.Add(reader.GetInt64(0));
        }
        await LeaseRelease.ReleaseAllOfAsync(connection, transaction, _tables, [.. replaced], cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _current = new MemberIncarnation(nodeId, incarnation);
        return _current;
    }

    /// <summary>
    /// Records a heartbeat (database clock) if this incarnation is still up or leaving, and says whether it is
    /// still a member. A result with <see cref="MembershipState.IsMember"/> false means the node must stop.
    /// </summary>
    /// <exception cref="InvalidOperationException">The node has not joined.</exception>
    public async Task<MembershipState> HeartbeatAsync(CancellationToken cancellationToken = default)
    {
        var me = Joined();
        await using var command = _dataSource.CreateCommand($"""
            WITH beat AS (
                UPDATE {_tables.Nodes} SET heartbeat_at = now()
                WHERE incarnation = @incarnation AND status IN ('{MemberStatusText.Up}', '{MemberStatusText.Leaving}')
                RETURNING incarnation)
            SELECT status, reason FROM {_tables.Nodes} WHERE incarnation = @incarnation
            """);
        command.Parameters.Add(new NpgsqlParameter<long>("incarnation", me.Incarnation));
        return await ReadStateAsync(command, me, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Declares dead, in one statement, every up or leaving incarnation whose heartbeat is older than
    /// <paramref name="leaseTimeout"/> by the database clock, and releases their leases (epochs kept).
    /// Returns the newly dead, for the log; concurrent callers never declare the same incarnation twice.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is not positive.</exception>
    public async Task<IReadOnlyList<DeadMember>> DetectDeadAsync(TimeSpan leaseTimeout, CancellationToken cancellationToken = default)
    {
        if (leaseTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(leaseTimeout), leaseTimeout, $"The lease timeout is {leaseTimeout}; it must be positive");

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var live = $"status IN ('{MemberStatusText.Up}', '{MemberStatusText.Leaving}') AND heartbeat_at < now() - @timeout";
        // Rows are locked in incarnation order, so concurrent detectors cannot deadlock; each re-checks
        // the row it waited for and skips it if it heartbeated or was declared dead meanwhile.
        await using var declare = Sql.Command(connection, transaction, $"""
            UPDATE {_tables.Nodes}
            SET status = '{MemberStatusText.Dead}',
                reason = format('missed heartbeats for %s s (lease timeout %s s)', round(extract(epoch FROM now() - heartbeat_at)::numeric, 1), @timeoutText)
            WHERE incarnation IN (SELECT incarnation FROM {_tables.Nodes} WHERE {live} ORDER BY incarnation FOR UPDATE)
              AND {live}
            RETURNING node_id, incarnation, address, now() - heartbeat_at, reason
            """)
            .With("timeout", leaseTimeout)
            .With("timeoutText", leaseTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
        var dead = new List<(MemberIncarnation Member, string Address, TimeSpan Age, string Reason)>();
        await using (var reader = await declare.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                dead.Add((new MemberIncarnation(reader.GetString(0), reader.GetInt64(1)), reader.GetString(2), reader.GetFieldValue<TimeSpan>(3), reader.GetString(4)));
        }
        var released = await LeaseRelease.ReleaseAllOfAsync(connection, transaction, _tables, [.. dead.Select(d => d.Member.Incarnation)], cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return [.. dead.OrderBy(d => d.Member.Incarnation).Select(d => new DeadMember(d.Member, d.Address, d.Age, d.Reason, released.GetValueOrDefault(d.Member.Incarnation)))];
    }

    /// <summary>
    /// Starts an orderly leave: status leaving (still heartbeating, eligible for no shard) while the node
    /// drains. Returns the status now; a dead incarnation stays dead.
    /// </summary>
    /// <exception cref="InvalidOperationException">The node has not joined.</exception>
    public async Task<MembershipState> BeginLeaveAsync(CancellationToken cancellationToken = default)
    {
        var me = Joined();
        await using var command = _dataSource.CreateCommand($"""
            WITH leave AS (
                UPDATE {_tables.Nodes} SET status = '{MemberStatusText.Leaving}', heartbeat_at = now()
                WHERE incarnation = @incarnation AND status = '{MemberStatusText.Up}'
                RETURNING status)
            SELECT coalesce((SELECT status FROM leave), status), reason FROM {_tables.Nodes} WHERE incarnation = @incarnation
            """);
        command.Parameters.Add(new NpgsqlParameter<long>("incarnation", me.Incarnation));
        return await ReadStateAsync(command, me, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Asks the node <paramref name="nodeId"/> (any member, this one included) to leave: its up incarnation
    /// becomes leaving, which it notices on its next heartbeat and answers by handing its shards off and
    /// exiting. Returns that incarnation's state, or null when the node id has no up or leaving incarnation.
    /// </summary>
    public async Task<MembershipState?> RequestLeaveAsync(string nodeId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeId);
        await using var command = _dataSource.CreateCommand($"""
            WITH leave AS (
                UPDATE {_tables.Nodes} SET status = '{MemberStatusText.Leaving}'
                WHERE node_id = @node AND status = '{MemberStatusText.Up}'
                RETURNING incarnation)
            SELECT incarnation, CASE WHEN incarnation IN (SELECT incarnation FROM leave) THEN '{MemberStatusText.Leaving}' ELSE status END, reason
            FROM {_tables.Nodes}
            WHERE node_id = @node AND status IN ('{MemberStatusText.Up}', '{MemberStatusText.Leaving}')
            ORDER BY incarnation DESC LIMIT 1
            """);
        command.With("node", nodeId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            return null;
        return new MembershipState(new MemberIncarnation(nodeId, reader.GetInt64(0)), MemberStatusText.Parse(reader.GetString(1)), reader.NullableString(2));
    }

    /// <summary>
    /// Finishes leaving: status left with left_at (database clock), and every lease still held released.
    /// Returns the status now; a dead incarnation stays dead.
    /// </summary>
    /// <exception cref="InvalidOperationException">The node has not joined.</exception>
    public async Task<MembershipState> CompleteLeaveAsync(CancellationToken cancellationToken = default)
    {
        var me = Joined();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var leave = Sql.Command(connection, transaction, $"""
            UPDATE {_tables.Nodes} SET status = '{MemberStatusText.Left}', left_at = now()
            WHERE incarnation = @incarnation AND status IN ('{MemberStatusText.Up}', '{MemberStatusText.Leaving}')
            """).With("incarnation", me.Incarnation))
            await leave.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await LeaseRelease.ReleaseAllOfAsync(connection, transaction, _tables, [me.Incarnation], cancellationToken).ConfigureAwait(false);
        await using var read = Sql.Command(connection, transaction, $"SELECT status, reason FROM {_tables.Nodes} WHERE incarnation = @incarnation")
            .With("incarnation", me.Incarnation);
        var state = await ReadStateAsync(read, me, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return state;
    }

    /// <summary>Every incarnation ever joined, oldest first, with its heartbeat age and shard count as the database sees them now.</summary>
    public async Task<IReadOnlyList<MemberInfo>> ListMembersAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"""
            SELECT n.node_id, n.incarnation, n.address, n.status, n.joined_at, greatest(now() - n.heartbeat_at, interval '0'),
                   n.left_at, n.reason, (SELECT count(*) FROM {_tables.Leases} l WHERE l.owner_incarnation = n.incarnation)
            FROM {_tables.Nodes} n
            ORDER BY n.incarnation
            """);
        var members = new List<MemberInfo>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            members.Add(new MemberInfo(
                new MemberIncarnation(reader.GetString(0), reader.GetInt64(1)), reader.GetString(2), MemberStatusText.Parse(reader.GetString(3)),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<TimeSpan>(5), reader.NullableTimestamp(6), reader.NullableString(7),
                (int)reader.GetInt64(8)));
        }
        return members;
    }

    private MemberIncarnation Joined()
        => _current ?? throw new InvalidOperationException("This node has not joined the cluster; call ClusterMembership.JoinAsync first");

    private async Task<MembershipState> ReadStateAsync(NpgsqlCommand command, MemberIncarnation me, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            return new MembershipState(me, MemberStatus.Dead, $"incarnation {me.Incarnation} is not in {_tables.Nodes} (were the cluster tables reset?)");
        return new MembershipState(me, MemberStatusText.Parse(reader.GetString(0)), reader.NullableString(1));
    }
}
