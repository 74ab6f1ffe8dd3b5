using ActorExec.Trading.Orders;

namespace ActorExec.Trading.Reconciliation;

/// <summary>One open order as one side of a reconciliation sees it (our journal, or the venue's order list).</summary>
/// <param name="ClientOrderId">The key orders are matched by on both sides.</param>
/// <param name="Venue">Where the order works.</param>
/// <param name="Market">What it trades.</param>
/// <param name="Status">Its status on this side.</param>
/// <param name="Size">Contracts ordered.</param>
/// <param name="Filled">Contracts filled so far.</param>
public sealed record OpenOrderSnapshot(
    ClientOrderId ClientOrderId,
    VenueId Venue,
    MarketId Market,
    OrderStatus Status,
    Quantity Size,
    Quantity Filled);
