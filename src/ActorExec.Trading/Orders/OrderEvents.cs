namespace ActorExec.Trading.Orders;

/// <summary>The kinds of order event; the transition table is keyed by (status, kind).</summary>
public enum OrderEventKind
{
    /// <summary>The intent was accepted (creates the order).</summary>
    Submitted,
    /// <summary>The request was handed to the venue; its outcome is unknown until the venue answers.</summary>
    Sent,
    /// <summary>The venue acknowledged the order.</summary>
    Placed,
    /// <summary>The venue refused the order.</summary>
    Rejected,
    /// <summary>A fill that leaves part of the order unfilled.</summary>
    PartialFill,
    /// <summary>A fill that completes the order.</summary>
    CompletingFill,
    /// <summary>The venue reported the order fully matched (fill details may follow).</summary>
    Matched,
    /// <summary>The settlement transaction was mined.</summary>
    Mined,
    /// <summary>The trade is final.</summary>
    Confirmed,
    /// <summary>A strategy asked to cancel the order.</summary>
    CancelRequested,
    /// <summary>The order (or its remainder) is cancelled.</summary>
    Cancelled,
    /// <summary>The order failed.</summary>
    Failed,
    /// <summary>Fills were voided by a failed settlement.</summary>
    FillsVoided,
    /// <summary>The venue did not find the order when asked.</summary>
    NotFound,
}

/// <summary>Why an order was cancelled.</summary>
public enum CancelReason
{
    /// <summary>A strategy or operator asked for it.</summary>
    Requested,
    /// <summary>Cancelled before it was ever sent to the venue.</summary>
    NeverSent,
    /// <summary>A GTD order reached its expiry.</summary>
    Expired,
    /// <summary>The venue cancelled it (e.g. the unfilled remainder of an IOC/FAK order, or a FOK that could not fill).</summary>
    ByVenue,
}

/// <summary>Why an order failed.</summary>
public enum FailureReason
{
    /// <summary>The settlement transaction reverted on chain; its fills are voided.</summary>
    ChainReverted,
    /// <summary>The venue never gave a final answer in time.</summary>
    Timeout,
    /// <summary>The venue could not find the order after repeated queries.</summary>
    Lost,
    /// <summary>The venue returned an error that is not a rejection of the order's terms.</summary>
    VenueError,
}

/// <summary>Something that happened to an order; the journal stores these, replay rebuilds the order from them.</summary>
/// <param name="At">When it happened (venue time for venue reports, our clock for our own actions).</param>
public abstract record OrderEvent(DateTimeOffset At)
{
    /// <summary>The kind of event, which the transition table is keyed by.</summary>
    public abstract OrderEventKind Kind { get; }
}

/// <summary>The intent was accepted and journaled; nothing has been sent yet.</summary>
public sealed record OrderSubmitted(OrderIntent Intent, DateTimeOffset At) : OrderEvent(At)
{
    /// <inheritdoc />
    public override OrderEventKind Kind => OrderEventKind.Submitted;
}

/// <summary>The request was handed to the venue (attempt number <paramref name="Attempt"/>); outcome unknown.</summary>
public sealed record OrderSent(int Attempt, DateTimeOffset At) : OrderEvent(At)
{
    /// <inheritdoc />
    public override OrderEventKind Kind => OrderEventKind.Sent;
}

/// <summary>The venue acknowledged the order; <paramref name="Implied"/> when inferred from a later report that arrived first.</summary>
public sealed record OrderPlaced(VenueOrderId? VenueOrderId, bool Implied, DateTimeOffset At) : OrderEvent(At)
{
    /// <inheritdoc />
    public override OrderEventKind Kind => OrderEventKind.Placed;
}

/// <summary>The venue refused the order, with its own reason text.</summary>
public sealed record OrderRejected(string VenueReason, DateTimeOffset At) : OrderEvent(At)
{
    /// <inheritdoc />
    public override OrderEventKind Kind => OrderEventKind.Rejected;
}

/// <summary>A fill was applied; <paramref name="Completes"/> when it brought the filled quantity to the order's size.</summary>
public sealed record OrderFilled(Fill Fill, bool Completes, DateTimeOffset At) : OrderEvent(At)
{
    /// <inheritdoc />
    public override OrderEventKind Kind => Completes ? OrderEventKind.CompletingFill : OrderEventKind.PartialFill;
}

/// <summary>The order is fully matched; <paramref name="Implied"/> when inferred from a later report (mined, confirmed).</summary>
public sealed record OrderMatched(bool Implied, DateTimeOffset At) : OrderEvent(At)
{
    /// <inheritdoc />
    public override OrderEventKind Kind => OrderEventKind.Matched;
}

/// <summary>The settlement transaction was mined.</summary>
public sealed record OrderMined(string? TransactionHash, DateTimeOffset At) : OrderEvent(At)
{
    /// <inheritdoc />
    public override OrderEventKind Kind => OrderEventKind.Mined;
}

/// <summary>The trade is final.</summary>
public sealed record OrderConfirmed(DateTimeOffset At) : OrderEvent(At)
{
    /// <inheritdoc />
    public override OrderEventKind Kind => OrderEventKind.Confirmed;
}

/// <summary>A cancel was requested; the venue has still to confirm it.</summary>
public sealed record OrderCancelRequested(DateTimeOffset At) : OrderEvent(At)
{
    /// <inheritdoc />
    public override OrderEventKind Kind => OrderEventKind.CancelRequested;
}

/// <summary>The order (or its unfilled remainder) is cancelled; fills already applied stay.</summary>
public sealed record OrderCancelled(CancelReason Reason, DateTimeOffset At) : OrderEvent(At)
{
    /// <inheritdoc />
    public override OrderEventKind Kind => OrderEventKind.Cancelled;
}

/// <summary>The order failed.</summary>
public sealed record OrderFailed(FailureReason Reason, string Detail, DateTimeOffset At) : OrderEvent(At)
{
    /// <inheritdoc />
    public override OrderEventKind Kind => OrderEventKind.Failed;
}

/// <summary>A failed settlement voided these fills; positions built from them must be reversed.</summary>
public sealed record FillsVoided(IReadOnlyList<FillId> FillIds, Quantity Quantity, DateTimeOffset At) : OrderEvent(At)
{
    /// <inheritdoc />
    public override OrderEventKind Kind => OrderEventKind.FillsVoided;
}

/// <summary>The venue did not find the order; <paramref name="ConsecutiveCount"/> counts answers in a row.</summary>
public sealed record OrderNotFound(int ConsecutiveCount, DateTimeOffset At) : OrderEvent(At)
{
    /// <inheritdoc />
    public override OrderEventKind Kind => OrderEventKind.NotFound;
}
