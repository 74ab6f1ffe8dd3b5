using System.Text.RegularExpressions;

namespace ActorExec.Persistence.Sql;

/// <summary>Defaults of <see cref="SqlJournalOptions"/>.</summary>
public static class SqlJournalDefaults
{
    /// <summary>Most events committed in one transaction.</summary>
    public const int MaxBatchEvents = 2_000;

    /// <summary>How long the writer waits for more writes before committing a partial batch; zero commits what is queued at once (batches still form while a commit is in progress).</summary>
    public static readonly TimeSpan Linger = TimeSpan.Zero;

    /// <summary>
    /// PostgreSQL writer connections committing at once (each actor always uses the same one, so its
    /// writes keep their order). SQLite has a single writer whatever this says.
    /// </summary>
    public const int WriterConnections = 2;

    /// <summary>The PostgreSQL schema the tables live in.</summary>
    public const string Schema = "public";

    /// <summary>Identifies this writer in the journal's <c>writer</c> column.</summary>
    public const string WriterId = "actorexec";
}

/// <summary>How a SQL journal writes; validated when the stores are created.</summary>
public sealed partial record SqlJournalOptions
{
    /// <summary>Most events committed in one transaction (group commit).</summary>
    public int MaxBatchEvents { get; init; } = SqlJournalDefaults.MaxBatchEvents;

    /// <summary>How long to wait for more writes before committing a batch that is not full.</summary>
    public TimeSpan Linger { get; init; } = SqlJournalDefaults.Linger;

    /// <summary>PostgreSQL only: writer connections committing at once.</summary>
    public int WriterConnections { get; init; } = SqlJournalDefaults.WriterConnections;

    /// <summary>PostgreSQL only: the schema holding the tables (created if missing).</summary>
    public string Schema { get; init; } = SqlJournalDefaults.Schema;

    /// <summary>Written with every event: which node or process stored it.</summary>
    public string WriterId { get; init; } = SqlJournalDefaults.WriterId;

    /// <summary>PostgreSQL only: checks fences and records receipts in the write transaction (the cluster's shard leases and inbox cursors); null refuses writes that carry either.</summary>
    public Journal.IWriteGuard? WriteGuard { get; init; }

    /// <summary>The clock for timing batches.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal SqlJournalOptions Validate()
    {
        if (MaxBatchEvents < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxBatchEvents), MaxBatchEvents, "SqlJournalOptions.MaxBatchEvents must be at least 1");
        if (WriterConnections is < 1 or > 32)
            throw new ArgumentOutOfRangeException(nameof(WriterConnections), WriterConnections, "SqlJournalOptions.WriterConnections must be between 1 and 32");
        if (Linger < TimeSpan.Zero || Linger > TimeSpan.FromSeconds(1))
            throw new ArgumentOutOfRangeException(nameof(Linger), Linger, "SqlJournalOptions.Linger must be between 0 and 1 s");
        if (!SchemaName().IsMatch(Schema ?? ""))
            throw new ArgumentException($"SqlJournalOptions.Schema '{Schema}' must match [a-z_][a-z0-9_]* (at most 63 characters)", nameof(Schema));
        if (string.IsNullOrWhiteSpace(WriterId))
            throw new ArgumentException("SqlJournalOptions.WriterId must not be empty", nameof(WriterId));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        return this;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
