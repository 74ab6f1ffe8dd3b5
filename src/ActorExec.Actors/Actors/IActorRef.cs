using ActorExec.Actors.Internal;

namespace ActorExec.Actors;

/// <summary>An immutable, thread-safe handle to an actor; the only way to talk to it.</summary>
public interface IActorRef
{
    /// <summary>Where the actor lives in its system.</summary>
    ActorPath Path { get; }

    /// <summary>Sends a message without waiting (at most once, ordered per sender).</summary>
    /// <param name="message">The message; never null.</param>
    /// <param name="sender">Who replies should go to; null for none.</param>
    void Tell(object message, IActorRef? sender);
}

/// <summary>Well-known references.</summary>
public static class ActorRefs
{
    /// <summary>Use as the sender when there is none; replies then become dead letters.</summary>
    public static readonly IActorRef? NoSender = null;
}

/// <summary>Conveniences over <see cref="IActorRef"/> that an Akka.NET user expects.</summary>
public static class ActorRefExtensions
{
    /// <summary>
    /// Sends with the implicit sender: the current actor inside an actor, otherwise the ambient
    /// sender set by the test kit, otherwise none.
    /// </summary>
    public static void Tell(this IActorRef receiver, object message)
        => receiver.Tell(message, ActorCell.Current?.Self ?? ImplicitSender.Current);

    /// <summary>Sends keeping the original sender of the message being processed; only valid inside an actor.</summary>
    /// <exception cref="InvalidOperationException">Called outside an actor's turn.</exception>
    public static void Forward(this IActorRef receiver, object message)
    {
        var cell = ActorCell.Current
            ?? throw new InvalidOperationException("Forward can only be called while an actor is processing a message");
        receiver.Tell(message, cell.CurrentSender);
    }
}
