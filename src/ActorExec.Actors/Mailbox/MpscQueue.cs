namespace ActorExec.Actors.Internal;

/// <summary>
/// Lock-free multi-producer, single-consumer FIFO of envelopes: a chain of ring segments.
/// </summary>
/// <remarks>
/// Each segment is a bounded ring in the style of Vyukov's queue (a sequence number per slot), so a
/// mailbox whose backlog stays under its capacity never allocates. When a ring fills, it is frozen
/// and a ring twice its size is linked behind it; the consumer leaves a frozen ring only once every
/// slot a producer reserved in it has been consumed, which keeps each producer's order intact.
/// </remarks>
internal sealed class MpscQueue
{
    private const int InitialCapacity = 4;
    private const int MaxSegmentCapacity = 1 << 12;

    private Segment _head;          // consumer only
    private volatile Segment _tail; // producers

    public MpscQueue()
    {
        _head = new Segment(InitialCapacity);
        _tail = _head;
    }

    /// <summary>Appends a message; safe to call from any number of threads.</summary>
    public void Enqueue(object message, IActorRef? sender)
    {
        if (!_tail.TryEnqueue(message, sender))
            EnqueueSlow(message, sender);
    }

    private void EnqueueSlow(object message, IActorRef? sender)
    {
        while (true)
        {
            var tail = _tail;
            if (tail.TryEnqueue(message, sender))
                return;

            // Segments are never exposed, so locking one to grow past it is safe.
            lock (tail)
            {
                if (tail == _tail)
                {
                    tail.Freeze();
                    var next = new Segment(Math.Min(tail.Capacity * 2, MaxSegmentCapacity));
                    Volatile.Write(ref tail.Next, next);
                    _tail = next;
                }
            }
        }
    }

    /// <summary>Removes the oldest published message; only the consumer may call this.</summary>
    public bool TryDequeue(out Envelope envelope)
    {
        while (true)
        {
            var head = _head;
            if (head.TryDequeue(out envelope))
                return true;
            var next = Volatile.Read(ref head.Next);
            // A producer that reserved a slot in a frozen ring publishes it and then schedules the
            // mailbox, so "not yet" is a safe answer; leaving the ring early would lose its message.
            if (next is null || !head.IsDrainedAfterFreeze)
                return false;
            _head = next;
        }
    }

    /// <summary>True when a message is ready for the consumer (or may be, across a segment boundary).</summary>
    public bool HasMessages
    {
        get
        {
            var head = _head;
            return head.IsNextPublished || Volatile.Read(ref head.Next) is not null;
        }
    }

    /// <summary>Approximate number of queued messages, for inspection only.</summary>
    public int Count
    {
        get
        {
            var count = 0;
            for (var segment = _head; segment is not null; segment = Volatile.Read(ref segment.Next))
                count += segment.ApproximateCount;
            return count;
        }
    }

    private sealed class Segment
    {
        private readonly Slot[] _slots;
        private readonly int _mask;
        private readonly int _freezeOffset;
        private int _tail; // producers reserve slots by CAS
        private int _head; // consumer only
        private bool _frozen;
        public Segment? Next;

        public Segment(int capacity)
        {
            _slots = new Slot[capacity];
            _mask = capacity - 1;
            _freezeOffset = capacity * 2;
            for (var i = 0; i < capacity; i++)
                _slots[i].Sequence = i;
        }

        public int Capacity => _slots.Length;

        public bool IsNextPublished => Volatile.Read(ref _slots[_head & _mask].Sequence) == _head + 1;

        public bool IsDrainedAfterFreeze => Volatile.Read(ref _frozen) && _head == Volatile.Read(ref _tail) - _freezeOffset;

        public int ApproximateCount
        {
            get
            {
                var tail = Volatile.Read(ref _tail);
                if (Volatile.Read(ref _frozen))
                    tail -= _freezeOffset;
                return Math.Max(0, tail - Volatile.Read(ref _head));
            }
        }

        public bool TryEnqueue(object message, IActorRef? sender)
        {
            var slots = _slots;
            while (true)
            {
                var tail = Volatile.Read(ref _tail);
                ref var slot = ref slots[tail & _mask];
                var diff = Volatile.Read(ref slot.Sequence) - tail;
                if (diff == 0)
                {
                    if (Interlocked.CompareExchange(ref _tail, tail + 1, tail) == tail)
                    {
                        slot.Message = message;
                        slot.Sender = sender;
                        Volatile.Write(ref slot.Sequence, tail + 1);
                        return true;
                    }
                }
                else if (diff < 0)
                {
                    return false; // full, or frozen: the freeze offset makes every slot look taken
                }
            }
        }

        public bool TryDequeue(out Envelope envelope)
        {
            var head = _head;
            ref var slot = ref _slots[head & _mask];
            if (Volatile.Read(ref slot.Sequence) != head + 1)
            {
                envelope = default;
                return false;
            }

            envelope = new Envelope(slot.Message!, slot.Sender);
            slot.Message = null;
            slot.Sender = null;
            Volatile.Write(ref slot.Sequence, head + _slots.Length);
            _head = head + 1;
            return true;
        }

        public void Freeze()
        {
            Volatile.Write(ref _frozen, true);
            Interlocked.Add(ref _tail, _freezeOffset);
        }

        private struct Slot
        {
            public object? Message;
            public IActorRef? Sender;
            public int Sequence;
        }
    }
}
