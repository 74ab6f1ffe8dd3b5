namespace ActorExec.Actors.Internal;

/// <summary>The stash of one actor. Used only on the actor's own turn.</summary>
internal sealed class ActorStash(ActorCell cell) : IStash
{
    private readonly LinkedList<Envelope> _stashed = new();
    private int _lastStashedDelivery = -1;

    public int Count => _stashed.Count;

    public void Stash()
    {
        var current = cell.CurrentEnvelope
            ?? throw new IllegalActorStateException($"{cell.SelfRef.Path}: Stash() can only be called while processing a message");
        if (_stashed.Count > 0 && _lastStashedDelivery == cell.DeliveryNumber)
            throw new IllegalActorStateException($"{cell.SelfRef.Path}: the same message cannot be stashed twice");
        _lastStashedDelivery = cell.DeliveryNumber;
        _stashed.AddLast(current);
    }

    public void Unstash()
    {
        if (_stashed.First is not { } first)
            return;
        _stashed.RemoveFirst();
        cell.PrependToMailbox(first.Value);
    }

    public void UnstashAll() => UnstashAll(static _ => true);

    public void UnstashAll(Func<Envelope, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        // Pushed to the front newest first, so they come out oldest first.
        for (var node = _stashed.Last; node is not null; node = node.Previous)
        {
            if (predicate(node.Value))
                cell.PrependToMailbox(node.Value);
            else
                cell.System.DeadLetter(node.Value.Message, node.Value.Sender, cell.SelfRef);
        }
        _stashed.Clear();
    }

    public IReadOnlyList<Envelope> ClearStash()
    {
        var all = _stashed.ToList();
        _stashed.Clear();
        return all;
    }

    /// <summary>Restart keeps stashed messages: they go back to the mailbox for the new instance.</summary>
    public void PrependAllToMailbox() => UnstashAll();

    /// <summary>A stopped actor's stash becomes dead letters.</summary>
    public void DeadLetterAll()
    {
        foreach (var envelope in _stashed)
            cell.System.DeadLetter(envelope.Message, envelope.Sender, cell.SelfRef);
        _stashed.Clear();
    }
}
