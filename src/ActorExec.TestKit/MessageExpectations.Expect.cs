using ActorExec.Actors;

namespace ActorExec.TestKit;

/// <summary>The ExpectMsg family.</summary>
public abstract partial class MessageExpectations
{
    /// <summary>Expects the next message to be a <typeparamref name="T"/> (matching <paramref name="predicate"/>, if given).</summary>
    public async Task<T> ExpectMsgAsync<T>(Func<T, bool>? predicate = null, TimeSpan? timeout = null, string? hint = null)
    {
        var what = $"Expected a message of type {typeof(T).Name}{(hint is null ? "" : $" ({hint})")}";
        var received = await ReceiveOneAsync(timeout, what).ConfigureAwait(false);
        if (received.Message is not T typed)
            throw Failure($"{what}, but received {received}");
        if (predicate is not null && !predicate(typed))
            throw Failure($"{what} matching the predicate, but received {received}");
        return typed;
    }

    /// <summary>Synchronous <see cref="ExpectMsgAsync{T}(Func{T, bool}?, TimeSpan?, string?)"/>.</summary>
    public T ExpectMsg<T>(Func<T, bool>? predicate = null, TimeSpan? timeout = null, string? hint = null)
        => Wait(ExpectMsgAsync(predicate, timeout, hint));

    /// <summary>Expects the next message to equal <paramref name="expected"/>.</summary>
    public async Task<T> ExpectMsgAsync<T>(T expected, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var what = $"Expected {ReceivedMessage.Describe(expected)}";
        var received = await ReceiveOneAsync(timeout, what).ConfigureAwait(false);
        if (received.Message is not T typed || !EqualityComparer<T>.Default.Equals(typed, expected))
            throw Failure($"{what}, but received {received}");
        return typed;
    }

    /// <summary>Synchronous <see cref="ExpectMsgAsync{T}(T, TimeSpan?)"/>.</summary>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null) => Wait(ExpectMsgAsync(expected, timeout));

    /// <summary>Expects that no message arrives for <paramref name="duration"/> (the configured short wait by default).</summary>
    public async Task ExpectNoMsgAsync(TimeSpan? duration = null)
    {
        var wait = duration ?? Options.DefaultNoMessageWait;
        var received = await TryReceiveAsync(wait).ConfigureAwait(false);
        if (received is not null)
            throw Failure($"Expected no message for {Ms(wait)}, but received {received}");
    }

    /// <summary>Synchronous <see cref="ExpectNoMsgAsync"/>.</summary>
    public void ExpectNoMsg(TimeSpan? duration = null) => Wait(ExpectNoMsgAsync(duration));

    /// <summary>Expects exactly these messages next, in any order, within <paramref name="timeout"/> in total.</summary>
    public async Task<IReadOnlyList<object>> ExpectMsgAllOfAsync(TimeSpan? timeout, params object[] messages)
    {
        var max = timeout ?? RemainingOrDefault;
        var deadline = Clock.Elapsed + max;
        var missing = messages.ToList();
        var received = new List<object>();
        while (missing.Count > 0)
        {
            var next = await TryReceiveAsync(deadline - Clock.Elapsed).ConfigureAwait(false)
                ?? throw Failure($"Expected all of [{string.Join(", ", messages.Select(ReceivedMessage.Describe))}] within {Ms(max)}, but these never arrived: [{string.Join(", ", missing.Select(ReceivedMessage.Describe))}]");
            var index = missing.FindIndex(m => Equals(m, next.Message));
            if (index < 0)
                throw Failure($"Expected one of [{string.Join(", ", missing.Select(ReceivedMessage.Describe))}], but received {next}");
            missing.RemoveAt(index);
            received.Add(next.Message);
        }
        return received;
    }

    /// <summary>Synchronous <see cref="ExpectMsgAllOfAsync"/> with the default timeout.</summary>
    public IReadOnlyList<object> ExpectMsgAllOf(params object[] messages) => Wait(ExpectMsgAllOfAsync(null, messages));

    /// <summary>Synchronous <see cref="ExpectMsgAllOfAsync"/>.</summary>
    public IReadOnlyList<object> ExpectMsgAllOf(TimeSpan timeout, params object[] messages) => Wait(ExpectMsgAllOfAsync(timeout, messages));

    /// <summary>Expects the next message to be the <see cref="Terminated"/> of <paramref name="actor"/> (watch it first).</summary>
    public Task<Terminated> ExpectTerminatedAsync(IActorRef actor, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ExpectMsgAsync<Terminated>(t => t.ActorRef.Equals(actor), timeout, $"Terminated of {actor.Path}");
    }

    /// <summary>Synchronous <see cref="ExpectTerminatedAsync"/>.</summary>
    public Terminated ExpectTerminated(IActorRef actor, TimeSpan? timeout = null) => Wait(ExpectTerminatedAsync(actor, timeout));

    /// <summary>Discards messages until one satisfies <paramref name="isTheOne"/>, and returns it.</summary>
    public async Task<object> FishForMessageAsync(Func<object, bool> isTheOne, TimeSpan? timeout = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(isTheOne);
        var max = timeout ?? RemainingOrDefault;
        var deadline = Clock.Elapsed + max;
        var discarded = 0;
        while (true)
        {
            var next = await TryReceiveAsync(deadline - Clock.Elapsed).ConfigureAwait(false)
                ?? throw Failure($"Fished for a message{(hint is null ? "" : $" ({hint})")} for {Ms(max)} and discarded {discarded} without finding it");
            if (isTheOne(next.Message))
                return next.Message;
            discarded++;
        }
    }

    /// <summary>Synchronous <see cref="FishForMessageAsync"/>.</summary>
    public object FishForMessage(Func<object, bool> isTheOne, TimeSpan? timeout = null, string? hint = null)
        => Wait(FishForMessageAsync(isTheOne, timeout, hint));

    /// <summary>Typed <see cref="FishForMessageAsync"/>: discards messages until a <typeparamref name="T"/> satisfies the predicate.</summary>
    public async Task<T> FishForMessageAsync<T>(Func<T, bool>? isTheOne = null, TimeSpan? timeout = null)
        => (T)await FishForMessageAsync(m => m is T t && (isTheOne is null || isTheOne(t)), timeout, typeof(T).Name).ConfigureAwait(false);

    /// <summary>Synchronous <see cref="FishForMessageAsync{T}"/>.</summary>
    public T FishForMessage<T>(Func<T, bool>? isTheOne = null, TimeSpan? timeout = null) => Wait(FishForMessageAsync(isTheOne, timeout));

    /// <summary>
    /// Collects <c>filter(message)</c> while it returns non-null, up to <paramref name="maxMessages"/>,
    /// within <paramref name="max"/> overall and <paramref name="idle"/> between messages. The first
    /// message the filter rejects stays in the inbox.
    /// </summary>
    public async Task<IReadOnlyList<T>> ReceiveWhileAsync<T>(Func<object, T?> filter, TimeSpan? max = null, TimeSpan? idle = null, int maxMessages = int.MaxValue)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(filter);
        var deadline = Clock.Elapsed + (max ?? RemainingOrDefault);
        var results = new List<T>();
        while (results.Count < maxMessages)
        {
            var left = deadline - Clock.Elapsed;
            var wait = idle is { } gap && gap < left ? gap : left;
            if (wait <= TimeSpan.Zero)
                break;
            var next = await Queue.TryTakeAsync(wait).ConfigureAwait(false);
            if (next is null)
                break;
            if (filter(next.Message) is not { } value)
            {
                PutBack(next);
                break;
            }
            Remember(next);
            results.Add(value);
        }
        return results;
    }

    /// <summary>Synchronous <see cref="ReceiveWhileAsync{T}"/>.</summary>
    public IReadOnlyList<T> ReceiveWhile<T>(Func<object, T?> filter, TimeSpan? max = null, TimeSpan? idle = null, int maxMessages = int.MaxValue)
        where T : class
        => Wait(ReceiveWhileAsync(filter, max, idle, maxMessages));
}
