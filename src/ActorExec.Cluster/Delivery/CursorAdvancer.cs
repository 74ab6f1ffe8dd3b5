using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ActorExec.Cluster.Delivery;

/// <summary>
/// Moves the cursors of messages that wrote nothing, for every shard of a node, in one transaction every
/// <see cref="Interval"/>. A crash before a move delivers those messages again; they wrote nothing.
/// </summary>
internal sealed partial class CursorAdvancer : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly InboxStore _store;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<InboxTarget, long> _pending = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _running;

    public CursorAdvancer(InboxStore store, ILogger log)
    {
        _store = store;
        _log = log;
        _running = Task.Run(RunAsync);
    }

    public void Advance(InboxTarget target, long position)
        => _pending.AddOrUpdate(target, position, (_, known) => Math.Max(known, position));

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _running.ConfigureAwait(false);
        await FlushAsync(CancellationToken.None).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
                await FlushAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var taken = new List<InboxReceipt>();
        foreach (var target in _pending.Keys)
        {
            if (_pending.TryRemove(target, out var position))
                taken.Add(new InboxReceipt(target, position));
        }
        if (taken.Count == 0)
            return;
        try
        {
            await _store.AdvanceAsync(taken, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            foreach (var receipt in taken)
                Advance(receipt.Target, receipt.Position);
            LogAdvanceFailed(_log, taken.Count, e.Message);
        }
    }

    [LoggerMessage(EventId = 8117, EventName = "inbox_advance_failed", Level = LogLevel.Debug,
        Message = "Moving {count} inbox cursors failed ({reason}); retried on the next tick")]
    private static partial void LogAdvanceFailed(ILogger logger, int count, string reason);
}
