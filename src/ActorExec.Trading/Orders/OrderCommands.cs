namespace ActorExec.Trading.Orders;

/// <summary>Something asked of an order, or reported about it by its venue; <see cref="OrderDecider"/> turns it into events or a rejection.</summary>
/// <param name="At">When the command was issued or the report received.</param>
public abstract record OrderCommand(DateTimeOffset At);

/// <summary>Accept a new order intent.</summary>
public sealed record SubmitOrder(OrderIntent Intent, DateTimeOffset At) : OrderCommand(At);

/// <summary>We are about to hand the order to the venue: from here its outcome is unknown until the venue answers.</summary>
public sealed record MarkSent(DateTimeOffset At) : OrderCommand(At);

/// <summary>The venue acknowledged the order.</summary>
public sealed record ReportAccepted(VenueOrderId VenueOrderId, DateTimeOffset At) : OrderCommand(At);

/// <summary>The venue refused the order.</summary>
public sealed record ReportRejected(string VenueReason, DateTimeOffset At) : OrderCommand(At);

/// <summary>The venue reported a fill (possibly one seen before).</summary>
public sealed record ReportFill(Fill Fill, VenueOrderId? VenueOrderId, DateTimeOffset At) : OrderCommand(At);

/// <summary>The venue reported the order fully matched (fill details may come separately).</summary>
public sealed record ReportMatched(DateTimeOffset At) : OrderCommand(At);

/// <summary>The venue reported the settlement transaction mined.</summary>
public sealed record ReportMined(string? TransactionHash, DateTimeOffset At) : OrderCommand(At);

/// <summary>The venue reported the trade final.</summary>
public sealed record ReportConfirmed(DateTimeOffset At) : OrderCommand(At);

/// <summary>A strategy or operator asks to cancel the order.</summary>
public sealed record RequestCancel(DateTimeOffset At) : OrderCommand(At);

/// <summary>The venue reported the order (or its remainder) cancelled.</summary>
public sealed record ReportCancelled(CancelReason Reason, DateTimeOffset At) : OrderCommand(At);

/// <summary>The order failed (chain revert, timeout, venue error).</summary>
public sealed record ReportFailed(FailureReason Reason, string Detail, DateTimeOffset At) : OrderCommand(At);

/// <summary>Asked by client order id, the venue did not find the order.</summary>
public sealed record ReportNotFound(DateTimeOffset At) : OrderCommand(At);
