namespace ActorExec.Venues;

/// <summary>
/// A live venue could not be connected at start: unreachable, credentials refused, a configured market
/// unknown or closed. The message names the venue, the address or setting and the venue's answer, never
/// a secret.
/// </summary>
/// <param name="venue">The venue.</param>
/// <param name="problem">What went wrong, e.g. <c>market fed-dec: ticker KXFED-25DEC-T4.00 is not listed (HTTP 404)</c>.</param>
/// <param name="error">The failed call's classified error, when a call failed.</param>
public sealed class VenueConnectionException(VenueId venue, string problem, VenueError? error = null)
    : Exception($"could not connect to venue {venue}: {problem}")
{
    /// <summary>The venue.</summary>
    public VenueId Venue { get; } = venue;

    /// <summary>The failed call's error, when there was one.</summary>
    public VenueError? Error { get; } = error;
}
