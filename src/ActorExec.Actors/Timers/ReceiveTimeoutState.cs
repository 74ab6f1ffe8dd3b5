namespace ActorExec.Actors.Internal;

/// <summary>The mailbox tick that makes an actor check whether its receive timeout has passed.</summary>
internal sealed class ReceiveTimeoutTick : AutoReceivedMessage
{
    public static readonly ReceiveTimeoutTick Instance = new();
    private ReceiveTimeoutTick() { }
}

/// <summary>
/// Receive timeout without re-arming a timer per message: each message only records the time; when
/// the timer fires, the actor checks the idle time and either delivers ReceiveTimeout or re-arms
/// for the remainder.
/// </summary>
internal sealed class ReceiveTimeoutState : IDisposable
{
    private readonly ITimer _timer;
    private long _lastActivity;

    public ReceiveTimeoutState(ActorCell cell, TimeSpan duration, TimeProvider time)
    {
        Duration = duration;
        _lastActivity = time.GetTimestamp();
        _timer = time.CreateTimer(static state => ((LocalActorRef)state!).Tell(ReceiveTimeoutTick.Instance, null),
            cell.SelfRef, duration, Timeout.InfiniteTimeSpan);
    }

    public TimeSpan Duration { get; }

    public void Touch(TimeProvider time) => _lastActivity = time.GetTimestamp();

    /// <summary>True when the actor has been idle for the whole duration; re-arms the timer either way.</summary>
    public bool IsDue(TimeProvider time)
    {
        var idle = time.GetElapsedTime(_lastActivity);
        if (idle >= Duration)
        {
            _lastActivity = time.GetTimestamp();
            _timer.Change(Duration, Timeout.InfiniteTimeSpan);
            return true;
        }
        _timer.Change(Duration - idle, Timeout.InfiniteTimeSpan);
        return false;
    }

    public void Dispose() => _timer.Dispose();
}
