using ActorExec.Actors.Internal;

namespace ActorExec.Actors;

/// <summary>
/// The base of every actor. State lives in fields; the kernel guarantees that only one message is
/// processed at a time, so no locks are needed.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;

    /// <summary>Binds the instance to the cell that is creating it.</summary>
    /// <exception cref="InvalidOperationException">The actor was created with <c>new</c> instead of <c>ActorOf</c>.</exception>
    protected ActorBase()
    {
        _cell = ActorCell.ClaimConstructing()
            ?? throw new InvalidOperationException(
                $"{GetType().Name} must be created by ActorOf(Props), not with 'new'");
    }

    internal ActorCell Cell => _cell;

    /// <summary>This actor's context; valid only during its own turn.</summary>
    protected IActorContext Context => _cell;

    /// <summary>This actor's reference.</summary>
    protected IActorRef Self => _cell.Self;

    /// <summary>The sender of the message being processed (dead letters when there is none).</summary>
    protected IActorRef Sender => _cell.Sender;

    /// <summary>Handles a message; returns false when it was not handled.</summary>
    protected abstract bool Receive(object message);

    /// <summary>
    /// Called for messages the behaviour did not handle: publishes <see cref="UnhandledMessage"/>,
    /// and for an unhandled <see cref="Terminated"/> throws <see cref="DeathPactException"/>.
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
            throw new DeathPactException(terminated.ActorRef);
        _cell.PublishUnhandled(message);
    }

    /// <summary>Called before the first message, on the actor's own turn.</summary>
    protected virtual void PreStart() { }

    /// <summary>Called after the actor stopped (its children have stopped already).</summary>
    protected virtual void PostStop() { }

    /// <summary>Called on the failed instance before a restart; by default stops all children and calls <see cref="PostStop"/>.</summary>
    /// <param name="reason">The failure.</param>
    /// <param name="message">The message being processed when it failed, if any.</param>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in _cell.Children)
            _cell.Stop(child);
        PostStop();
    }

    /// <summary>Called on the fresh instance after a restart; by default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>The strategy used for this actor's children; the default restarts any child that throws.</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.Default;

    /// <summary>Replaces the current behaviour.</summary>
    protected void Become(Receive receive) => _cell.Become(receive);

    /// <summary>Pushes a behaviour, keeping the current one beneath it.</summary>
    protected void BecomeStacked(Receive receive) => _cell.BecomeStacked(receive);

    /// <summary>Returns to the behaviour beneath the current one.</summary>
    protected void UnbecomeStacked() => _cell.UnbecomeStacked();

    /// <summary>Hook for subclasses that finish building after the constructor ran.</summary>
    internal virtual void OnConstructed() { }

    /// <summary>Runs PreStart (first start) or PostRestart (after a restart); persistent actors start recovery here.</summary>
    internal virtual void AroundStart(Exception? restartCause)
    {
        if (restartCause is null)
            PreStart();
        else
            PostRestart(restartCause);
    }

    // The kernel calls the hooks through these, so overrides stay plain 'protected' in every assembly.
    internal bool InvokeReceive(object message) => Receive(message);
    internal void InvokeUnhandled(object message) => Unhandled(message);
    internal void InvokePostStop()
    {
        Retiring();
        PostStop();
    }

    internal void InvokePreRestart(Exception reason, object? message)
    {
        Retiring();
        PreRestart(reason, message);
    }

    /// <summary>Hook for subclasses: this instance will handle no more messages (it stops, or a restart replaces it).</summary>
    internal virtual void Retiring() { }
    internal SupervisorStrategy InvokeSupervisorStrategy() => SupervisorStrategy();
}

/// <summary>An actor written as one method that receives every message.</summary>
public abstract class UntypedActor : ActorBase
{
    /// <summary>Handles a message; call <see cref="ActorBase.Unhandled"/> for messages it does not understand.</summary>
    protected abstract void OnReceive(object message);

    /// <inheritdoc />
    protected sealed override bool Receive(object message)
    {
        OnReceive(message);
        return true;
    }
}
