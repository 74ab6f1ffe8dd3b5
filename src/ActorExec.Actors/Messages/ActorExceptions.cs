namespace ActorExec.Actors;

/// <summary>Thrown by an actor that received <see cref="Kill"/>.</summary>
public sealed class ActorKilledException(string message) : Exception(message);

/// <summary>Thrown when an actor does not handle the <see cref="Terminated"/> of an actor it watches.</summary>
public sealed class DeathPactException(IActorRef deadActor)
    : Exception($"Actor {deadActor.Path} terminated and the watcher did not handle Terminated")
{
    /// <summary>The watched actor that stopped.</summary>
    public IActorRef DeadActor { get; } = deadActor;
}

/// <summary>Thrown when constructing an actor, its <c>PreStart</c> or its <c>PostRestart</c> fails.</summary>
public sealed class ActorInitializationException(ActorPath path, string message, Exception? inner)
    : Exception($"{path}: {message}", inner)
{
    /// <summary>The path of the actor that could not be initialised.</summary>
    public ActorPath ActorPath { get; } = path;
}

/// <summary>Thrown when an actor name is empty, malformed or already taken by a live sibling.</summary>
public sealed class InvalidActorNameException(string message) : ArgumentException(message);

/// <summary>Thrown when an actor selection resolves to no live actor.</summary>
public sealed class ActorNotFoundException(string path) : Exception($"No live actor at {path}")
{
    /// <summary>The path that was looked up.</summary>
    public string LookupPath { get; } = path;
}

/// <summary>Thrown when an Ask gets no reply in time, or its recipient is already stopped.</summary>
public sealed class AskTimeoutException(string message) : TimeoutException(message);

/// <summary>Thrown when an actor is used in a way its state forbids (e.g. stashing the same message twice).</summary>
public sealed class IllegalActorStateException(string message) : InvalidOperationException(message);
