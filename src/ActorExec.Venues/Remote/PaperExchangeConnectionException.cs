namespace ActorExec.Venues.Remote;

/// <summary>A venue could not be connected to the paper exchange: it is unreachable, or it does not serve that venue.</summary>
/// <param name="uri">The address asked.</param>
/// <param name="error">What went wrong.</param>
public sealed class PaperExchangeConnectionException(Uri uri, VenueError error)
    : Exception($"could not connect to the paper exchange at {uri}: {error}")
{
    /// <summary>The address asked (the venue's capabilities).</summary>
    public Uri Uri { get; } = uri;

    /// <summary>The failure, classified as any venue call's.</summary>
    public VenueError Error { get; } = error;
}
