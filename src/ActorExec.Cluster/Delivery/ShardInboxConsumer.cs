using ActorExec.Cluster.Internal;
using ActorExec.Actors;
using ActorExec.Actors.Persistence;
using System.Threading.Channels;
using ActorExec.Cluster.Runtime;
using Microsoft.Extensions.Logging;

namespace ActorExec.Cluster.Delivery;

/// <summary>
/// Consumes one owned shard's inbox (fed by the node's <see cref="ShardInboxReader"/>), in position order,
/// one message at a time: each is delivered as a <see cref="ReceiptedMessage"/>, so the first journal write
/// it causes also moves the cursor (in the same transaction: exactly-once effect). The next message is
/// delivered only once the previous one is settled, so the cursor never passes a message that has not taken
/// effect. Messages that wrote nothing move the cursor in bulk afterwards (<see cref="CursorAdvancer"/>; a
/// crash before that delivers them again; they wrote nothing).
/// </summary>
internal sealed partial class ShardInboxConsumer
{
    private readonly ClusterTransport _transport;
    private readonly InboxTarget _target;
    private readonly Func<string, object, object> _wrap;
    private readonly IActorRef _host;
    private readonly ShardInboxReader _reader;
    private readonly CursorAdvancer _advancer;
    private readonly ClusterRuntimeOptions _options;
    private readonly ILogger _log;

    public ShardInboxConsumer(ClusterTransport transport, int shardId, Func<string, object, object> wrap, IActorRef host,
        ShardInboxReader reader, CursorAdvancer advancer, ClusterRuntimeOptions options, ILogger log)
    {
        _transport = transport;
        _target = InboxTarget.Shard(shardId);
        _wrap = wrap;
        _host = host;
        _reader = reader;
        _advancer = advancer;
        _options = options;
        _log = log;
    }

    /// <summary>Runs until cancelled; returns once no delivery is outstanding.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        ChannelReader<InboxEntry>? feed = null;
        var failures = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    if (feed is null)
                    {
                        var cursor = await _transport.Store.ReadCursorAsync(_target, cancellationToken).ConfigureAwait(false);
                        feed = _reader.Register(_target, cursor);
                        if (failures > 0)
                            LogConsumerRecovered(_log, _target.Value, failures);
                        failures = 0;
                    }
                    var entry = await feed.ReadAsync(cancellationToken).ConfigureAwait(false);
                    // Messages that wrote nothing move the cursor in bulk, node-wide; the others moved it with their write.
                    if (await DeliverAsync(entry, cancellationToken).ConfigureAwait(false) == ReceiptOutcome.NoWrite)
                        _advancer.Advance(_target, entry.Position);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    // The database is away (or the feed was replaced): start again from the stored cursor.
                    if (failures++ == 0 && e is not ChannelClosedException)
                        LogConsumerFailed(_log, _target.Value, e.Message);
                    if (feed is not null)
                        _reader.Unregister(_target, feed);
                    feed = null;
                    if (!await Backoff.PauseAsync(failures, cancellationToken).ConfigureAwait(false))
                        return;
                }
            }
        }
        finally
        {
            if (feed is not null)
                _reader.Unregister(_target, feed);
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
        for (var attempt = 1; ; attempt++)
        {
            var receipted = new ReceiptedMessage(message, new InboxReceipt(_target, entry.Position));
            _host.Tell(_wrap(entry.Message.Recipient, receipted), sender);
            ReceiptOutcome outcome;
            try
            {
                outcome = await receipted.Settled.WaitAsync(_options.SettleTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Not handled in time (the entity stopped with it in its mailbox?): deliver it again. Entities
                // recognise a command they already applied by its idempotency key.
                LogSettleTimedOut(_log, _target.Value, entry.Position, message.GetType().Name, _options.SettleTimeout.TotalSeconds);
                continue;
            }
            if (outcome != ReceiptOutcome.Failed)
                return outcome;
            LogDeliveryFailed(_log, _target.Value, entry.Position, message.GetType().Name);
            // A message whose handling keeps failing (a bug, a journal away) is retried ever more slowly, up to the settle timeout.
            var pause = _options.RedeliveryDelay * attempt;
            await Task.Delay(pause < _options.SettleTimeout ? pause : _options.SettleTimeout, cancellationToken).ConfigureAwait(false);
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
