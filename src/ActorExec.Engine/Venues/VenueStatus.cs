namespace ActorExec.Engine.Venues;

/// <summary>
/// A venue's published status, written by its supervisor and read by any actor without a message
/// round trip (market actors consult it before every execution). Fields are replaced whole and read
/// with volatile semantics; readers see a recent, consistent value, never a torn one.
/// </summary>
public sealed class VenueStatus(VenueId venue)
{
    private volatile BreakerSnapshot _breaker = new(BreakerState.Closed, DateTimeOffset.MinValue);
    private volatile bool _reconciled;

    /// <summary>The venue.</summary>
    public VenueId Venue { get; } = venue;

    /// <summary>The breaker as last published.</summary>
    public BreakerSnapshot Breaker => _breaker;

    /// <summary>True once the venue has been reconciled since start-up; intents wait for it.</summary>
    public bool IsReconciled => _reconciled;

    /// <summary>True when the breaker would let new work through at <paramref name="now"/>.</summary>
    public bool AcceptsWork(DateTimeOffset now)
    {
        var breaker = _breaker;
        return breaker.State == BreakerState.Closed || (breaker.State == BreakerState.Open && now >= breaker.OpenUntil) || breaker.State == BreakerState.HalfOpen;
    }

    internal void Publish(BreakerState state, DateTimeOffset openUntil, int consecutiveFailures)
    {
        var current = _breaker;
        if (current.State != state || current.OpenUntil != openUntil || current.ConsecutiveFailures != consecutiveFailures)
            _breaker = new BreakerSnapshot(state, openUntil, consecutiveFailures);
    }

    internal void MarkReconciled() => _reconciled = true;

    /// <summary>A breaker state, when open until when, and the venue faults in a row so far.</summary>
    public sealed record BreakerSnapshot(BreakerState State, DateTimeOffset OpenUntil, int ConsecutiveFailures = 0);
}
