namespace ActorExec.Actors;

/// <summary>Marks messages the kernel handles itself before the actor's behaviour sees them.</summary>
public abstract class AutoReceivedMessage
{
    private protected AutoReceivedMessage() { }
}

/// <summary>Stops the actor when it is processed, after the messages queued before it.</summary>
public sealed class PoisonPill : AutoReceivedMessage
{
    /// <summary>The single instance.</summary>
    public static readonly PoisonPill Instance = new();
    private PoisonPill() { }
    /// <inheritdoc />
    public override string ToString() => "PoisonPill";
}

/// <summary>Makes the actor throw <see cref="ActorKilledException"/>, so its supervisor decides (Stop by default).</summary>
public sealed class Kill : AutoReceivedMessage
{
    /// <summary>The single instance.</summary>
    public static readonly Kill Instance = new();
    private Kill() { }
    /// <inheritdoc />
    public override string ToString() => "Kill";
}

/// <summary>Delivered to a watcher when a watched actor has stopped.</summary>
/// <param name="ActorRef">The actor that stopped.</param>
/// <param name="ExistenceConfirmed">False when the actor was already gone (or never existed) when it was watched.</param>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed);

/// <summary>Delivered when no message arrived within the duration set by <c>SetReceiveTimeout</c>.</summary>
public sealed class ReceiveTimeout
{
    /// <summary>The single instance.</summary>
    public static readonly ReceiveTimeout Instance = new();
    private ReceiveTimeout() { }
    /// <inheritdoc />
    public override string ToString() => "ReceiveTimeout";
}

/// <summary>Messages that implement this do not reset the receive timeout.</summary>
public interface INotInfluenceReceiveTimeout;

/// <summary>Published on the event stream when a message could not be delivered.</summary>
/// <param name="Message">The message that was not delivered.</param>
/// <param name="Sender">Who sent it, if known.</param>
/// <param name="Recipient">The stopped, unknown or overloaded recipient.</param>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient);

/// <summary>Published on the event stream when an actor's behaviour did not handle a message.</summary>
/// <param name="Message">The message nobody handled.</param>
/// <param name="Sender">Who sent it, if known.</param>
/// <param name="Recipient">The actor that did not handle it.</param>
public sealed record UnhandledMessage(object Message, IActorRef? Sender, IActorRef Recipient);

/// <summary>Replies that report the outcome of an operation without a result of their own.</summary>
public static class Status
{
    /// <summary>The operation succeeded.</summary>
    public sealed record Success(object? Value);

    /// <summary>The operation failed; an <c>Ask</c> waiting for this reply fails with <see cref="Cause"/>.</summary>
    public sealed record Failure(Exception Cause);
}
