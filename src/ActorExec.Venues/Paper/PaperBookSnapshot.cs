namespace ActorExec.Venues.Paper;

/// <summary>Who owns an order resting in a paper book.</summary>
public enum PaperParticipant
{
    /// <summary>Our account: an order placed through <see cref="PaperVenue.PlaceAsync"/>.</summary>
    Ours,

    /// <summary>The simulated liquidity provider (its quotes, or liquidity a test added).</summary>
    LiquidityProvider,
}

/// <summary>One order resting in a paper book, in YES terms for binary markets.</summary>
/// <param name="Price">Its YES price (the linear book's price).</param>
/// <param name="Remaining">Its unfilled size.</param>
/// <param name="Participant">Ours or the liquidity provider's.</param>
/// <param name="Order">Our venue order id; null for the liquidity provider.</param>
public sealed record PaperBookEntry(Price Price, Quantity Remaining, PaperParticipant Participant, VenueOrderId? Order);

/// <summary>
/// Every order resting in one paper book, in priority order: best price first, then arrival. Binary
/// books are kept in YES terms (a Buy NO at p rests as a YES ask at 1 − p).
/// </summary>
/// <param name="Market">The market.</param>
/// <param name="Bids">YES bids, highest first.</param>
/// <param name="Asks">YES asks, lowest first.</param>
/// <param name="At">When the snapshot was taken.</param>
public sealed record PaperBookSnapshot(MarketId Market, IReadOnlyList<PaperBookEntry> Bids, IReadOnlyList<PaperBookEntry> Asks, DateTimeOffset At)
{
    /// <summary>True when the best bid is at or above the best ask (which a working matcher never leaves).</summary>
    public bool IsCrossed => Bids.Count > 0 && Asks.Count > 0 && Bids[0].Price >= Asks[0].Price;
}
