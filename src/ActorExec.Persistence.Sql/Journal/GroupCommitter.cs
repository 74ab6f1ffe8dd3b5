using System.Data.Common;
using System.Threading.Channels;
using ActorExec.Actors.Persistence;
using ActorExec.Persistence.Sql.Dialects;

namespace ActorExec.Persistence.Sql.Journal;

/// <summary>
/// Group commit: writes from many actors queue here and a writer commits whatever has queued in a
/// single transaction (up to a bounded number of events, after an optional linger). A write's events
/// are one unit. Writes are spread over one or more partitions by persistence id, each with its own
/// FIFO queue, writer loop and connection, so each actor's writes keep their order while commits of
/// different partitions overlap. When a batch is refused (one actor's sequence number taken by
/// another writer), its writes are retried one by one so only the offender fails.
/// </summary>
internal sealed class GroupCommitter : IAsyncDisposable
{
    private readonly SqlDialect _dialect;
    private readonly SqlJournalOptions _options;
    private readonly Func<CancellationToken, Task> _ensureSchema;
    private readonly Partition[] _partitions;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task[] _writers;

    /// <summary>One writer: its queue and its connection, kept open between batches.</summary>
    private sealed class Partition
    {
        public Channel<PendingWrite> Queue { get; } = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });

        public DbConnection? Connection { get; set; }
    }

    public GroupCommitter(SqlDialect dialect, SqlJournalOptions options, Func<CancellationToken, Task> ensureSchema)
    {
        _dialect = dialect;
        _options = options;
        _ensureSchema = ensureSchema;
        _partitions = [.. Enumerable.Range(0, dialect.SupportsConcurrentWriters ? options.WriterConnections : 1).Select(_ => new Partition())];
        _writers = [.. _partitions.Select(p => Task.Run(() => RunAsync(p)))];
    }

    public Task<WriteResult> Enqueue(PendingWrite write)
    {
        var partition = _partitions.Length == 1 ? _partitions[0] : _partitions[StableHash(write.Write.PersistenceId) % (uint)_partitions.Length];
        if (!partition.Queue.Writer.TryWrite(write))
            write.Complete(new WriteResult.Failed(Closed()));
        return write.Result;
    }

    /// <summary>FNV-1a: stable across processes (unlike string.GetHashCode), so an actor always uses one writer.</summary>
    private static uint StableHash(string value)
    {
        var hash = 2166136261u;
        foreach (var c in value)
            hash = (hash ^ c) * 16777619u;
        return hash;
    }

    private async Task RunAsync(Partition partition)
    {
        var reader = partition.Queue.Reader;
        var batch = new List<PendingWrite>();
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                var events = Drain(reader, batch, 0);
                if (_options.Linger > TimeSpan.Zero && events < _options.MaxBatchEvents)
                {
                    await Task.Delay(_options.Linger, _options.TimeProvider, _stopping.Token).ConfigureAwait(false);
                    Drain(reader, batch, events);
                }
                await CommitAsync(partition, batch).ConfigureAwait(false);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var pending in batch)
                pending.Complete(new WriteResult.Failed(Closed()));
            while (reader.TryRead(out var pending))
                pending.Complete(new WriteResult.Failed(Closed()));
            if (partition.Connection is not null)
                await partition.Connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private int Drain(ChannelReader<PendingWrite> reader, List<PendingWrite> batch, int events)
    {
        // A write is never split, so a batch may exceed the bound by one write.
        while (events < _options.MaxBatchEvents && reader.TryRead(out var write))
        {
            batch.Add(write);
            events += write.Events.Length;
        }
        return events;
    }

    private async Task CommitAsync(Partition partition, IReadOnlyList<PendingWrite> batch)
    {
        try
        {
            var refused = await InsertAsync(partition, batch).ConfigureAwait(false);
            foreach (var write in batch)
                write.Complete(refused?.GetValueOrDefault(write) ?? WriteResult.Success);
        }
        catch (Exception e) when (batch.Count > 1 && _dialect.IsUniqueViolation(e))
        {
            // One write sank the transaction: find it by committing each on its own.
            foreach (var write in batch)
                await CommitAsync(partition, [write]).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            foreach (var pending in batch)
            {
                var write = pending.Write;
                pending.Complete(new WriteResult.Failed(_dialect.IsUniqueViolation(e)
                    ? new ConcurrentWriterException(write.PersistenceId, write.LowestSequenceNr, e)
                    : e));
            }
        }
    }

    /// <summary>Stores the batch; returns the writes refused by their fence (nothing of them stored), or null.</summary>
    private async Task<Dictionary<PendingWrite, WriteResult>?> InsertAsync(Partition partition, IReadOnlyList<PendingWrite> batch)
    {
        var cancellation = _stopping.Token;
        await _ensureSchema(cancellation).ConfigureAwait(false);
        partition.Connection ??= await _dialect.OpenAsync(cancellation).ConfigureAwait(false);
        try
        {
            if (!batch.Any(Guarded))
            {
                await _dialect.WriteBatchAsync(partition.Connection, batch, _options.WriterId, cancellation).ConfigureAwait(false);
                return null;
            }
            return await InsertGuardedAsync(partition.Connection, batch, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (!_dialect.IsUniqueViolation(e))
        {
            // The connection may be broken (server restart, network): the next batch opens a fresh one.
            await partition.Connection.DisposeAsync().ConfigureAwait(false);
            partition.Connection = null;
            throw;
        }
    }

    private static bool Guarded(PendingWrite write) => write.Write.Fence is not null || write.Write.Receipt is not null;

    /// <summary>
    /// One transaction: check the batch's fences (the check may lock what they read until commit), store
    /// the writes whose fence holds, and record their receipts. A refused write stores nothing (nor its
    /// receipt) and never sinks the others.
    /// </summary>
    private async Task<Dictionary<PendingWrite, WriteResult>> InsertGuardedAsync(DbConnection connection, IReadOnlyList<PendingWrite> batch, CancellationToken cancellation)
    {
        var refused = new Dictionary<PendingWrite, WriteResult>();
        if (_options.WriteGuard is not { } check || !_dialect.SupportsFences)
        {
            var unsupported = new InvalidOperationException(_dialect.SupportsFences
                ? "a fenced or receipted write needs SqlJournalOptions.WriteGuard (the cluster's lease and inbox checks); none is configured"
                : $"the {_dialect.Name} journal cannot check write fences or record receipts; a cluster needs PostgreSQL");
            foreach (var write in batch.Where(Guarded))
                refused[write] = new WriteResult.Failed(unsupported);
            var unguarded = batch.Where(w => !Guarded(w)).ToList();
            if (unguarded.Count > 0)
                await _dialect.WriteBatchAsync(connection, unguarded, _options.WriterId, cancellation).ConfigureAwait(false);
            return refused;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        var fences = batch.Select(w => w.Write.Fence).OfType<WriteFence>().Distinct().ToList();
        var broken = fences.Count == 0
            ? new Dictionary<WriteFence, string>()
            : await check.FindBrokenAsync(connection, transaction, fences, cancellation).ConfigureAwait(false);
        var accepted = new List<PendingWrite>(batch.Count);
        foreach (var write in batch)
        {
            if (write.Write.Fence is { } fence && broken.TryGetValue(fence, out var reason))
                refused[write] = new WriteResult.Failed(new FencedWriteException(write.Write.PersistenceId, write.Write.LowestSequenceNr, fence, reason));
            else
                accepted.Add(write);
        }
        if (accepted.Count > 0)
            await _dialect.WriteBatchAsync(connection, transaction, accepted, _options.WriterId, cancellation).ConfigureAwait(false);
        var receipts = accepted.Select(w => w.Write.Receipt).OfType<WriteReceipt>().ToList();
        if (receipts.Count > 0)
            await check.StoreReceiptsAsync(connection, transaction, receipts, cancellation).ConfigureAwait(false);
        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
        return refused;
    }

    private ObjectDisposedException Closed() => new(nameof(SqlJournal), $"The {_dialect.Name} journal at {_dialect.Location} is shut down");

    public async ValueTask DisposeAsync()
    {
        foreach (var partition in _partitions)
            partition.Queue.Writer.TryComplete();
        // Let queued writes commit; only a stuck database makes shutdown cut them off.
        var writers = Task.WhenAll(_writers);
        if (await Task.WhenAny(writers, Task.Delay(TimeSpan.FromSeconds(30))).ConfigureAwait(false) != writers)
            await _stopping.CancelAsync().ConfigureAwait(false);
        await writers.ConfigureAwait(false);
        _stopping.Dispose();
    }
}
