using System.Data.Common;
using ActorExec.Actors.Persistence;

namespace ActorExec.Persistence.Sql.Journal;

/// <summary>
/// What the journal does inside a write transaction besides inserting events (PostgreSQL only; the
/// cluster's shard leases and inbox cursors). Fences are checked first, and may lock the rows they
/// read (<c>FOR SHARE</c>) so whatever would break them waits until the writes they let through are
/// committed; then the receipts of the writes stored are recorded, in the same transaction.
/// </summary>
public interface IWriteGuard
{
    /// <summary>The fences among <paramref name="fences"/> that no longer hold, each with the reason; empty when all hold.</summary>
    Task<IReadOnlyDictionary<WriteFence, string>> FindBrokenAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<WriteFence> fences, CancellationToken cancellationToken);

    /// <summary>Records the receipts of the writes being stored (e.g. advances an inbox cursor).</summary>
    Task StoreReceiptsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<WriteReceipt> receipts, CancellationToken cancellationToken);
}
