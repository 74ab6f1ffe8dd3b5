using ActorExec.Cluster.Internal;
using ActorExec.Actors;
using ActorExec.Cluster.Runtime;
using Microsoft.Extensions.Logging;

namespace ActorExec.Cluster.Delivery;

/// <summary>
/// Consumes this node incarnation's inbox: replies (and any message) addressed to local actors by the ids
/// <see cref="ReplyAddresses"/> handed out. A recipient that is gone (an Ask that timed out) gets nothing;
/// the message is logged at debug level.
/// </summary>
internal sealed partial class NodeInboxConsumer(ClusterTransport transport, Wakeup wakeup, ClusterRuntimeOptions options, ILogger log)
{
    private const int BatchSize = 512;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var target = transport.OwnInbox;
        long consumed = -1;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (consumed < 0)
                    consumed = await transport.Store.ReadCursorAsync(target, cancellationToken).ConfigureAwait(false);
                var entries = await transport.Store.ReadAsync(target, consumed, BatchSize, cancellationToken).ConfigureAwait(false);
                foreach (var entry in entries)
                    Deliver(entry);
                if (entries.Count > 0)
                {
                    consumed = entries[^1].Position;
                    await transport.Store.AdvanceAsync(target, consumed, cancellationToken).ConfigureAwait(false);
                }
                failures = 0;
                if (entries.Count < BatchSize)
                    await wakeup.WaitAsync(options.InboxPollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                if (failures++ == 0)
                    LogConsumerFailed(log, target.Value, e.Message);
                consumed = -1;
                if (!await Backoff.PauseAsync(failures, cancellationToken).ConfigureAwait(false))
                    return;
            }
        }
    }

    private void Deliver(InboxEntry entry)
    {
        object message;
        try
        {
            message = transport.Codec.Decode(entry.Message.Manifest, entry.Message.Payload);
        }
        catch (Exception e)
        {
            LogUndecodable(log, entry.Target.Value, entry.Position, entry.Message.Manifest, entry.SenderNode, e.Message);
            return;
        }
        if (message is RemoteFailure failure)
            message = new Status.Failure(new RemoteFailureException(failure.ExceptionType, failure.Message));
        var recipient = long.TryParse(entry.Message.Recipient, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? transport.Addresses.Resolve(id)
            : null;
        if (recipient is null)
        {
            LogRecipientGone(log, entry.Message.Manifest, entry.Message.Recipient, entry.SenderNode);
            return;
        }
        recipient.Tell(message, transport.SenderOf(entry.Message));
    }

    [LoggerMessage(EventId = 8120, EventName = "node_inbox_failed", Level = LogLevel.Warning,
        Message = "Inbox {target}: reading failed ({reason}); retrying")]
    private static partial void LogConsumerFailed(ILogger logger, string target, string reason);

    [LoggerMessage(EventId = 8121, EventName = "node_inbox_undecodable", Level = LogLevel.Error,
        Message = "Inbox {target} position {position}: manifest {manifest} from node {sender_node} cannot be read ({reason}); skipped")]
    private static partial void LogUndecodable(ILogger logger, string target, long position, string manifest, string sender_node, string reason);

    [LoggerMessage(EventId = 8122, EventName = "reply_recipient_gone", Level = LogLevel.Debug,
        Message = "A {manifest} from node {sender_node} is for local actor {recipient}, which is gone")]
    private static partial void LogRecipientGone(ILogger logger, string manifest, string recipient, string sender_node);
}
