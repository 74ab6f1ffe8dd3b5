namespace ActorExec.Actors.Internal;

/// <summary>
/// One actor's mailbox, lifecycle and context. The mailbox is scheduled on the .NET thread pool
/// when a message arrives and it is idle; a turn processes system messages first, then up to
/// <c>throughput</c> user messages, checking for system messages between each.
/// </summary>
internal sealed partial class ActorCell : IThreadPoolWorkItem
{
    private const int Idle = 0;
    private const int Scheduled = 1;

    [ThreadStatic] private static ActorCell? t_current;
    [ThreadStatic] private static ActorCell? t_constructing;

    private readonly ActorSystem _system;
    private readonly ActorCell? _parent;
    private readonly LocalActorRef _self;
    private readonly Props _props;
    private ActorBase? _actor;
    private Receive? _behavior;           // null: the actor's own Receive
    private MpscQueue? _mailbox;          // created by the first user message
    private SystemMessage? _systemHead;   // LIFO push by producers, reversed by the consumer
    private CellExtras? _extras;
    private IActorRef? _currentSender;
    private object? _currentMessage;
    private int _deliveries;              // distinguishes two deliveries of the same message object
    private int _status;                  // Idle or Scheduled
    private int _queued;                  // bounded mailboxes only
    private UserGate _gate = UserGate.NotStarted;
    private Lifecycle _lifecycle = Lifecycle.Created;
    private volatile bool _terminated;

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

    public ActorCell(ActorSystem system, ActorCell? parent, Props props, ActorPath path)
    {
        _system = system;
        _parent = parent;
        _props = props;
        _self = new LocalActorRef(this, path);
    }

    /// <summary>The cell whose turn is running on this thread, if any.</summary>
    public static ActorCell? Current => t_current;

    /// <summary>The cell whose actor is being constructed on this thread, if any.</summary>
    public static ActorCell? Constructing => t_constructing;

    public LocalActorRef SelfRef => _self;

    public bool IsTerminated => _terminated;

    public IActorRef? CurrentSender => _currentSender;

    /// <summary>The message the behaviour is handling, with its sender; null between messages.</summary>
    public Envelope? CurrentEnvelope => _currentMessage is { } message ? new Envelope(message, _currentSender) : null;

    /// <summary>Changes with every message handed to the behaviour.</summary>
    public int DeliveryNumber => _deliveries;

    public ActorCell? ParentCell => _parent;

    public int MailboxCount => _mailbox?.Count ?? 0;

    /// <summary>Queues a user message; safe from any thread.</summary>
    public void Post(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_terminated)
        {
            _system.DeadLetter(message, sender, _self);
            return;
        }

        var capacity = _props.MailboxCapacity;
        if (capacity > 0 && Interlocked.Increment(ref _queued) > capacity)
        {
            Interlocked.Decrement(ref _queued);
            _system.DeadLetter(message, sender, _self);
            return;
        }

        (_mailbox ?? CreateMailbox()).Enqueue(message, sender);
        if (Volatile.Read(ref _status) == Idle && Interlocked.CompareExchange(ref _status, Scheduled, Idle) == Idle)
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
    }

    /// <summary>Queues a system message; it overtakes user messages. Safe from any thread.</summary>
    public void SendSystemMessage(SystemMessage message)
    {
        var head = Volatile.Read(ref _systemHead);
        while (true)
        {
            message.Next = head;
            var seen = Interlocked.CompareExchange(ref _systemHead, message, head);
            if (seen == head)
                break;
            head = seen;
        }
        if (Interlocked.CompareExchange(ref _status, Scheduled, Idle) == Idle)
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
    }

    /// <summary>Schedules the first turn, which constructs the actor and runs PreStart.</summary>
    public void Start()
    {
        if (Interlocked.CompareExchange(ref _status, Scheduled, Idle) == Idle)
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
    }

    private MpscQueue CreateMailbox()
    {
        var created = new MpscQueue();
        return Interlocked.CompareExchange(ref _mailbox, created, null) ?? created;
    }

    /// <summary>One turn of the mailbox on a thread-pool thread.</summary>
    void IThreadPoolWorkItem.Execute()
    {
        var previous = t_current;
        t_current = this;
        try
        {
            if (_lifecycle == Lifecycle.Created)
                CreateActor(restartCause: null);
            RunTurn();
        }
        finally
        {
            t_current = previous;
        }

        Interlocked.Exchange(ref _status, Idle);
        if (HasPendingWork() && Interlocked.CompareExchange(ref _status, Scheduled, Idle) == Idle)
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    private void RunTurn()
    {
        if (Volatile.Read(ref _systemHead) is not null)
            ProcessSystemMessages();

        var mailbox = _mailbox;
        if (_terminated)
        {
            DrainToDeadLetters();
            return;
        }
        if (mailbox is null)
            return;

        var budget = _props.Throughput ?? _system.Options.Throughput;
        var bounded = _props.MailboxCapacity > 0;
        while (_gate == 0)
        {
            Envelope envelope;
            if (_extras?.Front is { Count: > 0 } front)
            {
                envelope = front.PopFront();
            }
            else if (mailbox.TryDequeue(out envelope))
            {
                if (bounded)
                    Interlocked.Decrement(ref _queued);
            }
            else
            {
                break;
            }

            Invoke(envelope);
            if (Volatile.Read(ref _systemHead) is not null)
                ProcessSystemMessages();
            if (--budget == 0)
                break;
        }

        if (_terminated)
            DrainToDeadLetters();
    }

    private bool HasPendingWork()
    {
        if (Volatile.Read(ref _systemHead) is not null)
            return true;
        var mailbox = Volatile.Read(ref _mailbox);
        if (_terminated)
            return mailbox?.HasMessages == true;
        if (_gate != 0)
            return false;
        return _extras?.Front is { Count: > 0 } || mailbox?.HasMessages == true;
    }

    private void ProcessSystemMessages()
    {
        // Taken in one swap, pushed LIFO: reverse to process in arrival order.
        var list = Interlocked.Exchange(ref _systemHead, null);
        SystemMessage? ordered = null;
        while (list is not null)
        {
            var next = list.Next;
            list.Next = ordered;
            ordered = list;
            list = next;
        }

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
        if (_terminated)
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
                Restart(recreate.Cause);
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
        finally
        {
            _currentMessage = null;
        }
    }

    /// <summary>Hands a message to the current behaviour; falls back to Unhandled.</summary>
    private void Deliver(object message)
    {
        _currentMessage = message;
        _deliveries++;
        var actor = _actor!;
        var handled = _behavior is { } behavior ? behavior(message) : actor.Receive(message);
        if (!handled)
            actor.Unhandled(message);
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
        var mailbox = _mailbox;
        if (mailbox is null)
            return;
        while (mailbox.TryDequeue(out var envelope))
        {
            if (_props.MailboxCapacity > 0)
                Interlocked.Decrement(ref _queued);
            _system.DeadLetter(envelope.Message, envelope.Sender, _self);
        }
    }

    public override string ToString() => _self.Path.ToString();
}
