using ActorExec.Trading.Orders;

namespace ActorExec.Venues;

/// <summary>
/// Trading on one venue. Every call returns a <see cref="VenueResult{T}"/>: expected failures
/// (refusals, throttling, outages, timeouts) are values carrying a typed <see cref="VenueError"/>;
/// an exception means a bug in the adapter. Implementations are thread-safe.
/// </summary>
public interface IVenueAdapter
{
    /// <summary>The venue this adapter trades on.</summary>
    VenueId Venue { get; }

    /// <summary>What the venue supports and how it settles.</summary>
    VenueCapabilities Capabilities { get; }

    /// <summary>
    /// Sends a new order; the venue matches it at once and the report says what happened (resting,
    /// filled, cancelled, rejected). The client order id is the idempotency key: a venue that saw it
    /// before refuses the order rather than place it twice.
    /// </summary>
    ValueTask<VenueResult<VenueOrderReport>> PlaceAsync(OrderIntent intent, CancellationToken cancellationToken = default);

    /// <summary>Cancels the unfilled remainder of an order; cancelling an order that is no longer open reports its current state.</summary>
    ValueTask<VenueResult<VenueOrderReport>> CancelAsync(VenueOrderId order, CancellationToken cancellationToken = default);

    /// <summary>Changes the price and/or size of a resting order (only when <see cref="VenueCapabilities.SupportsModify"/>).</summary>
    ValueTask<VenueResult<VenueOrderReport>> ModifyAsync(VenueOrderId order, Price? newPrice, Quantity? newSize, CancellationToken cancellationToken = default);

    /// <summary>The venue's current view of an order, by the venue's id.</summary>
    ValueTask<VenueResult<VenueOrderReport>> GetOrderAsync(VenueOrderId order, CancellationToken cancellationToken = default);

    /// <summary>
    /// The venue's current view of the order sent for <paramref name="intent"/>, found by its client order
    /// id; <see cref="VenueErrorKind.NotFound"/> when the venue never saw it. The whole intent is passed so
    /// a venue without client order ids (Polymarket) can rebuild the order's venue id from its terms, and
    /// one that filters by market (Kalshi) can narrow the search.
    /// </summary>
    ValueTask<VenueResult<VenueOrderReport>> FindOrderAsync(OrderIntent intent, CancellationToken cancellationToken = default);

    /// <summary>Our orders resting at the venue, optionally in one market.</summary>
    ValueTask<VenueResult<IReadOnlyList<VenueOrderReport>>> GetOpenOrdersAsync(MarketId? market = null, CancellationToken cancellationToken = default);

    /// <summary>Our fills after <paramref name="cursor"/> (null: from the first), oldest first, at most <paramref name="limit"/>.</summary>
    ValueTask<VenueResult<FillPage>> GetFillsAsync(string? cursor, int limit, CancellationToken cancellationToken = default);

    /// <summary>Our positions at the venue (signed contracts; zero positions may be omitted).</summary>
    ValueTask<VenueResult<IReadOnlyList<VenuePosition>>> GetPositionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether the venue is reachable and serving.</summary>
    ValueTask<VenueResult<VenueHealth>> GetHealthAsync(CancellationToken cancellationToken = default);
}
