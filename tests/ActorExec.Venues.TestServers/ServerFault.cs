namespace ActorExec.Venues.TestServers;

/// <summary>What a test server does to a request instead of (or after) serving it.</summary>
public enum ServerFaultKind
{
    /// <summary>429 Too Many Requests with a Retry-After header; the request is not served.</summary>
    RateLimited,
    /// <summary>503 with an HTML body; the request is not served.</summary>
    ServerError,
    /// <summary>The request is served, then the answer is held back until the client gives up (a lost acknowledgement).</summary>
    Hang,
    /// <summary>The request is served, then answered 200 with a body that is not JSON.</summary>
    MalformedJson,
}

/// <summary>A fault injected into the next matching requests.</summary>
/// <param name="Kind">What happens.</param>
/// <param name="Method">The HTTP method it applies to, or null for any.</param>
/// <param name="PathContains">A fragment of the path it applies to, or null for any.</param>
/// <param name="RetryAfter">The Retry-After sent with <see cref="ServerFaultKind.RateLimited"/>.</param>
public sealed record ServerFault(ServerFaultKind Kind, string? Method = null, string? PathContains = null, TimeSpan? RetryAfter = null)
{
    /// <summary>True when the fault applies to this request.</summary>
    public bool Matches(string method, string path)
        => (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
           && (PathContains is null || path.Contains(PathContains, StringComparison.Ordinal));
}
