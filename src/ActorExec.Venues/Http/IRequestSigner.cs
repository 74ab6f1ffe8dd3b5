namespace ActorExec.Venues.Http;

/// <summary>
/// Adds a venue's authentication headers to a request. Called once per attempt, just before it is
/// sent, with exactly what goes on the wire, so a signature covers the bytes the venue will see.
/// </summary>
public interface IRequestSigner
{
    /// <summary>Adds the authentication headers to <paramref name="request"/>.</summary>
    /// <param name="request">The request about to be sent (method, URI and content already set).</param>
    /// <param name="path">The URI's absolute path without the query string, e.g. <c>/trade-api/v2/portfolio/orders</c>.</param>
    /// <param name="body">The exact body bytes (empty when the request has none).</param>
    void Sign(HttpRequestMessage request, string path, ReadOnlySpan<byte> body);
}
