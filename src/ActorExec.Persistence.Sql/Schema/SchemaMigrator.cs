using System.Data.Common;
using ActorExec.Persistence.Sql.Dialects;

namespace ActorExec.Persistence.Sql.Schema;

/// <summary>
/// Creates and upgrades a store's schema on first use: the pending migrations run in one transaction
/// under a lock, so several nodes starting at once apply each exactly once.
/// </summary>
internal sealed class SchemaMigrator(SqlDialect dialect, TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    /// <summary>Applies pending migrations once per process; later calls return at once.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_ready)
            return;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_ready)
            {
                await MigrateAsync(cancellationToken).ConfigureAwait(false);
                _ready = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await dialect.LockForMigrationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, dialect.CreateMigrationsTableSql, cancellationToken).ConfigureAwait(false);

            var applied = new HashSet<int>();
            await using (var read = Command(connection, transaction, $"SELECT version FROM {dialect.Table("schema_migrations")}"))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    applied.Add(reader.GetInt32(0));
            }

            var known = dialect.Migrations.Select(m => m.Version).ToHashSet();
            if (applied.FirstOrDefault(v => !known.Contains(v)) is var unknown and > 0)
                throw new InvalidOperationException(
                    $"The {dialect.Name} store at {dialect.Location} has schema version {unknown}, which this build does not know; upgrade the software or use another store");

            foreach (var migration in dialect.Migrations.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version))
            {
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
                await using var record = Command(connection, transaction,
                    $"INSERT INTO {dialect.Table("schema_migrations")} (version, description, applied_at) VALUES (@version, @description, @applied)");
                SqlDialect.Parameter(record, "@version", migration.Version);
                SqlDialect.Parameter(record, "@description", migration.Description);
                dialect.AddTimestamp(record, "@applied", time.GetUtcNow());
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not InvalidOperationException)
        {
            throw new InvalidOperationException($"Cannot create or upgrade the {dialect.Name} schema at {dialect.Location}: {e.Message}", e);
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
