using ActorExec.Actors.Internal;

namespace ActorExec.Actors;

/// <summary>Decides what happens to a child that threw; applied by its parent.</summary>
public abstract class SupervisorStrategy
{
    /// <summary>Restart on any exception, without limit; stop on initialisation failure, Kill and death pact.</summary>
    public static readonly SupervisorStrategy Default = new OneForOneStrategy(DefaultDecider);

    /// <summary>Stop the child whatever went wrong.</summary>
    public static readonly SupervisorStrategy StoppingStrategy = new OneForOneStrategy(static _ => Directive.Stop);

    /// <summary>Creates a strategy.</summary>
    /// <param name="decider">Maps an exception to a directive.</param>
    /// <param name="maxNrOfRetries">Restarts allowed within the window before the child is stopped; null for unlimited.</param>
    /// <param name="withinTimeRange">The window for <paramref name="maxNrOfRetries"/>; null for the child's whole life.</param>
    protected SupervisorStrategy(Func<Exception, Directive> decider, int? maxNrOfRetries, TimeSpan? withinTimeRange)
    {
        ArgumentNullException.ThrowIfNull(decider);
        if (maxNrOfRetries < 0)
            throw new ArgumentOutOfRangeException(nameof(maxNrOfRetries), maxNrOfRetries, "Use null for unlimited retries");
        if (withinTimeRange <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(withinTimeRange), withinTimeRange, "The window must be positive, or null");
        Decider = decider;
        MaxNrOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
    }

    /// <summary>Maps an exception to a directive.</summary>
    public Func<Exception, Directive> Decider { get; }

    /// <summary>Restarts allowed within <see cref="WithinTimeRange"/>; null for unlimited.</summary>
    public int? MaxNrOfRetries { get; }

    /// <summary>The window for <see cref="MaxNrOfRetries"/>; null for the child's whole life.</summary>
    public TimeSpan? WithinTimeRange { get; }

    /// <summary>The directive Akka.NET users expect by default.</summary>
    public static Directive DefaultDecider(Exception exception) => exception switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>Applies the directive for <paramref name="cause"/>; returns false to escalate.</summary>
    internal bool HandleFailure(ActorCell parent, ActorCell child, Exception cause)
    {
        var directive = Decider(cause);
        parent.System.Log.ChildFailed(child.SelfRef.Path, directive, cause);
        switch (directive)
        {
            case Directive.Resume:
                child.SendSystemMessage(new Resume());
                return true;
            case Directive.Restart:
                ProcessRestart(parent, child, cause);
                return true;
            case Directive.Stop:
                ProcessStop(parent, child);
                return true;
            default:
                return false;
        }
    }

    private protected abstract void ProcessRestart(ActorCell parent, ActorCell child, Exception cause);

    private protected abstract void ProcessStop(ActorCell parent, ActorCell child);

    private protected bool MayRestart(ActorCell parent, ActorCell child)
        => parent.RestartStatsFor(child).RequestRestartPermission(MaxNrOfRetries, WithinTimeRange, parent.System.TimeProvider);
}

/// <summary>Applies each decision to the failing child only.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    /// <summary>A strategy with unlimited restarts.</summary>
    public OneForOneStrategy(Func<Exception, Directive> decider) : base(decider, null, null) { }

    /// <summary>A strategy that stops the child after <paramref name="maxNrOfRetries"/> restarts within <paramref name="withinTimeRange"/>.</summary>
    public OneForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider)
        : base(decider, maxNrOfRetries, withinTimeRange) { }

    private protected override void ProcessRestart(ActorCell parent, ActorCell child, Exception cause)
    {
        if (MayRestart(parent, child))
            child.SendSystemMessage(new Recreate(cause));
        else
            parent.StopChild(child);
    }

    private protected override void ProcessStop(ActorCell parent, ActorCell child) => parent.StopChild(child);
}

/// <summary>Applies Restart and Stop to all children when one fails (Resume only to the failing one).</summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    /// <summary>A strategy with unlimited restarts.</summary>
    public AllForOneStrategy(Func<Exception, Directive> decider) : base(decider, null, null) { }

    /// <summary>A strategy that stops all children once any exceeds <paramref name="maxNrOfRetries"/> within <paramref name="withinTimeRange"/>.</summary>
    public AllForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider)
        : base(decider, maxNrOfRetries, withinTimeRange) { }

    private protected override void ProcessRestart(ActorCell parent, ActorCell child, Exception cause)
    {
        var children = parent.ChildCells();
        var permitted = true;
        foreach (var sibling in children)
            permitted &= MayRestart(parent, sibling);
        foreach (var sibling in children)
        {
            if (permitted)
                sibling.SendSystemMessage(new Recreate(cause));
            else
                parent.StopChild(sibling);
        }
    }

    private protected override void ProcessStop(ActorCell parent, ActorCell child)
    {
        foreach (var sibling in parent.ChildCells())
            parent.StopChild(sibling);
    }
}
