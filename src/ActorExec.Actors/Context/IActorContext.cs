using Microsoft.Extensions.Logging;

namespace ActorExec.Actors;

/// <summary>A message handler: returns true when it handled the message.</summary>
public delegate bool Receive(object message);

/// <summary>What an actor can see and do about itself while it processes a message.</summary>
/// <remarks>Only valid on the actor's own turn; never hand it to another thread.</remarks>
public interface IActorContext
{
    /// <summary>This actor's reference.</summary>
    IActorRef Self { get; }

    /// <summary>The sender of the message being processed (dead letters when there is none).</summary>
    IActorRef Sender { get; }

    /// <summary>The supervising parent.</summary>
    IActorRef Parent { get; }

    /// <summary>The live children.</summary>
    IReadOnlyCollection<IActorRef> Children { get; }

    /// <summary>The system this actor belongs to.</summary>
    ActorSystem System { get; }

    /// <summary>The props this actor was created with.</summary>
    Props Props { get; }

    /// <summary>A logger named after the actor's class.</summary>
    ILogger Logger { get; }

    /// <summary>The live child with this name, or null.</summary>
    IActorRef? Child(string name);

    /// <summary>Creates and starts a child actor.</summary>
    /// <exception cref="InvalidActorNameException">The name is malformed or taken by a live child.</exception>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Stops this actor or one of its children, asynchronously.</summary>
    void Stop(IActorRef actor);

    /// <summary>Asks for a <see cref="Terminated"/> message when <paramref name="actor"/> stops (at once if it already has).</summary>
    IActorRef Watch(IActorRef actor);

    /// <summary>Cancels a watch; a Terminated already queued for that actor is dropped.</summary>
    IActorRef Unwatch(IActorRef actor);

    /// <summary>Replaces the current behaviour.</summary>
    void Become(Receive receive);

    /// <summary>Pushes a behaviour, keeping the current one beneath it.</summary>
    void BecomeStacked(Receive receive);

    /// <summary>Pops the behaviour pushed last, returning to the one beneath it.</summary>
    void UnbecomeStacked();

    /// <summary>Delivers <see cref="Actors.ReceiveTimeout"/> after this long without a message; null turns it off.</summary>
    void SetReceiveTimeout(TimeSpan? timeout);

    /// <summary>The current receive timeout, if any.</summary>
    TimeSpan? ReceiveTimeout { get; }

    /// <summary>Selects actors by path: absolute (<c>/user/a</c>) or relative to this actor (<c>child</c>, <c>../sibling</c>).</summary>
    ActorSelection ActorSelection(string path);
}
