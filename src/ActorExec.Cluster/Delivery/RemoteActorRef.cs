using ActorExec.Actors;

namespace ActorExec.Cluster.Delivery;

/// <summary>
/// An actor on another node, as a sender seen here: a <see cref="IActorRef.Tell"/> appends the message to
/// that node's inbox. Two references to one address are equal.
/// </summary>
public sealed class RemoteActorRef : IActorRef, IEquatable<RemoteActorRef>
{
    private readonly ClusterTransport _transport;

    internal RemoteActorRef(ReplyAddress address, ClusterTransport transport)
    {
        Address = address;
        _transport = transport;
        Path = ActorPath.Root.Child("remote").Child($"node-{address.Incarnation}").Child(address.ActorId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Where the actor lives.</summary>
    public ReplyAddress Address { get; }

    /// <inheritdoc />
    public ActorPath Path { get; }

    /// <inheritdoc />
    public void Tell(object message, IActorRef? sender) => _transport.SendToActor(Address, message, sender);

    /// <inheritdoc />
    public bool Equals(RemoteActorRef? other) => other is not null && other.Address == Address;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RemoteActorRef other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Address.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => $"[{Address}]";
}
