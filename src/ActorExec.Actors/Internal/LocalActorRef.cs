namespace ActorExec.Actors.Internal;

/// <summary>The reference to an actor of this process; one per incarnation, so identity is equality.</summary>
internal sealed class LocalActorRef(ActorCell cell, ActorPath path) : IInternalActorRef
{
    public ActorCell Cell { get; } = cell;

    public ActorPath Path { get; } = path;

    public bool IsTerminated => Cell.IsTerminated;

    public void Tell(object message, IActorRef? sender) => Cell.Post(message, sender);

    public void SendSystemMessage(SystemMessage message) => Cell.SendSystemMessage(message);

    public override string ToString() => $"[{Path}]";
}
