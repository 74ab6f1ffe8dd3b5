using System.Collections.Concurrent;
using ActorExec.Actors.Internal;

namespace ActorExec.Actors;

/// <summary>
/// Publish/subscribe by message type within one actor system. A subscriber to a type receives
/// every published message assignable to it (so subscribing to <c>object</c> receives all).
/// Stopped subscribers are dropped automatically.
/// </summary>
public sealed class EventStream
{
    private readonly object _gate = new();
    private volatile Snapshot _snapshot = new([]);

    /// <summary>
    /// The subscriptions and the subscribers resolved per message type for exactly those
    /// subscriptions. A change replaces the whole snapshot, so a publish that resolved against an
    /// older one can only fill that older cache, never the current one.
    /// </summary>
    private sealed class Snapshot((Type Channel, IActorRef Subscriber)[] subscriptions)
    {
        public (Type Channel, IActorRef Subscriber)[] Subscriptions { get; } = subscriptions;

        public ConcurrentDictionary<Type, IActorRef[]> Resolved { get; } = new();

        public IActorRef[] Resolve(Type messageType)
            => Subscriptions.Where(s => s.Channel.IsAssignableFrom(messageType)).Select(s => s.Subscriber).Distinct().ToArray();
    }

    /// <summary>Subscribes to messages assignable to <typeparamref name="T"/>; false if already subscribed.</summary>
    public bool Subscribe<T>(IActorRef subscriber) => Subscribe(subscriber, typeof(T));

    /// <summary>Subscribes to messages assignable to <paramref name="channel"/>; false if already subscribed.</summary>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            var current = _snapshot.Subscriptions;
            if (Array.IndexOf(current, (channel, subscriber)) >= 0)
                return false;
            _snapshot = new Snapshot([.. current, (channel, subscriber)]);
            return true;
        }
    }

    /// <summary>Ends one subscription; false if there was none.</summary>
    public bool Unsubscribe(IActorRef subscriber, Type channel)
        => Remove(s => s.Subscriber.Equals(subscriber) && s.Channel == channel);

    /// <summary>Ends every subscription of <paramref name="subscriber"/>; false if there were none.</summary>
    public bool Unsubscribe(IActorRef subscriber) => Remove(s => s.Subscriber.Equals(subscriber));

    /// <summary>Delivers <paramref name="message"/> to every subscriber of a type it is assignable to.</summary>
    public void Publish(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var snapshot = _snapshot;
        var subscribers = snapshot.Resolved.GetOrAdd(message.GetType(), snapshot.Resolve);
        foreach (var subscriber in subscribers)
        {
            if (subscriber is IInternalActorRef { IsTerminated: true })
                Unsubscribe(subscriber);
            else
                subscriber.Tell(message, null);
        }
    }

    private bool Remove(Func<(Type Channel, IActorRef Subscriber), bool> match)
    {
        lock (_gate)
        {
            var current = _snapshot.Subscriptions;
            var kept = current.Where(s => !match(s)).ToArray();
            if (kept.Length == current.Length)
                return false;
            _snapshot = new Snapshot(kept);
            return true;
        }
    }
}
