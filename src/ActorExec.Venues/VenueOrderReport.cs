namespace ActorExec.Venues;

/// <summary>An order's status as the venue reports it.</summary>
public enum VenueOrderStatus
{
    /// <summary>Resting in the book, nothing filled.</summary>
    Open,
    /// <summary>Resting with part of it filled.</summary>
    PartiallyFilled,
    /// <summary>Fully matched; on venues that settle on chain, the settlement is still to come.</summary>
    Filled,
    /// <summary>The settlement transaction was mined.</summary>
    Mined,
    /// <summary>Final: settled on chain, or matched on a venue that settles on match.</summary>
    Confirmed,
    /// <summary>The order (or its unfilled remainder) was cancelled, by request or by the venue (IOC/FOK remainder).</summary>
    Cancelled,
    /// <summary>A GTD order reached its expiry; its unfilled remainder is gone.</summary>
    Expired,
    /// <summary>The venue refused the order.</summary>
    Rejected,
    /// <summary>The settlement failed on chain; the order's fills did not happen.</summary>
    Failed,
}

/// <summary>The venue's view of one of our orders.</summary>
/// <param name="VenueOrderId">The venue's id.</param>
/// <param name="ClientOrderId">Our idempotency key, when the order carried one.</param>
/// <param name="Market">The market.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Outcome">The outcome traded (binary markets), else null.</param>
/// <param name="Status">Where the order is.</param>
/// <param name="Size">The order's size (after any amendment).</param>
/// <param name="Filled">Contracts filled so far.</param>
/// <param name="LimitPrice">The limit price, when the order has one.</param>
/// <param name="Fills">Every fill of the order known to the venue, oldest first.</param>
/// <param name="Detail">The venue's reason for a rejection, cancellation or failure.</param>
/// <param name="TransactionHash">The settlement transaction, on chain venues once mined.</param>
/// <param name="UpdatedAt">When the venue last changed the order.</param>
public sealed record VenueOrderReport(
    VenueOrderId VenueOrderId,
    ClientOrderId? ClientOrderId,
    MarketId Market,
    Side Side,
    Outcome? Outcome,
    VenueOrderStatus Status,
    Quantity Size,
    Quantity Filled,
    Price? LimitPrice,
    IReadOnlyList<VenueFill> Fills,
    string? Detail,
    string? TransactionHash,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Size − filled.</summary>
    public Quantity Remaining => Size.Value > Filled.Value ? Size - Filled : Quantity.Zero;

    /// <summary>True while the order can still fill.</summary>
    public bool IsOpen => Status is VenueOrderStatus.Open or VenueOrderStatus.PartiallyFilled;
}

/// <summary>One execution of one of our orders.</summary>
/// <param name="FillId">The venue's id for the fill (stable: fills are deduplicated by it).</param>
/// <param name="VenueOrderId">The order that filled.</param>
/// <param name="ClientOrderId">That order's client order id, when known.</param>
/// <param name="Market">The market.</param>
/// <param name="Side">The order's side.</param>
/// <param name="Outcome">The order's outcome (binary markets), else null.</param>
/// <param name="Quantity">Contracts filled.</param>
/// <param name="Price">Execution price, in the order's own terms (a NO order's price is a NO price).</param>
/// <param name="Fee">Fee charged for this fill.</param>
/// <param name="IsMaker">True when our order was resting (maker), false when it took liquidity.</param>
/// <param name="At">When the venue executed it.</param>
public sealed record VenueFill(
    FillId FillId,
    VenueOrderId VenueOrderId,
    ClientOrderId? ClientOrderId,
    MarketId Market,
    Side Side,
    Outcome? Outcome,
    Quantity Quantity,
    Price Price,
    decimal Fee,
    bool IsMaker,
    DateTimeOffset At);

/// <summary>A page of fills and the cursor that continues after it.</summary>
/// <param name="Fills">The fills, oldest first.</param>
/// <param name="NextCursor">Pass to the next call to continue after the last fill; null when no fill has been returned yet.</param>
public sealed record FillPage(IReadOnlyList<VenueFill> Fills, string? NextCursor);

/// <summary>Our position in one market (and outcome) at a venue.</summary>
/// <param name="Market">The market.</param>
/// <param name="Outcome">The outcome held (binary markets), else null.</param>
/// <param name="Contracts">Signed contracts: positive long, negative short.</param>
public sealed record VenuePosition(MarketId Market, Outcome? Outcome, decimal Contracts);

/// <summary>Whether a venue is serving.</summary>
public enum VenueHealthStatus
{
    /// <summary>Serving normally.</summary>
    Up,
    /// <summary>Serving, but slowly or with errors.</summary>
    Degraded,
    /// <summary>Not serving.</summary>
    Down,
}

/// <summary>A venue's health as last observed.</summary>
/// <param name="Status">Up, degraded or down.</param>
/// <param name="Detail">Why it is not up, or a note.</param>
/// <param name="At">When it was observed.</param>
public sealed record VenueHealth(VenueHealthStatus Status, string? Detail, DateTimeOffset At);
