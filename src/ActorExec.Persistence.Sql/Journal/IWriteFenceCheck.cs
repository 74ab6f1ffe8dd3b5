using System.Data.Common;
using ActorExec.Actors.Persistence;

namespace ActorExec.Persistence.Sql.Journal;

/// <summary>
/// Checks write fences inside the journal's write transaction (PostgreSQL only), e.g. the cluster's
/// shard leases: the check may lock the rows it reads (<c>FOR SHARE</c>) so that whatever would break
/// a fence waits until the writes it let through are committed.
/// </summary>
public interface IWriteFenceCheck
{
    /// <summary>The fences among <paramref name="fences"/> that no longer hold, each with the reason; empty when all hold.</summary>
    Task<IReadOnlyDictionary<WriteFence, string>> FindBrokenAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<WriteFence> fences, CancellationToken cancellationToken);
}
