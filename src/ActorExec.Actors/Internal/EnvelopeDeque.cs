namespace ActorExec.Actors.Internal;

/// <summary>A small growable double-ended queue for messages placed in front of the mailbox (unstashed ones).</summary>
internal sealed class EnvelopeDeque
{
    private Envelope[] _items = new Envelope[4];
    private int _head;
    private int _count;

    public int Count => _count;

    public void PushFront(Envelope envelope)
    {
        EnsureCapacity();
        _head = (_head - 1 + _items.Length) % _items.Length;
        _items[_head] = envelope;
        _count++;
    }

    public Envelope PopFront()
    {
        if (_count == 0)
            throw new InvalidOperationException("The deque is empty");
        var envelope = _items[_head];
        _items[_head] = default;
        _head = (_head + 1) % _items.Length;
        _count--;
        return envelope;
    }

    private void EnsureCapacity()
    {
        if (_count < _items.Length)
            return;
        var larger = new Envelope[_items.Length * 2];
        for (var i = 0; i < _count; i++)
            larger[i] = _items[(_head + i) % _items.Length];
        _items = larger;
        _head = 0;
    }
}
