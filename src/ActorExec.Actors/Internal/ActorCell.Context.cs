using Microsoft.Extensions.Logging;

namespace ActorExec.Actors.Internal;

/// <summary>The <see cref="IActorContext"/> an actor sees during its own turn.</summary>
internal sealed partial class ActorCell : IActorContext
{
    public IActorRef Self => _self;

    public IActorRef Sender => _currentSender ?? _system.DeadLetters;

    public IActorRef Parent => _parent is null ? _self : _parent._self;

    public IReadOnlyCollection<IActorRef> Children => ChildCells().ConvertAll(static c => (IActorRef)c._self);

    public ActorSystem System => _system;

    public Props Props => _props;

    public ILogger Logger => _system.LoggerFactory.CreateLogger(_props.ActorType);

    public TimeSpan? ReceiveTimeout => _extras?.ReceiveTimeout?.Duration;

    public IActorRef? Child(string name) => ChildCell(name)?._self;

    public void Stop(IActorRef actor)
    {
        if (actor is not LocalActorRef local)
            throw new NotSupportedException($"Stop is not supported for {actor.GetType().Name} ({actor.Path})");
        var cell = local.Cell;
        if (cell._parent == this)
            StopChild(cell);
        else
            cell.SendSystemMessage(new Terminate());
    }

    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        var extras = Extras;
        extras.Behavior = receive;
        extras.BehaviorStack?.Clear();
    }

    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        var extras = Extras;
        var stack = extras.BehaviorStack ??= new Stack<Receive>();
        stack.Push(extras.Behavior ?? _actor!.InvokeReceive);
        extras.Behavior = receive;
    }

    public void UnbecomeStacked()
    {
        if (_extras is { BehaviorStack.Count: > 0 } extras)
            extras.Behavior = extras.BehaviorStack.Pop();
    }

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        var extras = Extras;
        extras.ReceiveTimeout?.Dispose();
        extras.ReceiveTimeout = null;
        if (timeout is not { } duration)
            return;
        if (duration <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "Receive timeout must be positive, or null to turn it off");
        extras.ReceiveTimeout = new ReceiveTimeoutState(this, duration, _system.TimeProvider);
    }

    public ActorSelection ActorSelection(string path) => Actors.ActorSelection.Parse(_system, this, path);

    /// <summary>Publishes an unhandled message on the event stream.</summary>
    public void PublishUnhandled(object message)
        => _system.EventStream.Publish(new UnhandledMessage(message, _currentSender, _self));
}
