using ActorExec.Cluster.Internal;
using System.Collections.Concurrent;
using System.Threading.Channels;
using ActorExec.Cluster.Runtime;
using Microsoft.Extensions.Logging;

namespace ActorExec.Cluster.Delivery;

/// <summary>
/// Reads every shard inbox a node consumes with one query, however many shards it owns, and hands each
/// shard's messages, in order, to that shard's consumer. Woken by any shard NOTIFY, and polls as well.
/// One query per wake-up instead of one per shard keeps the database's work flat as shards grow.
/// </summary>
internal sealed partial class ShardInboxReader : IAsyncDisposable
{
    private const int BatchSize = 4096;
    private readonly InboxStore _store;
    private readonly Wakeup _wakeup;
    private readonly ClusterRuntimeOptions _options;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<InboxTarget, Feed> _feeds = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _running;

    public ShardInboxReader(InboxStore store, Wakeup wakeup, ClusterRuntimeOptions options, ILogger log)
    {
        _store = store;
        _wakeup = wakeup;
        _options = options;
        _log = log;
        _running = Task.Run(RunAsync);
    }

    /// <summary>Starts feeding <paramref name="target"/>'s messages after <paramref name="after"/>; replaces an earlier feed of it.</summary>
    public ChannelReader<InboxEntry> Register(InboxTarget target, long after)
    {
        var feed = new Feed(after);
        if (_feeds.TryGetValue(target, out var old))
            old.Channel.Writer.TryComplete();
        _feeds[target] = feed;
        _wakeup.Set();
        return feed.Channel.Reader;
    }

    /// <summary>Stops feeding <paramref name="target"/> (if <paramref name="reader"/> is still its feed).</summary>
    public void Unregister(InboxTarget target, ChannelReader<InboxEntry> reader)
    {
        if (_feeds.TryGetValue(target, out var feed) && feed.Channel.Reader == reader && _feeds.TryRemove(new KeyValuePair<InboxTarget, Feed>(target, feed)))
            feed.Channel.Writer.TryComplete();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _running.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var token = _stopping.Token;
        var failures = 0;
        while (!token.IsCancellationRequested)
        {
            try
            {
                var feeds = _feeds.ToArray();
                var entries = feeds.Length == 0
                    ? []
                    : await _store.ReadManyAsync(feeds.ToDictionary(f => f.Key, f => f.Value.ReadUpTo), BatchSize, token).ConfigureAwait(false);
                var byTarget = feeds.ToDictionary(f => f.Key, f => f.Value);
                foreach (var entry in entries)
                {
                    var feed = byTarget[entry.Target];
                    if (entry.Position <= feed.ReadUpTo)
                        continue;
                    feed.ReadUpTo = entry.Position;
                    feed.Channel.Writer.TryWrite(entry);
                }
                if (failures > 0)
                    LogReaderRecovered(_log, failures);
                failures = 0;
                if (entries.Count < BatchSize)
                    await _wakeup.WaitAsync(_options.InboxPollInterval, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                if (failures++ == 0)
                    LogReaderFailed(_log, e.Message);
                if (!await Backoff.PauseAsync(failures, token).ConfigureAwait(false))
                    return;
            }
        }
    }

    private sealed class Feed(long after)
    {
        public long ReadUpTo { get; set; } = after;

        public Channel<InboxEntry> Channel { get; } = System.Threading.Channels.Channel.CreateUnbounded<InboxEntry>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    }

    [LoggerMessage(EventId = 8115, EventName = "inbox_reader_failed", Level = LogLevel.Warning,
        Message = "Reading the shard inboxes failed ({reason}); retrying")]
    private static partial void LogReaderFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 8116, EventName = "inbox_reader_recovered", Level = LogLevel.Information,
        Message = "Reading the shard inboxes again after {failures} failed attempts")]
    private static partial void LogReaderRecovered(ILogger logger, int failures);
}
