using ActorExec.Cluster.Internal;
using Npgsql;

namespace ActorExec.Cluster.Fencing;

/// <summary>
/// The fence in front of every journal write of a shard's entities: inside the write's transaction, read
/// the shards' lease rows <c>FOR SHARE</c> and compare owner and epoch with what the writer holds. A
/// mismatch means another incarnation acquired the shard (or ours was released): the writer must abort
/// and stop that shard's actors. The share lock makes a takeover (which locks the row for update) wait
/// until the write commits, so a write is either before the takeover or refused after it.
/// </summary>
public sealed class LeaseFence
{
    private readonly string _sql;

    /// <summary>A fence for the cluster in <see cref="ClusterOptions.Schema"/>.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public LeaseFence(ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _sql = CheckEpochSql(options.Validate().Schema);
    }

    /// <summary>
    /// The fencing query for a schema, taking one parameter <c>@shards</c> (<c>integer[]</c>) and returning
    /// <c>shard_id, owner_incarnation, epoch</c> of each, locked in share mode (in shard order, so fences never deadlock).
    /// </summary>
    /// <param name="schema">The cluster schema.</param>
    /// <exception cref="ArgumentException">The schema name is not a valid identifier.</exception>
    public static string CheckEpochSql(string schema)
    {
        var tables = new ClusterTables(new ClusterOptions { Schema = schema }.Validate().Schema);
        return $"SELECT shard_id, owner_incarnation, epoch FROM {tables.Leases} WHERE shard_id = ANY(@shards) ORDER BY shard_id FOR SHARE";
    }

    /// <summary>
    /// Locks the lease rows of <paramref name="expectedEpochs"/>' shards in share mode, in the given transaction,
    /// and returns the shards the writer no longer holds: owned by another incarnation, free, at another epoch, or
    /// unknown. Empty means the write may proceed; the lock lasts until the transaction ends, so pass the
    /// transaction of the write (without one, the lock ends with this statement and fences nothing).
    /// </summary>
    /// <param name="connection">The writer's open connection.</param>
    /// <param name="transaction">The write's transaction.</param>
    /// <param name="expectedEpochs">Shard to the epoch the writer acquired it at.</param>
    /// <param name="incarnation">The writer's incarnation.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlySet<int>> FindFencedAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyDictionary<int, long> expectedEpochs, long incarnation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(expectedEpochs);
        if (expectedEpochs.Count == 0)
            return new HashSet<int>();

        var fenced = expectedEpochs.Keys.ToHashSet();
        await using var command = Sql.Command(connection, transaction, _sql).With("shards", expectedEpochs.Keys.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var shard = reader.GetInt32(0);
            if (reader.NullableInt64(1) == incarnation && reader.GetInt64(2) == expectedEpochs[shard])
                fenced.Remove(shard);
        }
        return fenced;
    }
}
