using ActorExec.Cluster.Internal;
using ActorExec.Cluster.Membership;
using Npgsql;

namespace ActorExec.Cluster.Sharding;

/// <summary>
/// Shard ownership in <c>shard_leases</c>, by the database clock. A shard is free when it has no owner,
/// its lease expired, or its owner is no longer up or leaving; acquiring a free shard bumps its epoch,
/// which fences every write of the previous owner (see <see cref="Fencing.LeaseFence"/>). Requires
/// <see cref="Schema.ClusterSchema.EnsureAsync"/> first.
/// </summary>
public sealed class ShardLeases
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ClusterTables _tables;
    private readonly int _shardCount;

    /// <summary>Leases of the cluster in <see cref="ClusterOptions.Schema"/> with <see cref="ClusterOptions.ShardCount"/> shards.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public ShardLeases(NpgsqlDataSource dataSource, ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = dataSource;
        _tables = new ClusterTables(options.Validate().Schema);
        _shardCount = options.ShardCount;
    }

    /// <summary>
    /// Acquires the shard for <paramref name="me"/> for <paramref name="leaseDuration"/> if it is free and
    /// <paramref name="me"/> is up, bumping its epoch; returns the current lease unchanged if <paramref name="me"/>
    /// already holds a valid one. One transaction: our node row is locked (shared) so we cannot be declared dead
    /// meanwhile, and the lease row exclusively, so of racing acquirers exactly one wins, and a takeover waits
    /// for fenced writes that hold the row in share mode.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The shard id or duration is out of range.</exception>
    public async Task<AcquireResult> TryAcquireAsync(int shardId, MemberIncarnation me, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        CheckShard(shardId);
        ArgumentNullException.ThrowIfNull(me);
        CheckDuration(leaseDuration);

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var status = await LockMemberAsync(connection, transaction, me, cancellationToken).ConfigureAwait(false);
        if (status != MemberStatus.Up)
            return new AcquireResult.NotMember(me, status);

        var current = await LockLeaseAsync(connection, transaction, shardId, cancellationToken).ConfigureAwait(false);
        if (current.Owner == me && current.Unexpired)
            return new AcquireResult.Acquired(new ShardLease(shardId, me, current.Epoch, current.ExpiresAt!.Value), IsNew: false);
        if (current is { Owner: { } owner, Unexpired: true, OwnerIsMember: true })
            return new AcquireResult.HeldByOther(shardId, owner, current.Epoch, current.ExpiresAt!.Value);

        await using var take = Sql.Command(connection, transaction, $"""
            UPDATE {_tables.Leases}
            SET owner_node = @node, owner_incarnation = @incarnation, epoch = epoch + 1, expires_at = now() + @duration, acquired_at = now()
            WHERE shard_id = @shard
            RETURNING epoch, expires_at
            """).With("node", me.NodeId).With("incarnation", me.Incarnation).With("duration", leaseDuration).With("shard", shardId);
        ShardLease lease;
        await using (var reader = await take.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            lease = new ShardLease(shardId, me, reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1));
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new AcquireResult.Acquired(lease, IsNew: true);
    }

    /// <summary>
    /// Extends every lease <paramref name="me"/> owns to now + <paramref name="leaseDuration"/> (database clock),
    /// while <paramref name="me"/> is up or leaving, and returns what it still owns: compare with what it owned
    /// (<see cref="LeaseRenewal.LostSince"/>) to learn which shards were taken over. A lease that expired but
    /// was not taken is still ours at the same epoch, so it is renewed too.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is not positive.</exception>
    /// <remarks>The rows are locked in shard order, as journal fences lock them, so renewals never deadlock with fenced writes.</remarks>
    public async Task<LeaseRenewal> RenewAsync(MemberIncarnation me, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(me);
        CheckDuration(leaseDuration);
        await using var command = _dataSource.CreateCommand($"""
            UPDATE {_tables.Leases} l SET expires_at = now() + @duration
            FROM {_tables.Nodes} n
            WHERE n.incarnation = @incarnation AND n.node_id = @node AND n.status IN ('{MemberStatusText.Up}', '{MemberStatusText.Leaving}')
              AND l.owner_incarnation = n.incarnation
              AND l.shard_id IN (SELECT shard_id FROM {_tables.Leases} WHERE owner_incarnation = @incarnation ORDER BY shard_id FOR UPDATE)
            RETURNING l.shard_id, l.epoch, l.expires_at
            """);
        command.With("duration", leaseDuration).With("incarnation", me.Incarnation).With("node", me.NodeId);
        var owned = new Dictionary<int, long>();
        DateTimeOffset? expiresAt = null;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            owned[reader.GetInt32(0)] = reader.GetInt64(1);
            expiresAt = reader.GetFieldValue<DateTimeOffset>(2);
        }
        return new LeaseRenewal(owned, expiresAt);
    }

    /// <summary>
    /// Releases the shard if <paramref name="me"/> still owns it at <paramref name="epoch"/> (owner and expiry
    /// cleared, epoch kept); returns false, changing nothing, when it does not (someone took it over).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The shard id is out of range.</exception>
    public async Task<bool> ReleaseAsync(MemberIncarnation me, int shardId, long epoch, CancellationToken cancellationToken = default)
    {
        CheckShard(shardId);
        ArgumentNullException.ThrowIfNull(me);
        await using var command = _dataSource.CreateCommand($"""
            UPDATE {_tables.Leases} SET owner_node = NULL, owner_incarnation = NULL, expires_at = NULL, acquired_at = NULL
            WHERE shard_id = @shard AND owner_incarnation = @incarnation AND epoch = @epoch
            """);
        command.With("shard", shardId).With("incarnation", me.Incarnation).With("epoch", epoch);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Every shard in id order with its owner, epoch, expiry and whether its lease is valid now (database clock).</summary>
    public async Task<IReadOnlyList<ShardLeaseInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"""
            SELECT l.shard_id, l.owner_node, l.owner_incarnation, l.epoch, l.expires_at, l.acquired_at,
                   coalesce(l.expires_at > now() AND n.status IN ('{MemberStatusText.Up}', '{MemberStatusText.Leaving}'), false)
            FROM {_tables.Leases} l LEFT JOIN {_tables.Nodes} n ON n.incarnation = l.owner_incarnation
            ORDER BY l.shard_id
            """);
        var leases = new List<ShardLeaseInfo>(_shardCount);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var owner = reader.NullableInt64(2) is { } incarnation ? new MemberIncarnation(reader.GetString(1), incarnation) : null;
            leases.Add(new ShardLeaseInfo(reader.GetInt32(0), owner, reader.GetInt64(3), reader.NullableTimestamp(4), reader.NullableTimestamp(5), reader.GetBoolean(6)));
        }
        return leases;
    }

    private async Task<MemberStatus?> LockMemberAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, MemberIncarnation me, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction,
            $"SELECT status FROM {_tables.Nodes} WHERE incarnation = @incarnation AND node_id = @node FOR SHARE")
            .With("incarnation", me.Incarnation).With("node", me.NodeId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string status ? MemberStatusText.Parse(status) : null;
    }

    private async Task<LockedLease> LockLeaseAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int shardId, CancellationToken cancellationToken)
    {
        // The lease row alone: after waiting for the lock, PostgreSQL returns its newest version, but rows
        // joined to it would come from the statement's older snapshot. The owner's status is read by a
        // second statement, which sees everything committed before it.
        MemberIncarnation? owner;
        LockedLease lease;
        await using (var command = Sql.Command(connection, transaction, $"""
            SELECT owner_node, owner_incarnation, epoch, expires_at, coalesce(expires_at > now(), false)
            FROM {_tables.Leases} WHERE shard_id = @shard
            FOR UPDATE
            """).With("shard", shardId))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                throw new InvalidOperationException($"{_tables.Leases} has no row for shard {shardId}; run ClusterSchema.EnsureAsync with the cluster's shard count first");
            owner = reader.NullableInt64(1) is { } incarnation ? new MemberIncarnation(reader.GetString(0), incarnation) : null;
            lease = new LockedLease(owner, reader.GetInt64(2), reader.NullableTimestamp(3), reader.GetBoolean(4), OwnerIsMember: false);
        }
        if (owner is null)
            return lease;
        await using var status = Sql.Command(connection, transaction, $"SELECT status FROM {_tables.Nodes} WHERE incarnation = @incarnation")
            .With("incarnation", owner.Incarnation);
        var ownerStatus = await status.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        return lease with { OwnerIsMember = ownerStatus is MemberStatusText.Up or MemberStatusText.Leaving };
    }

    private void CheckShard(int shardId)
    {
        if ((uint)shardId >= (uint)_shardCount)
            throw new ArgumentOutOfRangeException(nameof(shardId), shardId, $"Shard {shardId} does not exist; the cluster has shards 0 to {_shardCount - 1}");
    }

    private static void CheckDuration(TimeSpan leaseDuration)
    {
        if (leaseDuration <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(leaseDuration), leaseDuration, $"The lease duration is {leaseDuration}; it must be positive");
    }

    private sealed record LockedLease(MemberIncarnation? Owner, long Epoch, DateTimeOffset? ExpiresAt, bool Unexpired, bool OwnerIsMember);
}
