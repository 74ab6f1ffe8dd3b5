using System.Threading.Channels;
using ActorExec.Actors.Persistence;
using ActorExec.Persistence.Sql.Dialects;

namespace ActorExec.Persistence.Sql.Journal;

/// <summary>
/// Group commit: writes from many actors queue here and one writer commits whatever has queued in a
/// single transaction (up to a bounded number of events, after an optional linger). A write's events
/// are one unit; the queue is FIFO, so each actor's writes keep their order. When a batch is refused
/// (one actor's sequence number taken by another writer), the writes are retried one by one so only
/// the offender fails.
/// </summary>
internal sealed class GroupCommitter : IAsyncDisposable
{
    private readonly SqlDialect _dialect;
    private readonly SqlJournalOptions _options;
    private readonly Func<CancellationToken, Task> _ensureSchema;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _writer;

    public GroupCommitter(SqlDialect dialect, SqlJournalOptions options, Func<CancellationToken, Task> ensureSchema)
    {
        _dialect = dialect;
        _options = options;
        _ensureSchema = ensureSchema;
        _writer = Task.Run(RunAsync);
    }

    public Task<WriteResult> Enqueue(PendingWrite write)
    {
        if (!_queue.Writer.TryWrite(write))
            write.Complete(new WriteResult.Failed(new ObjectDisposedException(nameof(SqlJournal), $"The {_dialect.Name} journal at {_dialect.Location} is shut down")));
        return write.Result;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
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
                await CommitAsync(batch).ConfigureAwait(false);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        finally
        {
            var closed = new ObjectDisposedException(nameof(SqlJournal), $"The {_dialect.Name} journal at {_dialect.Location} is shut down");
            foreach (var pending in batch)
                pending.Complete(new WriteResult.Failed(closed));
            while (reader.TryRead(out var pending))
                pending.Complete(new WriteResult.Failed(closed));
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

    private async Task CommitAsync(IReadOnlyList<PendingWrite> batch)
    {
        try
        {
            await InsertAsync(batch).ConfigureAwait(false);
            foreach (var write in batch)
                write.Complete(WriteResult.Success);
        }
        catch (Exception e) when (batch.Count > 1 && _dialect.IsUniqueViolation(e))
        {
            // One write sank the transaction: find it by committing each on its own.
            foreach (var write in batch)
                await CommitAsync([write]).ConfigureAwait(false);
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

    private async Task InsertAsync(IReadOnlyList<PendingWrite> batch)
    {
        var cancellation = _stopping.Token;
        await _ensureSchema(cancellation).ConfigureAwait(false);
        await using var connection = await _dialect.OpenAsync(cancellation).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        await _dialect.InsertAsync(connection, transaction, batch, _options.WriterId, cancellation).ConfigureAwait(false);
        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        // Let queued writes commit; only a stuck database makes shutdown cut them off.
        if (await Task.WhenAny(_writer, Task.Delay(TimeSpan.FromSeconds(30))).ConfigureAwait(false) != _writer)
            await _stopping.CancelAsync().ConfigureAwait(false);
        await _writer.ConfigureAwait(false);
        _stopping.Dispose();
    }
}
