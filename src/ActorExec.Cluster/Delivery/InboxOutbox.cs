using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ActorExec.Cluster.Delivery;

/// <summary>
/// Appends outgoing messages to their target inboxes in batches: one pump per target takes everything
/// queued and appends it in one transaction, so throughput grows with load instead of paying a commit per
/// message. Order per target is kept. A failed append is retried with backoff, never dropped: while the
/// database is away, messages wait here.
/// </summary>
internal sealed partial class InboxOutbox(InboxStore store, string senderNode, ILogger log) : IAsyncDisposable
{
    private const int MaxBatch = 512;
    private readonly ConcurrentDictionary<InboxTarget, Pump> _pumps = new();
    private readonly CancellationTokenSource _stopping = new();
    private long _pending;

    /// <summary>Messages queued and not yet appended.</summary>
    public long Pending => Interlocked.Read(ref _pending);

    public void Enqueue(InboxTarget target, InboxMessage message)
    {
        Interlocked.Increment(ref _pending);
        _pumps.GetOrAdd(target, t => new Pump(this, t)).Queue.Writer.TryWrite(message);
    }

    /// <summary>Waits until everything queued so far is appended (bounded by <paramref name="cancellationToken"/>).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (Pending > 0)
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var pump in _pumps.Values)
            pump.Queue.Writer.TryComplete();
        await Task.WhenAll(_pumps.Values.Select(p => p.Running)).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private sealed class Pump
    {
        public Pump(InboxOutbox owner, InboxTarget target)
        {
            Running = Task.Run(() => RunAsync(owner, target));
        }

        public Channel<InboxMessage> Queue { get; } = Channel.CreateUnbounded<InboxMessage>(new UnboundedChannelOptions { SingleReader = true });

        public Task Running { get; }

        private async Task RunAsync(InboxOutbox owner, InboxTarget target)
        {
            var batch = new List<InboxMessage>(MaxBatch);
            var token = owner._stopping.Token;
            try
            {
                while (await Queue.Reader.WaitToReadAsync(token).ConfigureAwait(false))
                {
                    while (batch.Count < MaxBatch && Queue.Reader.TryRead(out var message))
                        batch.Add(message);
                    var delay = TimeSpan.FromMilliseconds(50);
                    var failures = 0;
                    while (true)
                    {
                        try
                        {
                            await owner._store.AppendAsync(target, batch, owner._senderNode, token).ConfigureAwait(false);
                            break;
                        }
                        catch (Exception e) when (e is not OperationCanceledException)
                        {
                            if (failures++ == 0)
                                LogAppendFailed(owner._log, batch.Count, target.Value, e.Message);
                            await Task.Delay(delay, token).ConfigureAwait(false);
                            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
                        }
                    }
                    if (failures > 0)
                        LogAppendRecovered(owner._log, batch.Count, target.Value, failures);
                    Interlocked.Add(ref owner._pending, -batch.Count);
                    batch.Clear();
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Stopping: what is still queued was never acknowledged to anyone, like any Tell to a stopping node.
            }
        }
    }

    private readonly InboxStore _store = store;
    private readonly string _senderNode = senderNode;
    private readonly ILogger _log = log;

    [LoggerMessage(EventId = 8101, EventName = "inbox_append_failed", Level = LogLevel.Warning,
        Message = "Could not append {count} messages to inbox {target} ({reason}); they stay queued and are retried")]
    private static partial void LogAppendFailed(ILogger logger, int count, string target, string reason);

    [LoggerMessage(EventId = 8102, EventName = "inbox_append_recovered", Level = LogLevel.Information,
        Message = "Appended {count} queued messages to inbox {target} after {failures} failed attempts")]
    private static partial void LogAppendRecovered(ILogger logger, int count, string target, int failures);
}
