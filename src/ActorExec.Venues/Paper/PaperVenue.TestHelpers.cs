namespace ActorExec.Venues.Paper;

/// <summary>Direct access to the books, for tests and samples; these bypass latency and faults.</summary>
public sealed partial class PaperVenue
{
    /// <summary>Every order resting in a market's book (YES terms), ours and the liquidity provider's, in priority order.</summary>
    /// <exception cref="ArgumentException">The market is not listed.</exception>
    public PaperBookSnapshot OrderBookOf(MarketId market)
    {
        lock (_gate)
            return _exchange.Snapshot(market, _time.GetUtcNow());
    }

    /// <summary>
    /// Adds a liquidity provider order to a market's YES book (<see cref="Side.Buy"/> is a YES bid). It
    /// trades at once against our resting orders it crosses, and rests otherwise; with the liquidity
    /// provider enabled, its next requote replaces it.
    /// </summary>
    /// <exception cref="ArgumentException">The market is not listed, or the price or quantity is not valid there.</exception>
    public void AddLiquidity(MarketId market, Side side, Price price, Quantity quantity)
    {
        lock (_gate)
            _exchange.AddLiquidity(market, side, price, quantity, _time.GetUtcNow());
    }

    /// <summary>Removes the liquidity provider's orders from a market's book (ours stay).</summary>
    /// <exception cref="ArgumentException">The market is not listed.</exception>
    public void ClearLiquidity(MarketId market)
    {
        lock (_gate)
            _exchange.ClearLiquidity(market, _time.GetUtcNow());
    }

    /// <summary>Opens or closes a market: a closed market refuses new orders; resting ones stay.</summary>
    /// <exception cref="ArgumentException">The market is not listed.</exception>
    public void SetMarketOpen(MarketId market, bool isOpen)
    {
        lock (_gate)
            _exchange.SetOpen(market, isOpen);
    }

    /// <summary>The liquidity provider's current fair value in a market (its anchor when liquidity is disabled).</summary>
    internal double FairValueOf(MarketId market)
    {
        lock (_gate)
            return _exchange.FairValue(market, _time.GetUtcNow());
    }
}
