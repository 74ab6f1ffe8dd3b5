namespace ActorExec.Trading.Orders;

/// <summary>
/// What a strategy asked for: the immutable terms of one order. Validate it with
/// <see cref="OrderValidation"/> before submitting.
/// </summary>
/// <param name="OrderId">Our identity for the order.</param>
/// <param name="ClientOrderId">The idempotency key sent to the venue.</param>
/// <param name="Venue">Where the order goes.</param>
/// <param name="Market">The market (instrument) it trades.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Outcome">For binary markets, the outcome traded; null for other instruments.</param>
/// <param name="Type">Limit, market or post-only.</param>
/// <param name="TimeInForce">How long it works.</param>
/// <param name="Size">How many contracts.</param>
/// <param name="LimitPrice">The limit price; required for limit and post-only orders, absent for market orders.</param>
/// <param name="ExpiresAt">When a GTD order expires; required for GTD, absent otherwise.</param>
public sealed record OrderIntent(
    OrderId OrderId,
    ClientOrderId ClientOrderId,
    VenueId Venue,
    MarketId Market,
    Side Side,
    Outcome? Outcome,
    OrderType Type,
    TimeInForce TimeInForce,
    Quantity Size,
    Price? LimitPrice = null,
    DateTimeOffset? ExpiresAt = null);

/// <summary>One execution reported by a venue.</summary>
/// <param name="FillId">The venue's id for the fill; fills are deduplicated by it.</param>
/// <param name="Quantity">Contracts filled; positive.</param>
/// <param name="Price">The execution price.</param>
/// <param name="Fee">Fee charged for this fill, in quote currency (may be zero).</param>
/// <param name="At">When the venue executed it.</param>
public sealed record Fill(FillId FillId, Quantity Quantity, Price Price, decimal Fee, DateTimeOffset At);
