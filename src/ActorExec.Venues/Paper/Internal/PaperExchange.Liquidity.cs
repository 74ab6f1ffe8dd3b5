namespace ActorExec.Venues.Paper.Internal;

/// <summary>The liquidity provider's side of the venue: requotes, liquidity added by tests, book snapshots.</summary>
internal sealed partial class PaperExchange
{
    /// <summary>Adds a liquidity provider order (YES terms); it trades against our resting orders like any incoming order.</summary>
    public void AddLiquidity(MarketId id, Side side, Price price, Quantity quantity, DateTimeOffset now)
    {
        var market = RequireMarket(id);
        if (!market.Rules.IsValidPrice(price.Value))
            throw new ArgumentOutOfRangeException(nameof(price), price.Value, $"price {price} is not valid in market '{id}' (bounds or tick size)");
        if (quantity.Value <= 0 || quantity.Value % market.Rules.SizeIncrement != 0)
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity.Value, $"quantity {quantity} must be positive and a multiple of the size increment in market '{id}'");
        Begin(now);
        Touch(market, now);
        PostLiquidity(market, side == Side.Buy, price.Value, quantity.Value, now);
    }

    /// <summary>Removes every liquidity provider order from a market's book (ours stay).</summary>
    public void ClearLiquidity(MarketId id, DateTimeOffset now)
    {
        var market = RequireMarket(id);
        Begin(now);
        Touch(market, now);
        RemoveLiquidity(market);
    }

    public double FairValue(MarketId id, DateTimeOffset now)
    {
        var market = RequireMarket(id);
        Begin(now);
        Touch(market, now);
        return market.Provider?.FairValue ?? (double)market.Definition.Anchor;
    }

    public PaperBookSnapshot Snapshot(MarketId id, DateTimeOffset now)
    {
        var market = RequireMarket(id);
        Begin(now);
        Touch(market, now);
        return new PaperBookSnapshot(id, Entries(market.Book.Bids), Entries(market.Book.Asks), now);
    }

    /// <summary>Cancels every liquidity provider order in the market and posts a fresh ladder around its fair value.</summary>
    private void Requote(MarketState market, DateTimeOffset now)
    {
        RemoveLiquidity(market);
        _quotes.Clear();
        market.Provider!.Quote(_quotes);
        foreach (var quote in _quotes)
            PostLiquidity(market, quote.IsBid, quote.Price, quote.Size, now);
        _quotes.Clear();
    }

    private static void RemoveLiquidity(MarketState market)
    {
        foreach (var order in market.LiquidityOrders)
        {
            if (order.IsResting)
                market.Book.Remove(order);
        }
        market.LiquidityOrders.Clear();
    }

    /// <summary>Posts one liquidity provider order: it takes what crosses (our resting orders are the makers) and rests the rest.</summary>
    private void PostLiquidity(MarketState market, bool isBid, decimal price, decimal size, DateTimeOffset now)
    {
        _executions.Clear();
        var filled = market.Book.Match(isBid, price, size, _executions);
        Settle(taker: null, now);
        if (filled == size)
            return;
        market.PruneLiquidityOrders();
        var order = new BookOrder(++_sequence, isBid, price, size - filled, owner: null);
        market.Book.Rest(order);
        market.LiquidityOrders.Add(order);
    }

    private static PaperBookEntry[] Entries(BookSide side)
    {
        var entries = new List<PaperBookEntry>();
        for (var rank = 0; rank < side.LevelCount; rank++)
        {
            for (var order = side.LevelAt(rank).Head; order is not null; order = order.Next)
            {
                var participant = order.Owner is null ? PaperParticipant.LiquidityProvider : PaperParticipant.Ours;
                entries.Add(new PaperBookEntry(new Price(order.Price), new Quantity(order.Remaining), participant, order.Owner?.Id));
            }
        }
        return [.. entries];
    }
}
