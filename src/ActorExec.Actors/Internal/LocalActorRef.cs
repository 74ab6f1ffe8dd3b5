namespace ActorExec.Actors.Internal;

/// <summary>
/// The reference to an actor of this process and the producer side of its mailbox: Tell enqueues
/// here and schedules the actor's turn. One per incarnation, so identity is equality. Producers
/// touch only this object and the queue's rings, never the <see cref="ActorCell"/>, whose fields
/// the actor writes on every message.
/// </summary>
internal sealed class LocalActorRef : IInternalActorRef, IThreadPoolWorkItem
{
    private const int Idle = 0;
    private const int Scheduled = 1;

    private readonly int _capacity;       // 0: unbounded
    private MessageSegment? _tail;        // null until the first user message
    private SystemMessage? _systemHead;   // LIFO push by producers, reversed by the consumer
    private int _status;
    private int _queued;                  // bounded mailboxes only
    private volatile bool _terminated;

    public LocalActorRef(ActorCell cell, string name, int capacity)
    {
        Cell = cell;
        Name = name;
        _capacity = capacity;
    }

    public ActorCell Cell { get; }

    /// <summary>The last element of the path: the name among its siblings.</summary>
    public string Name { get; }

    /// <summary>Built on demand from the parent chain: most actors never need theirs, and memory per actor matters.</summary>
    public ActorPath Path => Cell.ParentCell is { } parent ? parent.SelfRef.Path.Child(Name) : ActorPath.Root;

    public bool IsTerminated => _terminated;

    public bool HasSystemMessages => Volatile.Read(ref _systemHead) is not null;

    public bool IsBounded => _capacity > 0;

    public void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_terminated)
        {
            Cell.System.DeadLetter(message, sender, this);
            return;
        }
        if (_capacity > 0 && Interlocked.Increment(ref _queued) > _capacity)
        {
            Interlocked.Decrement(ref _queued);
            Cell.System.DeadLetter(message, sender, this);
            return;
        }

        var tail = _tail ?? AttachFirstSegment();
        if (!tail.TryEnqueue(message, sender))
            MessageSegment.Enqueue(ref _tail!, message, sender);
        // A full fence between publishing the message and reading the status: without it the read may
        // pass the store (x86 reorders a store with a later load), see "still running" while the
        // consumer, going idle, does not see the message yet, and nobody ever runs the mailbox. The
        // engine benchmark caught an order actor whose venue reply sat in its idle mailbox for good.
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _status) == Idle && Interlocked.CompareExchange(ref _status, Scheduled, Idle) == Idle)
            Schedule();
    }

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
            Schedule();
    }

    /// <summary>Takes all pending system messages, oldest first.</summary>
    public SystemMessage? TakeSystemMessages()
    {
        var list = Interlocked.Exchange(ref _systemHead, null);
        SystemMessage? ordered = null;
        while (list is not null)
        {
            var next = list.Next;
            list.Next = ordered;
            ordered = list;
            list = next;
        }
        return ordered;
    }

    /// <summary>Called by the consumer for every user message it takes from a bounded mailbox.</summary>
    public void OnDequeued() => Interlocked.Decrement(ref _queued);

    public void MarkTerminated() => _terminated = true;

    /// <summary>Schedules the first turn, which constructs the actor and runs PreStart.</summary>
    public void Start()
    {
        if (Interlocked.CompareExchange(ref _status, Scheduled, Idle) == Idle)
            Schedule();
    }

    /// <summary>
    /// Runs the mailbox soon. From inside another actor's turn, the first actor woken goes to this
    /// thread's <see cref="RunNextSlot"/> and runs right after that turn (request/response chains
    /// stay on one warm thread); others go to the pool.
    /// </summary>
    private void Schedule()
    {
        if (ActorCell.Current is null || !RunNextSlot.ForCurrentThread.TryPark(this))
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
    }

    /// <summary>A thread-pool work item: this actor's turn, then those chained through the run-next slot.</summary>
    void IThreadPoolWorkItem.Execute()
    {
        var slot = RunNextSlot.ForCurrentThread;
        var mailbox = this;
        var hops = Cell.System.Options.Throughput;
        try
        {
            while (true)
            {
                mailbox.RunTurn();
                mailbox = slot.Take();
                if (mailbox is null)
                    return;
                if (--hops == 0)
                {
                    // Chained long enough on this thread: let the pool interleave other work.
                    ThreadPool.UnsafeQueueUserWorkItem(mailbox, preferLocal: false);
                    return;
                }
            }
        }
        finally
        {
            // Only reached with a parked mailbox if a turn threw past its own handlers.
            if (slot.Take() is { } pending)
                ThreadPool.UnsafeQueueUserWorkItem(pending, preferLocal: false);
        }
    }

    private void RunTurn()
    {
        Cell.RunTurn();
        Interlocked.Exchange(ref _status, Idle);
        if (Cell.HasPendingWork() && Interlocked.CompareExchange(ref _status, Scheduled, Idle) == Idle)
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    private MessageSegment AttachFirstSegment()
    {
        var first = new MessageSegment(MessageSegment.InitialCapacity);
        var existing = Interlocked.CompareExchange(ref _tail, first, null);
        if (existing is not null)
            return existing;
        // Before this producer enqueues and schedules, so the consumer can always find the ring.
        Cell.AttachMailbox(first);
        return first;
    }

    public override string ToString() => $"[{Path}]";
}
