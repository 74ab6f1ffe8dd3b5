using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ActorExec.Actors;

namespace ActorExec.Cluster.Delivery;

/// <summary>
/// Gives local actors addresses other nodes can reply to. An address holds its actor weakly, so it never
/// keeps an actor (or an Ask's temporary reference) alive; a reply to one that is gone becomes a dead letter.
/// </summary>
public sealed class ReplyAddresses(long incarnation)
{
    private const int PurgeEvery = 4096;
    private readonly ConditionalWeakTable<IActorRef, StrongBox<ReplyAddress>> _addresses = new();
    private readonly ConcurrentDictionary<long, WeakReference<IActorRef>> _actors = new();
    private long _lastId;

    /// <summary>The incarnation whose inbox these addresses name.</summary>
    public long Incarnation { get; } = incarnation > 0 ? incarnation : throw new ArgumentOutOfRangeException(nameof(incarnation), incarnation, "an incarnation is positive");

    /// <summary>Live addresses (for tests and metrics).</summary>
    public int Count => _actors.Count;

    /// <summary>The address of a local actor, the same on every call while it lives.</summary>
    public ReplyAddress AddressOf(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return _addresses.GetValue(actor, Register).Value;
    }

    /// <summary>The local actor behind an id handed out here, or null when it is gone (or never was).</summary>
    public IActorRef? Resolve(long actorId)
        => _actors.TryGetValue(actorId, out var weak) && weak.TryGetTarget(out var actor) ? actor : null;

    private StrongBox<ReplyAddress> Register(IActorRef actor)
    {
        var id = Interlocked.Increment(ref _lastId);
        _actors[id] = new WeakReference<IActorRef>(actor);
        if (id % PurgeEvery == 0)
            Purge();
        return new StrongBox<ReplyAddress>(new ReplyAddress(Incarnation, id));
    }

    private void Purge()
    {
        foreach (var (id, weak) in _actors)
        {
            if (!weak.TryGetTarget(out _))
                _actors.TryRemove(id, out _);
        }
    }
}
