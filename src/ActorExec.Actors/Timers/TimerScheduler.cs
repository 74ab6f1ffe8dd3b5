using ActorExec.Actors.Internal;

namespace ActorExec.Actors.Internal;

/// <summary>A timer's message in the mailbox, tagged so that a cancelled or replaced timer's message is dropped.</summary>
internal sealed class TimerMessage : AutoReceivedMessage
{
    public TimerMessage(object key, object payload, int generation)
    {
        Key = key;
        Payload = payload;
        Generation = generation;
    }

    public object Key { get; }
    public object Payload { get; }
    public int Generation { get; }
}

/// <summary>The timers of one actor, on the system's <see cref="TimeProvider"/>. Used only on the actor's turn.</summary>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, Entry> _timers = [];
    private int _generation;

    public void StartSingleTimer(object key, object message, TimeSpan timeout)
        => Start(key, message, timeout, Timeout.InfiniteTimeSpan);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval)
        => Start(key, message, interval, interval);

    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "A periodic timer's interval must be positive");
        Start(key, message, initialDelay, interval);
    }

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var entry))
            entry.Timer.Dispose();
    }

    public void CancelAll()
    {
        foreach (var entry in _timers.Values)
            entry.Timer.Dispose();
        _timers.Clear();
    }

    /// <summary>Returns the payload to deliver, or null when the timer was cancelled or replaced.</summary>
    public object? Accept(TimerMessage message)
    {
        if (!_timers.TryGetValue(message.Key, out var entry) || entry.Message != message)
            return null;
        if (!entry.Periodic)
        {
            _timers.Remove(message.Key);
            entry.Timer.Dispose();
        }
        return message.Payload;
    }

    private void Start(object key, object message, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        if (dueTime < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "A timer's delay must not be negative");
        Cancel(key);
        var tagged = new TimerMessage(key, message, ++_generation);
        // The callback only enqueues, so it is safe on the timer's thread.
        var timer = cell.System.TimeProvider.CreateTimer(
            static state => { var (target, msg) = ((LocalActorRef, TimerMessage))state!; target.Tell(msg, null); },
            (cell.SelfRef, tagged), dueTime, period);
        _timers[key] = new Entry(timer, tagged, period != Timeout.InfiniteTimeSpan);
    }

    private sealed record Entry(ITimer Timer, TimerMessage Message, bool Periodic);
}
