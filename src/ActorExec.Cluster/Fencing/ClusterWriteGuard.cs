using System.Data.Common;
using ActorExec.Actors.Persistence;
using ActorExec.Cluster.Delivery;
using ActorExec.Persistence.Sql.Journal;
using Npgsql;

namespace ActorExec.Cluster.Fencing;

/// <summary>
/// The cluster's part of every journal transaction: shard fences are checked against the lease rows
/// (read <c>FOR SHARE</c>, so a takeover waits for the writes already let through), and inbox receipts
/// advance their cursors, together with the events they caused.
/// </summary>
public sealed class ClusterWriteGuard(LeaseFence leases, InboxStore inboxes) : IWriteGuard
{
    /// <summary>Raised (on the journal's thread) for every shard fence a write was refused for, with the reason.</summary>
    public event Action<ShardFence, string>? FenceBroken;

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<WriteFence, string>> FindBrokenAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<WriteFence> fences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fences);
        var broken = new Dictionary<WriteFence, string>();
        foreach (var fence in fences.Where(f => f is not ShardFence))
            broken[fence] = $"{fence.GetType().Name} is not a fence the cluster knows";
        foreach (var byOwner in fences.OfType<ShardFence>().GroupBy(f => f.Incarnation))
        {
            var expected = new Dictionary<int, long>();
            foreach (var fence in byOwner)
            {
                // Two fences of one shard at different epochs in one batch: the older one is stale.
                if (!expected.TryGetValue(fence.ShardId, out var epoch) || fence.Epoch > epoch)
                    expected[fence.ShardId] = fence.Epoch;
            }
            var fenced = await leases.FindFencedAsync((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, expected, byOwner.Key, cancellationToken).ConfigureAwait(false);
            foreach (var fence in byOwner.Where(f => fenced.Contains(f.ShardId) || expected[f.ShardId] != f.Epoch))
            {
                broken[fence] = "the shard's lease has another owner or a newer epoch";
                FenceBroken?.Invoke(fence, broken[fence]);
            }
        }
        return broken;
    }

    /// <inheritdoc />
    public Task StoreReceiptsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<WriteReceipt> receipts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipts);
        var unknown = receipts.FirstOrDefault(r => r is not InboxReceipt);
        if (unknown is not null)
            throw new InvalidOperationException($"{unknown.GetType().Name} ({unknown.Describe()}) is not a receipt the cluster knows");
        return inboxes.StoreAsync((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, [.. receipts.Cast<InboxReceipt>()], cancellationToken);
    }
}
