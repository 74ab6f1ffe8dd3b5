using ActorExec.Trading.Orders;

namespace ActorExec.Engine;

/// <summary>A call to a venue, sent to its <c>VenueSupervisor</c> inside a <see cref="VenueRequest"/>.</summary>
public abstract record VenueCall
{
    /// <summary>True for calls that change state at the venue (rate-limited as writes).</summary>
    public abstract bool IsWrite { get; }

    /// <summary>True when a failed attempt may be resent as is; false for writes that could double-apply.</summary>
    public virtual bool IsIdempotent => !IsWrite;
}

/// <summary>Place an order.</summary>
public sealed record PlaceCall(OrderIntent Intent) : VenueCall
{
    /// <inheritdoc />
    public override bool IsWrite => true;
}

/// <summary>Cancel an order.</summary>
public sealed record CancelCall(VenueOrderId Order) : VenueCall
{
    /// <inheritdoc />
    public override bool IsWrite => true;

    /// <inheritdoc />
    public override bool IsIdempotent => true;
}

/// <summary>Amend a resting order.</summary>
public sealed record ModifyCall(VenueOrderId Order, Price? NewPrice, Quantity? NewSize) : VenueCall
{
    /// <inheritdoc />
    public override bool IsWrite => true;
}

/// <summary>Read an order by the venue's id.</summary>
public sealed record GetOrderCall(VenueOrderId Order) : VenueCall
{
    /// <inheritdoc />
    public override bool IsWrite => false;
}

/// <summary>Find the order sent for an intent (by its client order id) before the venue's id is known.</summary>
public sealed record FindOrderCall(OrderIntent Intent) : VenueCall
{
    /// <inheritdoc />
    public override bool IsWrite => false;
}

/// <summary>Read our open orders.</summary>
public sealed record GetOpenOrdersCall(MarketId? Market) : VenueCall
{
    /// <inheritdoc />
    public override bool IsWrite => false;
}

/// <summary>Read our fills after a cursor.</summary>
public sealed record GetFillsCall(string? Cursor, int Limit) : VenueCall
{
    /// <inheritdoc />
    public override bool IsWrite => false;
}

/// <summary>Read our positions.</summary>
public sealed record GetPositionsCall : VenueCall
{
    /// <summary>The one instance.</summary>
    public static readonly GetPositionsCall Instance = new();

    /// <inheritdoc />
    public override bool IsWrite => false;
}

/// <summary>Read the venue's health.</summary>
public sealed record GetHealthCall : VenueCall
{
    /// <summary>The one instance.</summary>
    public static readonly GetHealthCall Instance = new();

    /// <inheritdoc />
    public override bool IsWrite => false;
}

/// <summary>Read a market's book.</summary>
public sealed record GetBookCall(MarketId Market) : VenueCall
{
    /// <inheritdoc />
    public override bool IsWrite => false;
}

/// <summary>List the venue's markets.</summary>
public sealed record GetMarketsCall : VenueCall
{
    /// <summary>The one instance.</summary>
    public static readonly GetMarketsCall Instance = new();

    /// <inheritdoc />
    public override bool IsWrite => false;
}

/// <summary>A call to a venue; the supervisor answers the sender with a <see cref="VenueReply"/> carrying the same correlation id.</summary>
public sealed record VenueRequest(long CorrelationId, VenueCall Call);

/// <summary>
/// The answer to a <see cref="VenueRequest"/>: the call's value (a <see cref="VenueOrderReport"/>,
/// <see cref="FillPage"/>, list of positions… by call) or the error. Every request gets exactly one reply.
/// </summary>
public sealed record VenueReply(long CorrelationId, VenueCall Call, object? Value, VenueError? Error, int Attempts)
{
    /// <summary>True when the call succeeded.</summary>
    public bool IsSuccess => Error is null;

    /// <summary>The value as <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidOperationException">The call failed or returned another type.</exception>
    public T ValueAs<T>() => Value is T value ? value : throw new InvalidOperationException($"{Call} returned {Value?.GetType().Name ?? "nothing"} ({Error}), not {typeof(T).Name}");
}

/// <summary>The supervisor refused the call locally because the venue's circuit breaker is open; nothing was sent.</summary>
public sealed record BreakerOpenError(VenueId Venue, DateTimeOffset RetryAt)
    : VenueError(VenueErrorKind.Unavailable, $"circuit breaker of venue {Venue} is open until {RetryAt:O}; nothing was sent")
{
    /// <inheritdoc />
    public override bool IsRetryable => true;

    /// <inheritdoc />
    public override bool MayHaveTakenEffect => false;
}

/// <summary>States of a circuit breaker.</summary>
public enum BreakerState
{
    /// <summary>Calls flow.</summary>
    Closed,
    /// <summary>Calls are refused until the open period ends.</summary>
    Open,
    /// <summary>One trial call is let through; its outcome closes or re-opens the breaker.</summary>
    HalfOpen,
}

/// <summary>Published on the event stream (and logged) whenever a breaker changes state.</summary>
/// <param name="Name">What the breaker guards: a venue id, or <c>hedge:KEY</c> for a hedge's execution breaker.</param>
/// <param name="From">The previous state.</param>
/// <param name="To">The new state.</param>
/// <param name="Reason">Why it changed.</param>
/// <param name="At">When.</param>
public sealed record BreakerStateChanged(string Name, BreakerState From, BreakerState To, string Reason, DateTimeOffset At);
