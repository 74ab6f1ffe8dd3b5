namespace ActorExec.Cluster.Delivery;

/// <summary>A message as stored in an inbox: serialized under a stable manifest, with where a reply should go.</summary>
/// <param name="Manifest">The serializer's stable name of the message type.</param>
/// <param name="Payload">The serialized message.</param>
/// <param name="Recipient">Which entity of the target it is for (e.g. the market id); empty when the target itself is meant.</param>
/// <param name="ReplyTo">Where replies go (<c>node:42/user/strategy</c>), or null when no reply is wanted.</param>
public sealed record InboxMessage(string Manifest, string Payload, string Recipient, string? ReplyTo);

/// <summary>A stored inbox message with its position: positions of one target are gapless, from 1, in commit order.</summary>
public sealed record InboxEntry(InboxTarget Target, long Position, InboxMessage Message, string SenderNode, DateTimeOffset EnqueuedAt);
