namespace ActorExec.Actors.Internal;

/// <summary>Watch, Unwatch and Terminated delivery.</summary>
internal sealed partial class ActorCell
{
    public IActorRef Watch(IActorRef actor)
    {
        var target = AsInternal(actor, nameof(Watch));
        if (target == _self)
            return actor;
        var extras = Extras;
        if ((extras.Watching ??= []).Add(target))
            target.SendSystemMessage(new Watch(target, _self));
        return actor;
    }

    public IActorRef Unwatch(IActorRef actor)
    {
        var target = AsInternal(actor, nameof(Unwatch));
        if (_extras is not { } extras)
            return actor;
        if (extras.Watching?.Remove(target) == true)
            target.SendSystemMessage(new Unwatch(target, _self));
        extras.TerminatedQueued?.Remove(target);
        return actor;
    }

    private static IInternalActorRef AsInternal(IActorRef actor, string operation)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor as IInternalActorRef
            ?? throw new NotSupportedException($"{operation} is not supported for {actor.GetType().Name} ({actor.Path})");
    }

    private void AddWatcher(IInternalActorRef watcher)
    {
        if (watcher != _self)
            (Extras.WatchedBy ??= []).Add(watcher);
    }

    private void WatchedActorTerminated(IActorRef actor, bool existenceConfirmed)
    {
        if (_extras is not { } extras || extras.Watching is null || actor is not IInternalActorRef target)
            return;
        if (!extras.Watching.Remove(target) || _lifecycle == Lifecycle.Terminating)
            return;
        // Delivered in mailbox order, like any message; Unwatch before it is processed cancels it.
        (extras.TerminatedQueued ??= []).Add(actor);
        Post(new Terminated(actor, existenceConfirmed), actor);
    }

    private void UnwatchAll()
    {
        if (_extras?.Watching is not { Count: > 0 } watching)
            return;
        foreach (var target in watching)
            target.SendSystemMessage(new Unwatch(target, _self));
        watching.Clear();
        _extras.TerminatedQueued?.Clear();
    }
}
