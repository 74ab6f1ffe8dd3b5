namespace ActorExec.Actors.Internal;

/// <summary>
/// Actor state that most actors never need (children, watchers, stash, timers...). Created on
/// first use so an idle actor stays small; all members except <see cref="Children"/> belong to the
/// actor's own turn.
/// </summary>
internal sealed partial class CellExtras
{
    /// <summary>Live children by name; locked on itself because guardians create children from any thread.</summary>
    public Dictionary<string, ActorCell>? Children;
    public int NameCounter;

    /// <summary>Children this cell has asked to stop and is waiting for (restart waits on these).</summary>
    public HashSet<ActorCell>? Stopping;
    public Dictionary<ActorCell, ChildRestartStats>? RestartStats;
    public SupervisorStrategy? SupervisorStrategy;

    public HashSet<IInternalActorRef>? Watching;
    public HashSet<IInternalActorRef>? WatchedBy;
    public HashSet<IActorRef>? TerminatedQueued;

    /// <summary>The behaviour set by Become; null means the actor's own Receive.</summary>
    public Receive? Behavior;
    public Stack<Receive>? BehaviorStack;
    public EnvelopeDeque? Front;
    public ActorStash? Stash;
    public TimerScheduler? Timers;
    public ReceiveTimeoutState? ReceiveTimeout;

    public object? FailedMessage;
    public Exception? RestartCause;

    public ActorSynchronizationContext? SynchronizationContext;
    public Task? AwaitedTask;
    public object? AwaitedMessage;
    public IActorRef? AwaitedSender;
}
