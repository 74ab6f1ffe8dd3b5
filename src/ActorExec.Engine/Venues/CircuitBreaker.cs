namespace ActorExec.Engine.Venues;

/// <summary>
/// A circuit breaker as a small state machine over explicit time: it opens after
/// <see cref="FailureThreshold"/> consecutive failures, lets one trial call through once
/// <see cref="OpenDuration"/> has passed (half-open), closes when the trial succeeds and re-opens when
/// it fails. Not thread-safe: one actor owns each breaker; others read <see cref="VenueStatus"/>.
/// </summary>
public sealed class CircuitBreaker
{
    private BreakerState _state = BreakerState.Closed;
    private DateTimeOffset _openUntil;
    private bool _trialInFlight;

    /// <summary>Creates a closed breaker.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is below 1 or the open period is not positive.</exception>
    public CircuitBreaker(string name, int failureThreshold, TimeSpan openDuration)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (failureThreshold < 1)
            throw new ArgumentOutOfRangeException(nameof(failureThreshold), failureThreshold, $"breaker '{name}': the failure threshold must be at least 1");
        if (openDuration <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(openDuration), openDuration, $"breaker '{name}': the open duration must be positive");
        Name = name;
        FailureThreshold = failureThreshold;
        OpenDuration = openDuration;
    }

    /// <summary>What the breaker guards.</summary>
    public string Name { get; }

    /// <summary>Consecutive failures that open it.</summary>
    public int FailureThreshold { get; }

    /// <summary>How long it stays open before a trial.</summary>
    public TimeSpan OpenDuration { get; }

    /// <summary>Failures in a row since the last success.</summary>
    public int ConsecutiveFailures { get; private set; }

    /// <summary>When an open breaker lets a trial through.</summary>
    public DateTimeOffset OpenUntil => _openUntil;

    /// <summary>The state at <paramref name="now"/> (an open breaker whose period ended is half-open).</summary>
    public BreakerState StateAt(DateTimeOffset now)
        => _state == BreakerState.Open && now >= _openUntil ? BreakerState.HalfOpen : _state;

    /// <summary>True when a new call would be let through at <paramref name="now"/> (closed, or half-open with no trial running).</summary>
    public bool WouldPass(DateTimeOffset now) => StateAt(now) switch
    {
        BreakerState.Closed => true,
        BreakerState.HalfOpen => !_trialInFlight,
        _ => false,
    };

    /// <summary>Asks to make one call: true when it may go; a half-open breaker lets exactly one trial through.</summary>
    public bool TryPass(DateTimeOffset now, out BreakerStateChanged? change)
    {
        change = null;
        if (_state == BreakerState.Open && now >= _openUntil)
            change = MoveTo(BreakerState.HalfOpen, $"open period of {OpenDuration} ended; one trial call allowed", now);
        switch (_state)
        {
            case BreakerState.Closed:
                return true;
            case BreakerState.HalfOpen when !_trialInFlight:
                _trialInFlight = true;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Records a successful call; closes a half-open breaker.</summary>
    public BreakerStateChanged? OnSuccess(DateTimeOffset now)
    {
        ConsecutiveFailures = 0;
        _trialInFlight = false;
        return _state == BreakerState.Closed ? null : MoveTo(BreakerState.Closed, "a call succeeded", now);
    }

    /// <summary>Records a failed call; opens the breaker at the threshold, or re-opens it when the trial failed.</summary>
    public BreakerStateChanged? OnFailure(DateTimeOffset now, string reason)
    {
        ConsecutiveFailures++;
        var trialFailed = _state == BreakerState.HalfOpen;
        _trialInFlight = false;
        if (!trialFailed && (_state == BreakerState.Open || ConsecutiveFailures < FailureThreshold))
            return null;
        _openUntil = now + OpenDuration;
        var why = trialFailed
            ? $"the trial call failed ({reason})"
            : $"{ConsecutiveFailures} consecutive failures (last: {reason})";
        return MoveTo(BreakerState.Open, why, now);
    }

    /// <summary>Records that a call let through was abandoned without an outcome (frees the half-open trial slot).</summary>
    public void OnAbandoned() => _trialInFlight = false;

    private BreakerStateChanged MoveTo(BreakerState next, string reason, DateTimeOffset now)
    {
        var change = new BreakerStateChanged(Name, _state, next, reason, now);
        _state = next;
        return change;
    }
}
