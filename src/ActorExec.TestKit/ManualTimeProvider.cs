namespace ActorExec.TestKit;

/// <summary>
/// A virtual clock: time stands still until the test calls <see cref="Advance"/>, which fires every
/// timer that falls due on the way, in due-time order, each with the clock set to its due time.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly DateTimeOffset _epoch;
    private long _elapsedTicks;
    private long _sequence;

    /// <summary>Starts the clock at <paramref name="start"/> (2026-01-01T00:00Z by default).</summary>
    public ManualTimeProvider(DateTimeOffset? start = null) => _epoch = start ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Virtual time elapsed since the clock was created.</summary>
    public TimeSpan Elapsed
    {
        get
        {
            lock (_gate)
                return TimeSpan.FromTicks(_elapsedTicks);
        }
    }

    /// <summary>Timers that are armed and have not fired (periodic ones count while active).</summary>
    public int ActiveTimerCount
    {
        get
        {
            lock (_gate)
                return _timers.Count;
        }
    }

    /// <summary>How long until the earliest armed timer falls due (zero when one is already due), or null when none is armed.</summary>
    public TimeSpan? NextTimerDueIn
    {
        get
        {
            lock (_gate)
                return _timers.Count == 0 ? null : TimeSpan.FromTicks(Math.Max(0, _timers.Min(t => t.DueTicks) - _elapsedTicks));
        }
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
            return _epoch.AddTicks(_elapsedTicks);
    }

    /// <inheritdoc />
    public override long GetTimestamp()
    {
        lock (_gate)
            return _elapsedTicks;
    }

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// Moves the clock forward, firing due timers in order on the calling thread. Calls are
    /// serialised (a callback may advance the clock further); the clock never moves backwards.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The step is negative.</exception>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        long target;
        lock (_gate)
            target = _elapsedTicks + by.Ticks;

        while (true)
        {
            ManualTimer? due;
            lock (_gate)
            {
                due = _timers.Where(t => t.DueTicks <= target).OrderBy(t => t.DueTicks).ThenBy(t => t.Sequence).FirstOrDefault();
                if (due is null)
                {
                    // A nested or concurrent Advance may already have gone further.
                    _elapsedTicks = Math.Max(_elapsedTicks, target);
                    return;
                }
                _elapsedTicks = Math.Max(_elapsedTicks, due.DueTicks);
                if (due.PeriodTicks > 0)
                {
                    due.DueTicks += due.PeriodTicks;
                    due.Sequence = ++_sequence;
                }
                else
                {
                    _timers.Remove(due);
                }
            }
            due.Fire();
        }
    }

    private void Arm(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "A timer's due time must not be negative");
        lock (_gate)
        {
            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
                return;
            timer.DueTicks = _elapsedTicks + dueTime.Ticks;
            timer.PeriodTicks = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? 0 : period.Ticks;
            timer.Sequence = ++_sequence;
            _timers.Add(timer);
        }
    }

    private void Disarm(ManualTimer timer)
    {
        lock (_gate)
            _timers.Remove(timer);
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private volatile bool _disposed;
        public long DueTicks;
        public long PeriodTicks;
        public long Sequence;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            // Like the system timer: a disposed timer cannot be re-armed.
            if (_disposed)
                return false;
            owner.Arm(this, dueTime, period);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            _disposed = true;
            owner.Disarm(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
