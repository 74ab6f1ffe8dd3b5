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
    private readonly ConcurrentDictionary<Type, IActorRef[]> _resolved = new();
    private (Type Channel, IActorRef Subscriber)[] _subscriptions = [];

    /// <summary>Subscribes to messages assignable to <typeparamref name="T"/>; false if already subscribed.</summary>
    public bool Subscribe<T>(IActorRef subscriber) => Subscribe(subscriber, typeof(T));

    /// <summary>Subscribes to messages assignable to <paramref name="channel"/>; false if already subscribed.</summary>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            if (Array.IndexOf(_subscriptions, (channel, subscriber)) >= 0)
                return false;
            _subscriptions = [.. _subscriptions, (channel, subscriber)];
            _resolved.Clear();
            return true;
        }
    }

    /// <summary>Ends one subscription; false if there was none.</summary>
    public bool Unsubscribe(IActorRef subscriber, Type channel)
    {
        lock (_gate)
            return Remove(s => s.Subscriber.Equals(subscriber) && s.Channel == channel);
    }

    /// <summary>Ends every subscription of <paramref name="subscriber"/>; false if there were none.</summary>
    public bool Unsubscribe(IActorRef subscriber)
    {
        lock (_gate)
            return Remove(s => s.Subscriber.Equals(subscriber));
    }

    /// <summary>Delivers <paramref name="message"/> to every subscriber of a type it is assignable to.</summary>
    public void Publish(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var subscribers = _resolved.GetOrAdd(message.GetType(), Resolve);
        foreach (var subscriber in subscribers)
        {
            if (subscriber is IInternalActorRef { IsTerminated: true })
                Unsubscribe(subscriber);
            else
                subscriber.Tell(message, null);
        }
    }

    private IActorRef[] Resolve(Type messageType)
    {
        var subscriptions = Volatile.Read(ref _subscriptions);
        return subscriptions.Where(s => s.Channel.IsAssignableFrom(messageType)).Select(s => s.Subscriber).Distinct().ToArray();
    }

    private bool Remove(Func<(Type Channel, IActorRef Subscriber), bool> match)
    {
        var kept = _subscriptions.Where(s => !match(s)).ToArray();
        if (kept.Length == _subscriptions.Length)
            return false;
        _subscriptions = kept;
        _resolved.Clear();
        return true;
    }
}
