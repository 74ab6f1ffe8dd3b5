using System.Globalization;

namespace ActorExec.Trading.Positions;

/// <summary>One execution as positions see it: what was traded where, at what price and fee, and when.</summary>
public sealed record ExecutedFill
{
    /// <summary>Creates a fill after checking that it moves contracts at a real price and that its fee is not negative.</summary>
    /// <param name="market">The market traded.</param>
    /// <param name="venue">The venue that executed it.</param>
    /// <param name="outcome">The outcome traded.</param>
    /// <param name="side">Buy adds contracts, sell removes them.</param>
    /// <param name="quantity">Contracts executed; positive.</param>
    /// <param name="price">The execution price.</param>
    /// <param name="fee">The fee charged, in quote currency; not negative.</param>
    /// <param name="at">When the venue executed it; its UTC date is the trading day its P&amp;L belongs to.</param>
    /// <exception cref="ArgumentException"><paramref name="quantity"/> is zero, <paramref name="price"/> is the default (zero), or <paramref name="fee"/> is negative.</exception>
    public ExecutedFill(MarketId market, VenueId venue, Outcome outcome, Side side, Quantity quantity, Price price, decimal fee, DateTimeOffset at)
    {
        if (quantity.IsZero)
            throw new ArgumentException("quantity of an executed fill must be positive, got 0", nameof(quantity));
        if (price.Value <= 0)
            throw new ArgumentException($"price of an executed fill must be positive, got {price}", nameof(price));
        if (fee < 0)
            throw new ArgumentException($"fee of an executed fill must not be negative, got {fee.ToString(CultureInfo.InvariantCulture)}", nameof(fee));
        Market = market;
        Venue = venue;
        Outcome = outcome;
        Side = side;
        Quantity = quantity;
        Price = price;
        Fee = fee;
        At = at;
    }

    /// <summary>The market traded.</summary>
    public MarketId Market { get; }

    /// <summary>The venue that executed it.</summary>
    public VenueId Venue { get; }

    /// <summary>The outcome traded.</summary>
    public Outcome Outcome { get; }

    /// <summary>Buy adds contracts, sell removes them.</summary>
    public Side Side { get; }

    /// <summary>Contracts executed; positive.</summary>
    public Quantity Quantity { get; }

    /// <summary>The execution price.</summary>
    public Price Price { get; }

    /// <summary>The fee charged, in quote currency; not negative.</summary>
    public decimal Fee { get; }

    /// <summary>When the venue executed it.</summary>
    public DateTimeOffset At { get; }

    /// <summary>The position this fill changes.</summary>
    public PositionKey Key => new(Market, Venue, Outcome);

    /// <summary>The UTC calendar day the fill's realized P&amp;L is booked on.</summary>
    public DateOnly TradingDay => DateOnly.FromDateTime(At.UtcDateTime);

    /// <summary>The quantity with the side's sign: positive for a buy, negative for a sell.</summary>
    public decimal SignedQuantity => Side.Sign() * Quantity.Value;
}
