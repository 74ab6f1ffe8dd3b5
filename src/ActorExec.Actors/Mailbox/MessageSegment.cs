namespace ActorExec.Actors.Internal;

/// <summary>
/// One ring of a mailbox's lock-free multi-producer, single-consumer queue, in the style of Vyukov's
/// bounded queue (a sequence number per slot), so a mailbox whose backlog fits never allocates.
/// When a ring fills, it is frozen and a ring twice its size is linked behind it.
/// </summary>
/// <remarks>
/// Only producers touch <see cref="_tail"/>; the consumer keeps its position in
/// <see cref="MailboxConsumer"/>, in another object, so the two never write the same cache line
/// except for the slots themselves.
/// </remarks>
internal sealed class MessageSegment
{
    public const int InitialCapacity = 4;
    public const int MaxCapacity = 1 << 11; // 2048 slots of 24 bytes stays off the large object heap

    public readonly Slot[] Slots;
    private readonly int _freezeOffset;
    private int _tail;
    public MessageSegment? Next;

    public MessageSegment(int capacity)
    {
        Slots = new Slot[capacity];
        _freezeOffset = capacity * 2;
        for (var i = 0; i < capacity; i++)
            Slots[i].Sequence = i;
    }

    public int Capacity => Slots.Length;

    /// <summary>Slots reserved by producers before the freeze; meaningful once <see cref="Next"/> is linked (rings are frozen first).</summary>
    public int ReservedBeforeFreeze => Volatile.Read(ref _tail) - _freezeOffset;

    public bool TryEnqueue(object message, IActorRef? sender)
    {
        var slots = Slots;
        var mask = slots.Length - 1;
        while (true)
        {
            var tail = Volatile.Read(ref _tail);
            ref var slot = ref slots[tail & mask];
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

    /// <summary>
    /// Enqueues at <paramref name="tail"/>, growing the chain when the tail ring is full: the full
    /// ring is frozen and a ring twice its size is linked behind it and becomes the tail.
    /// </summary>
    public static void Enqueue(ref MessageSegment tail, object message, IActorRef? sender)
    {
        while (true)
        {
            var current = Volatile.Read(ref tail);
            if (current.TryEnqueue(message, sender))
                return;
            // Rings are never exposed outside the mailbox, so locking one to grow past it is safe.
            lock (current)
            {
                if (current == Volatile.Read(ref tail))
                {
                    current.Freeze();
                    var next = new MessageSegment(Math.Min(current.Capacity * 2, MaxCapacity));
                    Volatile.Write(ref current.Next, next);
                    Volatile.Write(ref tail, next);
                }
            }
        }
    }

    /// <summary>Refuses further enqueues; producers that already reserved a slot still publish it.</summary>
    public void Freeze() => Interlocked.Add(ref _tail, _freezeOffset);

    public struct Slot
    {
        public object? Message;
        public IActorRef? Sender;
        public int Sequence;
    }
}
