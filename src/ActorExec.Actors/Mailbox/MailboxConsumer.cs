namespace ActorExec.Actors.Internal;

/// <summary>
/// The consumer's end of a mailbox queue, embedded in the <see cref="ActorCell"/> that owns it. Only
/// the actor's own turn calls its members (plus <see cref="Attach"/>, once, by the first producer).
/// </summary>
internal struct MailboxConsumer
{
    private MessageSegment? _segment;
    private MessageSegment.Slot[]? _slots;
    private int _index;

    /// <summary>Points the consumer at the first ring; called once by the producer that created it.</summary>
    public void Attach(MessageSegment first) => Volatile.Write(ref _segment, first);

    public bool TryDequeue(out Envelope envelope)
    {
        while (true)
        {
            var slots = _slots;
            if (slots is null)
            {
                if (Volatile.Read(ref _segment) is not { } first)
                {
                    envelope = default;
                    return false;
                }
                _slots = slots = first.Slots;
            }

            var index = _index;
            ref var slot = ref slots[index & (slots.Length - 1)];
            if (Volatile.Read(ref slot.Sequence) == index + 1)
            {
                envelope = new Envelope(slot.Message!, slot.Sender);
                slot.Message = null;
                slot.Sender = null;
                Volatile.Write(ref slot.Sequence, index + slots.Length);
                _index = index + 1;
                return true;
            }

            // Leave a frozen ring only once every slot reserved in it was consumed: a producer that
            // reserved one publishes it and then schedules the mailbox, so "nothing yet" is safe.
            var segment = _segment!;
            var next = Volatile.Read(ref segment.Next);
            if (next is null || index != segment.ReservedBeforeFreeze)
            {
                envelope = default;
                return false;
            }
            _segment = next;
            _slots = next.Slots;
            _index = 0;
        }
    }

    /// <summary>True when a message is ready (or may be, across a ring boundary).</summary>
    public bool HasMessages
    {
        get
        {
            var segment = Volatile.Read(ref _segment);
            if (segment is null)
                return false;
            var slots = segment.Slots;
            return Volatile.Read(ref slots[_index & (slots.Length - 1)].Sequence) == _index + 1
                || Volatile.Read(ref segment.Next) is not null;
        }
    }
}
