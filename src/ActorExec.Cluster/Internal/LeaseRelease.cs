using Npgsql;

namespace ActorExec.Cluster.Internal;

/// <summary>Releases every lease of incarnations that stopped being members (dead, replaced or left).</summary>
internal static class LeaseRelease
{
    /// <summary>
    /// Clears owner and expiry of every shard the incarnations own, keeping the epoch (the next owner
    /// bumps it); returns how many shards each incarnation lost.
    /// </summary>
    public static async Task<Dictionary<long, int>> ReleaseAllOfAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ClusterTables tables, long[] incarnations, CancellationToken cancellationToken)
    {
        var released = new Dictionary<long, int>();
        if (incarnations.Length == 0)
            return released;
        // Rows are locked in shard order first, as journal fences lock them (FOR SHARE, in shard order):
        // an UPDATE over many rows in physical order would deadlock with a fenced write.
        await using var command = Sql.Command(connection, transaction, $"""
            WITH gone AS (
                SELECT shard_id, owner_incarnation FROM {tables.Leases}
                WHERE owner_incarnation = ANY(@owners) ORDER BY shard_id FOR UPDATE)
            UPDATE {tables.Leases} l
            SET owner_node = NULL, owner_incarnation = NULL, expires_at = NULL, acquired_at = NULL
            FROM gone WHERE l.shard_id = gone.shard_id
            RETURNING gone.owner_incarnation
            """).With("owners", incarnations);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            released[reader.GetInt64(0)] = released.GetValueOrDefault(reader.GetInt64(0)) + 1;
        return released;
    }
}
