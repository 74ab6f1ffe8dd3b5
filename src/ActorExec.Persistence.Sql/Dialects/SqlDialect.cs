using System.Data.Common;
using ActorExec.Persistence.Sql.Journal;
using ActorExec.Persistence.Sql.Schema;

namespace ActorExec.Persistence.Sql.Dialects;

/// <summary>
/// What differs between databases: connections, schema, SQL text, the batch insert and how errors
/// are classified. Everything else (group commit, isolation of a bad write, reads) is shared.
/// </summary>
internal abstract class SqlDialect
{
    /// <summary>For messages: <c>sqlite</c> or <c>postgresql</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Where the store is, for messages (never includes credentials).</summary>
    public abstract string Location { get; }

    /// <summary>True when commits on several connections can proceed at once (PostgreSQL; not SQLite's single writer).</summary>
    public virtual bool SupportsConcurrentWriters => false;

    /// <summary>Opens a connection configured for the store.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>The schema, in version order.</summary>
    public abstract IReadOnlyList<Migration> Migrations { get; }

    /// <summary>The bookkeeping table of applied migrations, created before anything else.</summary>
    public abstract string CreateMigrationsTableSql { get; }

    /// <summary>Serialises concurrent migrations (other nodes, other processes) inside the transaction.</summary>
    public abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Stores the events (and their tags) of every write atomically: all or nothing; throws if any row is refused.</summary>
    public abstract Task WriteBatchAsync(DbConnection connection, IReadOnlyList<PendingWrite> writes, string writerId, CancellationToken cancellationToken);

    /// <summary>True when writes can run inside a caller's transaction, after a fence check in it.</summary>
    public virtual bool SupportsFences => false;

    /// <summary>As <see cref="WriteBatchAsync"/>, inside <paramref name="transaction"/> (which the caller commits).</summary>
    public virtual Task WriteBatchAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PendingWrite> writes, string writerId, CancellationToken cancellationToken)
        => throw new NotSupportedException($"The {Name} journal cannot check write fences");

    /// <summary>True when the database refused a row because (persistence_id, sequence_nr) exists.</summary>
    public abstract bool IsUniqueViolation(Exception exception);

    /// <summary>Qualified table name (with the schema where the database has them).</summary>
    public abstract string Table(string name);

    /// <summary>Adds a timestamp parameter in the store's representation.</summary>
    public abstract void AddTimestamp(DbCommand command, string name, DateTimeOffset value);

    /// <summary>Reads a timestamp column.</summary>
    public abstract DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal);

    /// <summary>The SQL literal for true in the <c>deleted</c> column.</summary>
    public abstract string True { get; }

    /// <summary>The SQL literal for false in the <c>deleted</c> column.</summary>
    public abstract string False { get; }

    /// <summary>Upserts a snapshot row (one per persistence id and sequence number).</summary>
    public abstract string SaveSnapshotSql { get; }

    public static DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
