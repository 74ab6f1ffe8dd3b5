using System.Text.Json;
using ActorExec.Actors;
using ActorExec.Actors.Persistence;
using ActorExec.Actors.Persistence.Serialization;
using Microsoft.Extensions.Logging;

namespace ActorExec.Cluster.Delivery;

/// <summary>
/// A node's side of cross-node delivery: encodes messages, appends them (batched) to shard and node
/// inboxes, and turns reply addresses back into actor references.
/// </summary>
public sealed partial class ClusterTransport : IAsyncDisposable
{
    private readonly InboxOutbox _outbox;
    private readonly ILogger _log;

    /// <summary>A transport for the node incarnation <paramref name="incarnation"/> named <paramref name="nodeId"/>.</summary>
    /// <param name="store">The cluster's inboxes.</param>
    /// <param name="registry">Manifests of every message type that may cross nodes.</param>
    /// <param name="options">JSON options for those types (converters for ids, prices, …).</param>
    /// <param name="nodeId">This node's id (recorded as the sender of what it appends).</param>
    /// <param name="incarnation">This node's incarnation (its inbox).</param>
    /// <param name="log">Where delivery problems are logged.</param>
    public ClusterTransport(InboxStore store, EventTypeRegistry registry, JsonSerializerOptions options, string nodeId, long incarnation, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        Store = store;
        _log = log;
        Addresses = new ReplyAddresses(incarnation);
        Codec = new ClusterCodec(registry, options, this);
        _outbox = new InboxOutbox(store, nodeId, log);
    }

    /// <summary>The inboxes.</summary>
    public InboxStore Store { get; }

    /// <summary>The addresses handed out to local actors.</summary>
    public ReplyAddresses Addresses { get; }

    /// <summary>This node's inbox.</summary>
    public InboxTarget OwnInbox => InboxTarget.Node(Addresses.Incarnation);

    /// <summary>How messages are encoded.</summary>
    public ClusterCodec Codec { get; }

    /// <summary>Messages queued and not yet appended.</summary>
    public long PendingAppends => _outbox.Pending;

    /// <summary>Appends a message for entity <paramref name="entityKey"/> to shard <paramref name="shardId"/>'s inbox; replies go to <paramref name="sender"/>.</summary>
    /// <returns>False (logged) when the message cannot be encoded.</returns>
    public bool SendToShard(int shardId, string entityKey, object message, IActorRef? sender)
        => Send(InboxTarget.Shard(shardId), entityKey, message, sender);

    internal void SendToActor(ReplyAddress to, object message, IActorRef? sender)
    {
        if (message is Status.Failure failure)
            message = new RemoteFailure(failure.Cause.GetType().Name, failure.Cause.Message);
        Send(to.Inbox, to.ActorId.ToString(System.Globalization.CultureInfo.InvariantCulture), message, sender);
    }

    /// <summary>The reply address of a sender: its own for a remote one, a new or known one for a local one.</summary>
    public ReplyAddress AddressOf(IActorRef actor)
        => actor is RemoteActorRef remote ? remote.Address : Addresses.AddressOf(actor);

    /// <summary>The actor behind an address: the local actor when it is ours (null when gone), otherwise a remote reference.</summary>
    public IActorRef? RefFor(ReplyAddress address)
        => address.Incarnation == Addresses.Incarnation ? Addresses.Resolve(address.ActorId) : new RemoteActorRef(address, this);

    /// <summary>The sender to use for a stored message's reply address (null when it wants no reply or is not an address).</summary>
    public IActorRef? SenderOf(InboxMessage message)
        => ReplyAddress.TryParse(message.ReplyTo, out var address) ? RefFor(address.Value) : null;

    /// <summary>Waits until every message queued so far is appended.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => _outbox.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _outbox.DisposeAsync();

    private bool Send(InboxTarget target, string recipient, object message, IActorRef? sender)
    {
        SerializedEvent encoded;
        try
        {
            encoded = Codec.Encode(message);
        }
        catch (Exception e) when (e is EventSerializationException or NotSupportedException or JsonException)
        {
            LogNotEncodable(_log, message.GetType().Name, target.Value, e.Message);
            return false;
        }
        var replyTo = sender is null ? null : AddressOf(sender).ToString();
        _outbox.Enqueue(target, new InboxMessage(encoded.Manifest, encoded.Payload, recipient, replyTo));
        return true;
    }

    [LoggerMessage(EventId = 8103, EventName = "message_not_encodable", Level = LogLevel.Error,
        Message = "A {message_type} for inbox {target} cannot be sent to another node: {reason}; it was dropped")]
    private static partial void LogNotEncodable(ILogger logger, string message_type, string target, string reason);
}
