namespace ActorExec.Trading.Positions;

/// <summary>
/// What is held in one <see cref="PositionKey"/>, valued at average cost: a buy adds contracts and
/// cost, a sell removes them; reducing a position realizes P&amp;L against the average entry price.
/// </summary>
/// <remarks>
/// Fees are expensed when paid: every fill's fee is subtracted from realized P&amp;L on the fill's
/// day, opening fills included, and never enters the cost basis. So the average entry price is a
/// pure price, and realized P&amp;L over a position's life is its trading result net of all fees.
/// </remarks>
/// <param name="Key">Which market, venue and outcome.</param>
/// <param name="Contracts">Contracts held, signed: positive long, negative short, zero flat.</param>
/// <param name="CostBasis">What the open contracts cost at their entry prices, signed like <paramref name="Contracts"/> (a short's basis is the proceeds received).</param>
/// <param name="FeesPaid">All fees paid on this key, for the life of the book.</param>
/// <param name="RealizedPnl">P&amp;L realized on this key, net of all fees, for the life of the book.</param>
public sealed record Position(PositionKey Key, decimal Contracts, decimal CostBasis, decimal FeesPaid, decimal RealizedPnl)
{
    /// <summary>A flat position with no history.</summary>
    public static Position Flat(PositionKey key) => new(key, 0m, 0m, 0m, 0m);

    /// <summary>The average price of the open contracts (positive for longs and shorts alike); zero when flat.</summary>
    public decimal AverageEntryPrice => Contracts == 0 ? 0m : CostBasis / Contracts;

    /// <summary>True when no contracts are held.</summary>
    public bool IsFlat => Contracts == 0;

    /// <summary>
    /// The position after <paramref name="fill"/>, and the P&amp;L the fill realized: the part that
    /// reduces the position realizes (price − average) × quantity for a long, (average − price) ×
    /// quantity for a short; the rest, if it crosses zero, opens the other way at the fill price.
    /// </summary>
    /// <exception cref="ArgumentException">The fill is for another key.</exception>
    public (Position Position, decimal Realized) Apply(ExecutedFill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (fill.Key != Key)
            throw new ArgumentException($"fill for {fill.Key} cannot be applied to position {Key}", nameof(fill));

        var quantity = fill.Quantity.Value;
        var price = fill.Price.Value;
        var direction = fill.Side.Sign();
        var contracts = Contracts;
        var costBasis = CostBasis;
        var realized = -fill.Fee;

        var reducing = contracts != 0 && Math.Sign(contracts) != direction;
        var opening = quantity;
        if (reducing)
        {
            var held = Math.Abs(contracts);
            var closed = Math.Min(quantity, held);
            // Multiply before dividing, and take the whole basis on a full close, so a round trip
            // leaves no residue from a repeating average.
            var basisClosed = closed == held ? costBasis : costBasis * closed / held;
            realized += Math.Sign(contracts) * closed * price - basisClosed;
            contracts -= Math.Sign(contracts) * closed;
            costBasis -= basisClosed;
            opening = quantity - closed;
        }

        if (opening > 0)
        {
            contracts += direction * opening;
            costBasis += direction * opening * price;
        }

        var next = new Position(Key, contracts, contracts == 0 ? 0m : costBasis, FeesPaid + fill.Fee, RealizedPnl + realized);
        return (next, realized);
    }
}
