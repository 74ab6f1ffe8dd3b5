using System.Runtime.ExceptionServices;

namespace ActorExec.Actors.Internal;

/// <summary>Creation, failure, restart and termination of the actor instance.</summary>
internal sealed partial class ActorCell
{
    /// <summary>Constructs the actor (first start or restart) and runs PreStart or PostRestart.</summary>
    private void CreateActor(Exception? restartCause)
    {
        _lifecycle = Lifecycle.Running;
        _gate &= ~(UserGate.NotStarted | UserGate.Restarting | UserGate.Failed);
        ActorBase actor;
        var previous = t_constructing;
        t_constructing = this;
        t_constructedInstances = 0;
        try
        {
            actor = _props.Factory();
            if (actor is null || !ReferenceEquals(actor.Cell, this))
                throw new InvalidOperationException(
                    $"The factory of {_props} must return a new actor instance on every call");
            if (t_constructedInstances != 1)
                throw new InvalidOperationException(
                    $"The factory of {_props} constructed {t_constructedInstances} actors; create other actors with Context.ActorOf, never with 'new'");
        }
        catch (Exception e)
        {
            FailInitialization("constructor threw", e);
            return;
        }
        finally
        {
            t_constructing = previous;
        }

        _actor = actor;
        actor.OnConstructed();
        if (actor is IWithStash withStash)
            withStash.Stash = Extras.Stash ??= new ActorStash(this);
        if (actor is IWithTimers withTimers)
            withTimers.Timers = Extras.Timers ??= new TimerScheduler(this);

        try
        {
            actor.AroundStart(restartCause);
        }
        catch (Exception e)
        {
            FailInitialization(restartCause is null ? "PreStart threw" : "PostRestart threw", e);
        }
    }

    private void FailInitialization(string what, Exception e)
        => HandleInvokeFailure(new ActorInitializationException(_self.Path, $"{what}: {e.Message}", e), message: null);

    /// <summary>
    /// Reports a failure to the parent and stops processing user messages until it decides.
    /// Called on the actor's own turn.
    /// </summary>
    private void HandleInvokeFailure(Exception cause, object? message)
    {
        if (_lifecycle is Lifecycle.Terminating or Lifecycle.Terminated)
        {
            _system.Log.ErrorWhileStopping(_self.Path, cause);
            return;
        }
        if ((_gate & UserGate.Failed) != 0)
        {
            // Already waiting for a decision on an earlier failure; that decision covers this one.
            _system.Log.FailureWhileSuspended(_self.Path, cause);
            return;
        }

        _gate |= UserGate.Failed;
        Extras.FailedMessage = message;
        if (_parent is null)
        {
            _system.Log.RootFailed(cause);
            BeginTerminate();
            return;
        }
        _parent.SendSystemMessage(new Failed(this, cause));
    }

    private void ResumeAfterFailure()
    {
        if ((_gate & UserGate.Failed) == 0)
            return;
        _gate &= ~UserGate.Failed;
        if (_extras is { } extras)
            extras.FailedMessage = null;
        // A failure escalated through us left the causing child suspended; resume it with us.
        foreach (var child in ChildCells())
            child.SendSystemMessage(new Resume());
    }

    private void Restart(Exception cause, Envelope? redeliver = null)
    {
        if (_lifecycle is Lifecycle.Terminating or Lifecycle.Terminated)
            return;

        var failedActor = _actor;
        var failedMessage = _extras?.FailedMessage;
        if (failedActor is not null)
        {
            try
            {
                failedActor.InvokePreRestart(cause, failedMessage);
            }
            catch (Exception e)
            {
                _system.Log.PreRestartThrew(_self.Path, e);
            }
        }

        ClearInstanceState();
        _actor = null;
        _lifecycle = Lifecycle.Restarting;
        _gate |= UserGate.Restarting;
        var extras = Extras;
        extras.FailedMessage = null;
        extras.RestartCause = cause;
        extras.Stash?.PrependAllToMailbox();
        if (redeliver is { } first)
            PrependToMailbox(first);
        if (extras.Stopping is not { Count: > 0 })
            FinishRestart();
    }

    private void FinishRestart()
    {
        var cause = _extras!.RestartCause!;
        _extras.RestartCause = null;
        CreateActor(cause);
    }

    /// <summary>Forgets everything that belonged to the failed instance but keeps the mailbox and the ref.</summary>
    private void ClearInstanceState()
    {
        if (_extras is not { } extras)
            return;
        extras.Behavior = null;
        extras.BehaviorStack?.Clear();
        extras.Timers?.CancelAll();
        extras.ReceiveTimeout?.Dispose();
        extras.ReceiveTimeout = null;
        extras.SupervisorStrategy = null;
        extras.AwaitedTask = null;
        extras.AwaitedMessage = null;
        extras.AwaitedSender = null;
        _gate &= ~UserGate.AwaitingTask;
    }

    private void BeginTerminate()
    {
        if (_lifecycle is Lifecycle.Terminating or Lifecycle.Terminated)
            return;

        List<ActorCell> children;
        var container = _extras?.Children;
        if (container is null)
        {
            // Only guardians create children from other threads, and theirs always have a container.
            _lifecycle = Lifecycle.Terminating;
            children = [];
        }
        else
        {
            // Under the children lock: a guardian's ActorOf from another thread either lands before
            // this snapshot (and is stopped with the rest) or sees Terminating and refuses.
            lock (container)
            {
                _lifecycle = Lifecycle.Terminating;
                children = [.. container.Values];
            }
        }
        _gate |= UserGate.Terminating;
        ClearInstanceState();
        UnwatchAll();

        foreach (var child in children)
            StopChild(child);
        if (children.Count == 0)
            FinishTerminate();
    }

    private void FinishTerminate()
    {
        // A restarting cell has no instance: PreRestart already ran the old one's PostStop.
        var actor = _actor;
        if (actor is not null)
        {
            try
            {
                actor.InvokePostStop();
            }
            catch (Exception e)
            {
                _system.Log.PostStopThrew(_self.Path, e);
            }
        }

        _actor = null;
        _lifecycle = Lifecycle.Terminated;
        _self.MarkTerminated();

        var extras = _extras;
        if (extras is not null)
        {
            extras.Stash?.DeadLetterAll();
            while (extras.Front is { Count: > 0 } front)
            {
                var envelope = front.PopFront();
                _system.DeadLetter(envelope.Message, envelope.Sender, _self);
            }
            if (extras.WatchedBy is { } watchers)
            {
                foreach (var watcher in watchers)
                    watcher.SendSystemMessage(new DeathWatchNotification(_self, existenceConfirmed: true));
                watchers.Clear();
            }
        }
        DrainToDeadLetters();

        if (_parent is not null)
            _parent.SendSystemMessage(new ChildTerminated(this));
        else
            _system.OnRootTerminated();
    }

    /// <summary>Rethrows a synchronously faulted handler task as the handler's own exception.</summary>
    private static void Rethrow(Task task)
    {
        var error = task.Exception?.InnerException ?? new TaskCanceledException(task);
        ExceptionDispatchInfo.Capture(error).Throw();
    }
}
