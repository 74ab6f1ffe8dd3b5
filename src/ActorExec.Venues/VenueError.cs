namespace ActorExec.Venues;

/// <summary>The kinds of venue failure.</summary>
public enum VenueErrorKind
{
    /// <summary>The venue refused the request on its terms (bad price, unknown market, duplicate client order id...).</summary>
    Rejected,
    /// <summary>Too many requests; try again after the delay.</summary>
    RateLimited,
    /// <summary>The connection failed; the request may or may not have reached the venue.</summary>
    Network,
    /// <summary>No answer in time; the request may or may not have taken effect.</summary>
    Timeout,
    /// <summary>Credentials missing, wrong or expired.</summary>
    Auth,
    /// <summary>The venue does not know the order (or market) asked about.</summary>
    NotFound,
    /// <summary>The venue is down or answered with a server error (5xx).</summary>
    Unavailable,
}

/// <summary>
/// A failed venue call. <see cref="IsRetryable"/> says whether the same request may be sent again;
/// <see cref="MayHaveTakenEffect"/> says whether a write (place, cancel, modify) could have been
/// applied despite the failure, in which case the caller must ask the venue before resending.
/// </summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Message">The venue's or the adapter's explanation.</param>
public abstract record VenueError(VenueErrorKind Kind, string Message)
{
    /// <summary>True when sending the same request again can succeed.</summary>
    public abstract bool IsRetryable { get; }

    /// <summary>True when a write may have been applied although the call failed.</summary>
    public abstract bool MayHaveTakenEffect { get; }

    /// <summary>True when the failure says the venue is unhealthy (counts towards a circuit breaker).</summary>
    public bool IsVenueFault => Kind is VenueErrorKind.Network or VenueErrorKind.Timeout or VenueErrorKind.Unavailable or VenueErrorKind.Auth;

    /// <summary>The stable SCREAMING_CODE of the kind.</summary>
    public string Code => Trading.ReasonCodes.Of(Kind);

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}

/// <summary>The venue refused the request; <paramref name="VenueCode"/> is its own code when it gave one.</summary>
public sealed record VenueRejected(string Message, string? VenueCode = null) : VenueError(VenueErrorKind.Rejected, Message)
{
    /// <inheritdoc />
    public override bool IsRetryable => false;

    /// <inheritdoc />
    public override bool MayHaveTakenEffect => false;
}

/// <summary>Throttled by the venue; <paramref name="RetryAfter"/> when it said how long to wait.</summary>
public sealed record VenueRateLimited(string Message, TimeSpan? RetryAfter = null) : VenueError(VenueErrorKind.RateLimited, Message)
{
    /// <inheritdoc />
    public override bool IsRetryable => true;

    /// <inheritdoc />
    public override bool MayHaveTakenEffect => false;
}

/// <summary>The connection failed; <paramref name="RequestSent"/> is false only when the request certainly never left.</summary>
public sealed record VenueNetworkError(string Message, bool RequestSent = true) : VenueError(VenueErrorKind.Network, Message)
{
    /// <inheritdoc />
    public override bool IsRetryable => true;

    /// <inheritdoc />
    public override bool MayHaveTakenEffect => RequestSent;
}

/// <summary>No answer within <paramref name="After"/>.</summary>
public sealed record VenueTimeout(string Message, TimeSpan After) : VenueError(VenueErrorKind.Timeout, Message)
{
    /// <inheritdoc />
    public override bool IsRetryable => true;

    /// <inheritdoc />
    public override bool MayHaveTakenEffect => true;
}

/// <summary>Authentication failed; retrying with the same credentials will not help.</summary>
public sealed record VenueAuthFailed(string Message) : VenueError(VenueErrorKind.Auth, Message)
{
    /// <inheritdoc />
    public override bool IsRetryable => false;

    /// <inheritdoc />
    public override bool MayHaveTakenEffect => false;
}

/// <summary>The venue does not know what was asked about.</summary>
public sealed record VenueNotFound(string Message) : VenueError(VenueErrorKind.NotFound, Message)
{
    /// <inheritdoc />
    public override bool IsRetryable => false;

    /// <inheritdoc />
    public override bool MayHaveTakenEffect => false;
}

/// <summary>The venue is down or failed internally; <paramref name="StatusCode"/> is the HTTP status when there was one.</summary>
public sealed record VenueUnavailable(string Message, int? StatusCode = null) : VenueError(VenueErrorKind.Unavailable, Message)
{
    /// <inheritdoc />
    public override bool IsRetryable => true;

    /// <inheritdoc />
    public override bool MayHaveTakenEffect => true;
}
