namespace ActorExec.Actors;

/// <summary>Holds messages an actor cannot handle yet, to replay them later in their original order.</summary>
public interface IStash
{
    /// <summary>Number of stashed messages.</summary>
    int Count { get; }

    /// <summary>Stashes the message being processed, with its sender.</summary>
    /// <exception cref="IllegalActorStateException">The same message was already stashed.</exception>
    void Stash();

    /// <summary>Puts the oldest stashed message back in front of the mailbox.</summary>
    void Unstash();

    /// <summary>Puts every stashed message back in front of the mailbox, oldest first.</summary>
    void UnstashAll();

    /// <summary>Puts back the stashed messages that match, oldest first; the others become dead letters.</summary>
    void UnstashAll(Func<Envelope, bool> predicate);

    /// <summary>Empties the stash and returns what it held.</summary>
    IReadOnlyList<Envelope> ClearStash();
}

/// <summary>Implemented by actors that stash; the kernel sets <see cref="Stash"/> before PreStart.</summary>
/// <remarks>The stash survives Become and restarts (stashed messages are put back on restart); on stop they become dead letters.</remarks>
public interface IWithStash
{
    /// <summary>This actor's stash.</summary>
    IStash Stash { get; set; }
}
