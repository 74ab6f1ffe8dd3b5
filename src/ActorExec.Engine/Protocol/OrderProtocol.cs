using ActorExec.Trading.Orders;

namespace ActorExec.Engine;

/// <summary>Asks an order actor to accept an intent: the first time it is journaled and sent; again, it is answered, never resent.</summary>
public sealed record StartOrder(OrderIntent Intent);

/// <summary>Asks an order actor to cancel its order (the unfilled remainder).</summary>
public sealed record RequestOrderCancel
{
    /// <summary>The one instance.</summary>
    public static readonly RequestOrderCancel Instance = new();
}

/// <summary>Asks an order actor to read its order from the venue now (reconciliation found a difference, or an operator asked).</summary>
public sealed record RefreshOrder(string Reason);

/// <summary>Hands an order actor the venue's report of its order (from reconciliation's open-order listing).</summary>
public sealed record ApplyVenueReport(VenueOrderReport Report);

/// <summary>
/// Sent by an order actor to its parent whenever its order changed (and once after recovery or a
/// repeated intent): the full, immutable state.
/// </summary>
/// <param name="Order">The order as journaled.</param>
/// <param name="Duplicate">True when this answers an intent seen before.</param>
public sealed record OrderUpdated(Order Order, bool Duplicate = false);

/// <summary>Sent by an order actor when it refuses a request (invalid or conflicting intent, nothing to cancel, journal failure).</summary>
public sealed record OrderRefused(ClientOrderId ClientOrderId, ExecutionError Error);

/// <summary>
/// Sent by an order actor when the venue has not told it the order's outcome within the confirmation
/// timeout; it keeps asking, at the longest polling interval, until it knows.
/// </summary>
public sealed record OrderOutcomeUnknown(ClientOrderId ClientOrderId, Order? Order, DateTimeOffset Since);
