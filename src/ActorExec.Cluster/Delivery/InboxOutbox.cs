using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ActorExec.Cluster.Delivery;

/// <summary>
/// Appends outgoing messages to their inboxes in batches: one pump takes everything queued (for any
/// number of targets) and appends it in one transaction, so the cost per message falls as load rises
/// instead of paying a commit per message or per target. Order per target is kept. A failed append is
/// retried with backoff, never dropped: while the database is away, messages wait here.
/// </summary>
internal sealed partial class InboxOutbox : IAsyncDisposable
{
    private const int MaxBatch = 4096;
    private readonly InboxStore _store;
    private readonly string _senderNode;
    private readonly ILogger _log;
    private readonly Channel<(InboxTarget Target, InboxMessage Message)> _queue =
        Channel.CreateUnbounded<(InboxTarget, InboxMessage)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _pump;
    private long _pending;

    public InboxOutbox(InboxStore store, string senderNode, ILogger log)
    {
        _store = store;
        _senderNode = senderNode;
        _log = log;
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Messages queued and not yet appended.</summary>
    public long Pending => Interlocked.Read(ref _pending);

    public void Enqueue(InboxTarget target, InboxMessage message)
    {
        Interlocked.Increment(ref _pending);
        _queue.Writer.TryWrite((target, message));
    }

    /// <summary>Waits until everything queued so far is appended (bounded by <paramref name="cancellationToken"/>).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (Pending > 0)
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _pump.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task PumpAsync()
    {
        var token = _stopping.Token;
        var taken = new List<(InboxTarget Target, InboxMessage Message)>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (taken.Count < MaxBatch && _queue.Reader.TryRead(out var item))
                    taken.Add(item);
                var batches = taken.GroupBy(t => t.Target)
                    .Select(g => (g.Key, (IReadOnlyList<InboxMessage>)[.. g.Select(t => t.Message)])).ToList();
                var delay = TimeSpan.FromMilliseconds(50);
                var failures = 0;
                while (true)
                {
                    try
                    {
                        await _store.AppendAsync(batches, _senderNode, token).ConfigureAwait(false);
                        break;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        if (failures++ == 0)
                            LogAppendFailed(_log, taken.Count, batches.Count, e.Message);
                        await Task.Delay(delay, token).ConfigureAwait(false);
                        delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
                    }
                }
                if (failures > 0)
                    LogAppendRecovered(_log, taken.Count, failures);
                Interlocked.Add(ref _pending, -taken.Count);
                taken.Clear();
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopping: what is still queued was never acknowledged to anyone, like any Tell to a stopping node.
        }
    }

    [LoggerMessage(EventId = 8101, EventName = "inbox_append_failed", Level = LogLevel.Warning,
        Message = "Could not append {count} messages to {targets} inboxes ({reason}); they stay queued and are retried")]
    private static partial void LogAppendFailed(ILogger logger, int count, int targets, string reason);

    [LoggerMessage(EventId = 8102, EventName = "inbox_append_recovered", Level = LogLevel.Information,
        Message = "Appended {count} queued messages after {failures} failed attempts")]
    private static partial void LogAppendRecovered(ILogger logger, int count, int failures);
}
