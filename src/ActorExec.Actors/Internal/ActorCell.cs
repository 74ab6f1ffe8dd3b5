namespace ActorExec.Actors.Internal;

/// <summary>
/// One actor's lifecycle, context and the consumer side of its mailbox. The producer side (and the
/// scheduling) is <see cref="LocalActorRef"/>; a turn processes system messages first, then up to
/// <c>throughput</c> user messages, checking for system messages between each.
/// </summary>
internal sealed partial class ActorCell
{
    [ThreadStatic] private static ActorCell? t_current;
    [ThreadStatic] private static ActorCell? t_constructing;
    [ThreadStatic] private static int t_constructedInstances;

    private readonly ActorSystem _system;
    private readonly ActorCell? _parent;
    private readonly LocalActorRef _self;
    private readonly Props _props;
    private ActorBase? _actor;
    private CellExtras? _extras;
    private IActorRef? _currentSender;
    private object? _currentMessage;
    private MailboxConsumer _inbox;
    private int _deliveries;              // distinguishes two deliveries of the same message object
    private UserGate _gate = UserGate.NotStarted;
    private Lifecycle _lifecycle = Lifecycle.Created;

    /// <summary>Why user messages may not be processed right now; none set means they may.</summary>
    [Flags]
    private enum UserGate : byte
    {
        NotStarted = 1,
        Failed = 2,
        AwaitingTask = 4,
        Restarting = 8,
        Terminating = 16,
    }

    private enum Lifecycle : byte
    {
        Created,
        Running,
        Restarting,
        Terminating,
        Terminated,
    }

    public ActorCell(ActorSystem system, ActorCell? parent, Props props, string name)
    {
        _system = system;
        _parent = parent;
        _props = props;
        _self = new LocalActorRef(this, name, props.MailboxCapacity);
        WriteFence = props.WriteFence ?? parent?.WriteFence;
    }

    /// <summary>The fence on this actor's journal writes: its props' own, or else its parent's.</summary>
    public Persistence.WriteFence? WriteFence { get; }

    /// <summary>The cell whose turn is running on this thread, if any.</summary>
    public static ActorCell? Current => t_current;

    /// <summary>Binds a new actor instance to the cell constructing it on this thread, if any.</summary>
    public static ActorCell? ClaimConstructing()
    {
        t_constructedInstances++;
        return t_constructing;
    }

    public LocalActorRef SelfRef => _self;

    public bool IsTerminated => _self.IsTerminated;

    public IActorRef? CurrentSender => _currentSender;

    /// <summary>The message the behaviour is handling, with its sender; only meaningful while a handler runs.</summary>
    public Envelope? CurrentEnvelope => _currentMessage is { } message ? new Envelope(message, _currentSender) : null;

    /// <summary>Changes with every message handed to the behaviour.</summary>
    public int DeliveryNumber => _deliveries;

    public ActorCell? ParentCell => _parent;

    public void Post(object message, IActorRef? sender) => _self.Tell(message, sender);

    public void SendSystemMessage(SystemMessage message) => _self.SendSystemMessage(message);

    public void Start() => _self.Start();

    /// <summary>Points the consumer at the mailbox's first ring (called once by the first producer).</summary>
    public void AttachMailbox(MessageSegment first) => _inbox.Attach(first);

    /// <summary>One turn: system messages first, then up to <c>throughput</c> user messages.</summary>
    public void RunTurn()
    {
        t_current = this;
        try
        {
            if (_lifecycle == Lifecycle.Created)
                CreateActor(restartCause: null);
            ProcessMessages();
        }
        finally
        {
            t_current = null;
        }
    }

    private void ProcessMessages()
    {
        var self = _self;
        if (self.HasSystemMessages)
            ProcessSystemMessages();
        if (self.IsTerminated)
        {
            DrainToDeadLetters();
            return;
        }

        var throughput = _props.Throughput ?? _system.Options.Throughput;
        var budget = throughput;
        var extensions = 0;
        var bounded = self.IsBounded;
        while (_gate == 0)
        {
            Envelope envelope;
            if (_extras?.Front is { Count: > 0 } front)
            {
                envelope = front.PopFront();
            }
            else if (_inbox.TryDequeue(out envelope))
            {
                if (bounded)
                    self.OnDequeued();
            }
            else
            {
                break;
            }

            Invoke(envelope);
            if (self.HasSystemMessages)
                ProcessSystemMessages();
            if (--budget == 0)
            {
                // Yielding only helps if something else is waiting; otherwise it just moves this
                // actor to another core through the pool's queue. Bounded so turns stay short.
                if (++extensions < MaxTurnExtensions && ThreadPool.PendingWorkItemCount == 0 && RunNextSlot.ForCurrentThread.IsEmpty)
                    budget = throughput;
                else
                    break;
            }
        }

        _currentMessage = null; // once per turn: nothing reads it between messages
        if (self.IsTerminated)
            DrainToDeadLetters();
    }

    private const int MaxTurnExtensions = 64;

    /// <summary>Whether another turn is needed; checked by the mailbox after it went idle.</summary>
    public bool HasPendingWork()
    {
        if (_self.HasSystemMessages)
            return true;
        if (_self.IsTerminated)
            return _inbox.HasMessages;
        if (_gate != 0)
            return false;
        return _extras?.Front is { Count: > 0 } || _inbox.HasMessages;
    }

    private void ProcessSystemMessages()
    {
        _currentMessage = null; // lifecycle hooks run here are not processing a user message
        var ordered = _self.TakeSystemMessages();
        while (ordered is not null)
        {
            var message = ordered;
            ordered = ordered.Next;
            message.Next = null;
            try
            {
                HandleSystemMessage(message);
            }
            catch (Exception e)
            {
                HandleInvokeFailure(e, message: null);
            }
        }
    }

    private void HandleSystemMessage(SystemMessage message)
    {
        if (_lifecycle == Lifecycle.Terminated)
        {
            // A stopped actor answers watches at once and ignores everything else.
            if (message is Watch watch)
                watch.Watcher.SendSystemMessage(new DeathWatchNotification(_self, existenceConfirmed: false));
            return;
        }
        switch (message)
        {
            case Terminate:
                BeginTerminate();
                break;
            case Failed failed:
                HandleChildFailure(failed.Child, failed.Cause);
                break;
            case ChildTerminated childTerminated:
                HandleChildTerminated(childTerminated.Child);
                break;
            case Resume:
                ResumeAfterFailure();
                break;
            case Recreate recreate:
                Restart(recreate.Cause, recreate.Redeliver);
                break;
            case Watch watch:
                AddWatcher(watch.Watcher);
                break;
            case Unwatch unwatch:
                _extras?.WatchedBy?.Remove(unwatch.Watcher);
                break;
            case DeathWatchNotification notification:
                WatchedActorTerminated(notification.Actor, notification.ExistenceConfirmed);
                break;
            case RunContinuation continuation:
                RunAsyncContinuation(continuation);
                break;
            case AsyncHandlerCompleted completed:
                AsyncHandlerFinished(completed.Task);
                break;
        }
    }

    private void Invoke(in Envelope envelope)
    {
        var message = envelope.Message;
        _currentSender = envelope.Sender;
        try
        {
            if (message is AutoReceivedMessage auto)
            {
                HandleAutoReceived(auto);
                return;
            }
            if (_extras is { } extras && !extras.AcceptUserMessage(message, _system.TimeProvider))
                return;
            Deliver(message);
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e, message);
        }
    }

    /// <summary>Hands a message to the current behaviour; falls back to Unhandled.</summary>
    private void Deliver(object message)
    {
        _currentMessage = message;
        _deliveries++;
        var actor = _actor!;
        var handled = _extras?.Behavior is { } behavior ? behavior(message) : actor.InvokeReceive(message);
        if (!handled)
            actor.InvokeUnhandled(message);
    }

    private void HandleAutoReceived(AutoReceivedMessage message)
    {
        switch (message)
        {
            case PoisonPill:
                BeginTerminate();
                break;
            case Kill:
                throw new ActorKilledException($"{_self.Path} received Kill");
            case TimerMessage timer:
                if (_extras?.Timers?.Accept(timer) is { } payload)
                {
                    _extras.TouchReceiveTimeout(payload, _system.TimeProvider);
                    Deliver(payload);
                }
                break;
            case ReceiveTimeoutTick:
                if (_extras?.ReceiveTimeout?.IsDue(_system.TimeProvider) == true)
                    Deliver(Actors.ReceiveTimeout.Instance);
                break;
        }
    }

    /// <summary>Places a message in front of every queued one (used by Unstash).</summary>
    public void PrependToMailbox(Envelope envelope) => (Extras.Front ??= new EnvelopeDeque()).PushFront(envelope);

    private void DrainToDeadLetters()
    {
        while (_inbox.TryDequeue(out var envelope))
        {
            if (_self.IsBounded)
                _self.OnDequeued();
            _system.DeadLetter(envelope.Message, envelope.Sender, _self);
        }
    }

    public override string ToString() => _self.Path.ToString();
}
