using ActorExec.Actors;
using ActorExec.Actors.Persistence;
using ActorExec.Cluster.Runtime;
using Microsoft.Extensions.Logging;

namespace ActorExec.Cluster.Delivery;

/// <summary>
/// Consumes one owned shard's inbox, in position order, one message at a time: each is delivered as a
/// <see cref="ReceiptedMessage"/>, so the first journal write it causes also moves the cursor (in the same
/// transaction: exactly-once effect). The next message is delivered only once the previous one is settled,
/// so the cursor never passes a message that has not taken effect. Messages that wrote nothing move the
/// cursor in bulk afterwards (a crash before that delivers them again; they wrote nothing).
/// </summary>
internal sealed partial class ShardInboxConsumer
{
    private const int BatchSize = 256;
    private static readonly TimeSpan AdvanceInterval = TimeSpan.FromMilliseconds(200);
    private readonly ClusterTransport _transport;
    private readonly InboxTarget _target;
    private readonly Func<string, object, object> _wrap;
    private readonly IActorRef _host;
    private readonly Wakeup _wakeup;
    private readonly ClusterRuntimeOptions _options;
    private readonly ILogger _log;

    public ShardInboxConsumer(ClusterTransport transport, int shardId, Func<string, object, object> wrap, IActorRef host, Wakeup wakeup, ClusterRuntimeOptions options, ILogger log)
    {
        _transport = transport;
        _target = InboxTarget.Shard(shardId);
        _wrap = wrap;
        _host = host;
        _wakeup = wakeup;
        _options = options;
        _log = log;
    }

    /// <summary>Runs until cancelled; returns once no delivery is outstanding.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var store = _transport.Store;
        long consumed = -1, stored = -1;
        var failures = 0;
        var lastAdvance = System.Diagnostics.Stopwatch.StartNew();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (consumed < 0)
                    consumed = stored = await store.ReadCursorAsync(_target, cancellationToken).ConfigureAwait(false);
                var entries = await store.ReadAsync(_target, consumed, BatchSize, cancellationToken).ConfigureAwait(false);
                foreach (var entry in entries)
                {
                    var outcome = await DeliverAsync(entry, cancellationToken).ConfigureAwait(false);
                    if (outcome == ReceiptOutcome.Failed)
                        break;
                    consumed = entry.Position;
                    if (outcome == ReceiptOutcome.Stored)
                        stored = entry.Position;
                }
                // Messages that wrote nothing move the cursor in bulk: once the inbox is drained, or every
                // AdvanceInterval under sustained load (a crash before that delivers them again; they wrote nothing).
                if (consumed > stored && (entries.Count < BatchSize || lastAdvance.Elapsed >= AdvanceInterval))
                {
                    await store.AdvanceAsync(_target, consumed, cancellationToken).ConfigureAwait(false);
                    stored = consumed;
                    lastAdvance.Restart();
                }
                if (failures > 0)
                    LogConsumerRecovered(_log, _target.Value, failures);
                failures = 0;
                if (entries.Count < BatchSize)
                    await _wakeup.WaitAsync(_options.InboxPollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database is away or the read failed: start again from the stored cursor.
                if (failures++ == 0)
                    LogConsumerFailed(_log, _target.Value, e.Message);
                consumed = -1;
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 100 * failures)), cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<ReceiptOutcome> DeliverAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        object message;
        try
        {
            message = _transport.Codec.Decode(entry.Message.Manifest, entry.Message.Payload);
        }
        catch (Exception e)
        {
            // A message no build of this node can read would block the shard for ever: it is logged in full and skipped.
            LogUndecodable(_log, _target.Value, entry.Position, entry.Message.Manifest, entry.SenderNode, e.Message, entry.Message.Payload);
            return ReceiptOutcome.NoWrite;
        }
        var sender = _transport.SenderOf(entry.Message);
        while (true)
        {
            var receipted = new ReceiptedMessage(message, new InboxReceipt(_target, entry.Position));
            _host.Tell(_wrap(entry.Message.Recipient, receipted), sender);
            var settled = await Task.WhenAny(receipted.Settled, Task.Delay(_options.SettleTimeout, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (settled == receipted.Settled)
            {
                var outcome = await receipted.Settled.ConfigureAwait(false);
                if (outcome != ReceiptOutcome.Failed)
                    return outcome;
                LogDeliveryFailed(_log, _target.Value, entry.Position, message.GetType().Name);
                await Task.Delay(_options.RedeliveryDelay, cancellationToken).ConfigureAwait(false);
                continue;
            }
            // Not handled in time (the entity stopped with it in its mailbox?): deliver again. Entities
            // recognise a command they already applied by its idempotency key.
            LogSettleTimedOut(_log, _target.Value, entry.Position, message.GetType().Name, _options.SettleTimeout.TotalSeconds);
        }
    }

    [LoggerMessage(EventId = 8110, EventName = "inbox_consumer_failed", Level = LogLevel.Warning,
        Message = "Inbox {target}: reading failed ({reason}); retrying from the stored cursor")]
    private static partial void LogConsumerFailed(ILogger logger, string target, string reason);

    [LoggerMessage(EventId = 8111, EventName = "inbox_consumer_recovered", Level = LogLevel.Information,
        Message = "Inbox {target}: consuming again after {failures} failed attempts")]
    private static partial void LogConsumerRecovered(ILogger logger, string target, int failures);

    [LoggerMessage(EventId = 8112, EventName = "inbox_message_undecodable", Level = LogLevel.Error,
        Message = "Inbox {target} position {position}: manifest {manifest} from node {sender_node} cannot be read ({reason}); skipped. Payload: {payload}")]
    private static partial void LogUndecodable(ILogger logger, string target, long position, string manifest, string sender_node, string reason, string payload);

    [LoggerMessage(EventId = 8113, EventName = "inbox_delivery_failed", Level = LogLevel.Warning,
        Message = "Inbox {target} position {position}: the {message_type} took no effect (its write failed); delivering it again")]
    private static partial void LogDeliveryFailed(ILogger logger, string target, long position, string message_type);

    [LoggerMessage(EventId = 8114, EventName = "inbox_settle_timeout", Level = LogLevel.Warning,
        Message = "Inbox {target} position {position}: the {message_type} was not handled within {seconds} s; delivering it again")]
    private static partial void LogSettleTimedOut(ILogger logger, string target, long position, string message_type, double seconds);
}
