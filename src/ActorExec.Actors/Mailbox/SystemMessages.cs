namespace ActorExec.Actors.Internal;

/// <summary>
/// A lifecycle message that overtakes user messages. Each instance is linked into exactly one
/// mailbox's system list, so instances are never shared or reused.
/// </summary>
internal abstract class SystemMessage
{
    public SystemMessage? Next;
}

/// <summary>Stop the actor: children first, then PostStop, then watchers and parent are told.</summary>
internal sealed class Terminate : SystemMessage;

/// <summary>The supervisor decided Resume for a failure of this actor (or of an ancestor).</summary>
internal sealed class Resume : SystemMessage;

/// <summary>The supervisor decided Restart: replace the actor instance, keep mailbox and ref.</summary>
internal sealed class Recreate(Exception cause, Envelope? redeliver = null) : SystemMessage
{
    public Exception Cause { get; } = cause;

    /// <summary>A message the new instance handles first (ahead of stashed and queued ones), or none.</summary>
    public Envelope? Redeliver { get; } = redeliver;
}

/// <summary>A child reports that it failed and is suspended until its parent decides.</summary>
internal sealed class Failed(ActorCell child, Exception cause) : SystemMessage
{
    public ActorCell Child { get; } = child;
    public Exception Cause { get; } = cause;
}

/// <summary>A child finished terminating; its name may be reused.</summary>
internal sealed class ChildTerminated(ActorCell child) : SystemMessage
{
    public ActorCell Child { get; } = child;
}

/// <summary>The watcher wants a Terminated message when the watchee stops.</summary>
internal sealed class Watch(IInternalActorRef watchee, IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watchee { get; } = watchee;
    public IInternalActorRef Watcher { get; } = watcher;
}

/// <summary>The watcher no longer wants to hear about the watchee.</summary>
internal sealed class Unwatch(IInternalActorRef watchee, IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watchee { get; } = watchee;
    public IInternalActorRef Watcher { get; } = watcher;
}

/// <summary>Tells a watcher that a watched actor has terminated.</summary>
internal sealed class DeathWatchNotification(IActorRef actor, bool existenceConfirmed) : SystemMessage
{
    public IActorRef Actor { get; } = actor;
    public bool ExistenceConfirmed { get; } = existenceConfirmed;
}

/// <summary>Runs an async handler's continuation inside the actor, as if it were a message.</summary>
internal sealed class RunContinuation(SendOrPostCallback callback, object? state) : SystemMessage
{
    public SendOrPostCallback Callback { get; } = callback;
    public object? State { get; } = state;
}

/// <summary>The task returned by an async handler completed; user messages may flow again.</summary>
internal sealed class AsyncHandlerCompleted(Task task) : SystemMessage
{
    public Task Task { get; } = task;
}
