namespace ActorExec.Actors;

/// <summary>
/// Timers owned by one actor: each sends a message to the actor itself. Starting a timer with a
/// key that is in use replaces it. All timers are cancelled when the actor stops or restarts, and a
/// timer message already queued when its timer is cancelled or replaced is not delivered.
/// </summary>
public interface ITimerScheduler
{
    /// <summary>Sends <paramref name="message"/> once, after <paramref name="timeout"/>.</summary>
    void StartSingleTimer(object key, object message, TimeSpan timeout);

    /// <summary>Sends <paramref name="message"/> every <paramref name="interval"/>, the first time after one interval.</summary>
    void StartPeriodicTimer(object key, object message, TimeSpan interval);

    /// <summary>Sends <paramref name="message"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval);

    /// <summary>True while a timer with this key is pending.</summary>
    bool IsTimerActive(object key);

    /// <summary>Cancels the timer with this key, if any.</summary>
    void Cancel(object key);

    /// <summary>Cancels every timer of this actor.</summary>
    void CancelAll();
}

/// <summary>Implemented by actors that use timers; the kernel sets <see cref="Timers"/> before PreStart.</summary>
public interface IWithTimers
{
    /// <summary>This actor's timers.</summary>
    ITimerScheduler Timers { get; set; }
}
