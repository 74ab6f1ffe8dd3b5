namespace ActorExec.Actors.Internal;

/// <summary>A reference the kernel can also send lifecycle messages to.</summary>
internal interface IInternalActorRef : IActorRef
{
    /// <summary>True once the actor has stopped for good.</summary>
    bool IsTerminated { get; }

    /// <summary>Delivers a system message, overtaking user messages.</summary>
    void SendSystemMessage(SystemMessage message);
}
