using ActorExec.Actors.Persistence;

namespace ActorExec.Actors;

/// <summary>An immutable recipe for creating an actor: how to construct it and how its mailbox behaves.</summary>
public sealed record Props
{
    private Props(Func<ActorBase> factory, Type actorType)
    {
        Factory = factory;
        ActorType = actorType;
    }

    /// <summary>Creates a new actor instance; called on the first start and on every restart.</summary>
    public Func<ActorBase> Factory { get; }

    /// <summary>The class of the actor, for diagnostics.</summary>
    public Type ActorType { get; }

    /// <summary>Maximum number of user messages queued before new ones become dead letters; 0 means unbounded.</summary>
    public int MailboxCapacity { get; init; }

    /// <summary>Messages processed per turn on a thread before yielding it; null uses the system default.</summary>
    public int? Throughput { get; init; }

    /// <summary>Overrides the strategy this actor uses to supervise its children.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; init; }

    /// <summary>
    /// The fence the journal checks on every write of this actor and of its descendants (unless one of
    /// them sets its own); null inherits the parent's.
    /// </summary>
    public WriteFence? WriteFence { get; init; }

    /// <summary>Props for an actor with a parameterless constructor.</summary>
    public static Props Create<TActor>() where TActor : ActorBase, new() => new(static () => new TActor(), typeof(TActor));

    /// <summary>Props for an actor built by <paramref name="factory"/>; it must return a new instance on every call.</summary>
    public static Props Create<TActor>(Func<TActor> factory) where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(factory, typeof(TActor));
    }

    /// <summary>Returns a copy whose mailbox holds at most <paramref name="capacity"/> user messages.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is not positive.</exception>
    public Props WithBoundedMailbox(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        return this with { MailboxCapacity = capacity };
    }

    /// <summary>Returns a copy that processes at most <paramref name="throughput"/> messages per turn.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The throughput is not positive.</exception>
    public Props WithThroughput(int throughput)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(throughput);
        return this with { Throughput = throughput };
    }

    /// <summary>Returns a copy whose actor supervises its children with <paramref name="strategy"/>.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return this with { SupervisorStrategy = strategy };
    }

    /// <summary>Returns a copy whose journal writes (and its descendants') are checked against <paramref name="fence"/>.</summary>
    public Props WithWriteFence(WriteFence fence)
    {
        ArgumentNullException.ThrowIfNull(fence);
        return this with { WriteFence = fence };
    }

    /// <inheritdoc />
    public override string ToString() => $"Props({ActorType.Name})";
}
