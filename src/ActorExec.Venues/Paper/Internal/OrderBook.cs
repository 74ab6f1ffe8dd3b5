namespace ActorExec.Venues.Paper.Internal;

/// <summary>One trade between an incoming order and a resting one, at the resting order's (YES) price.</summary>
internal readonly record struct Execution(BookOrder Maker, decimal Quantity, decimal Price);

/// <summary>
/// A central limit order book with price-time priority, in YES terms for binary markets. It knows
/// nothing of owners, fees or reports: matching yields <see cref="Execution"/>s for the caller.
/// </summary>
internal sealed class OrderBook
{
    public BookSide Bids { get; } = new(isBid: true);

    public BookSide Asks { get; } = new(isBid: false);

    public BookSide SideOf(bool isBid) => isBid ? Bids : Asks;

    /// <summary>True when an incoming order would trade at once.</summary>
    public bool IsMarketable(bool isBid, decimal? limit)
    {
        var opposite = SideOf(!isBid);
        return opposite.Best is { } best && opposite.IsMarketable(best.Price, limit);
    }

    /// <summary>Size an incoming order could take now, counting no further than <paramref name="wanted"/>.</summary>
    public decimal Available(bool isBid, decimal? limit, decimal wanted)
    {
        var opposite = SideOf(!isBid);
        var total = 0m;
        for (var rank = 0; rank < opposite.LevelCount && total < wanted; rank++)
        {
            var level = opposite.LevelAt(rank);
            if (!opposite.IsMarketable(level.Price, limit))
                break;
            total += level.Total;
        }
        return total;
    }

    /// <summary>
    /// Matches an incoming order against the other side, best price first and oldest first within a
    /// price; makers that fill completely leave the book. Returns the size filled.
    /// </summary>
    public decimal Match(bool isBid, decimal? limit, decimal quantity, List<Execution> executions)
    {
        var opposite = SideOf(!isBid);
        var left = quantity;
        while (left > 0 && opposite.Best is { } level && opposite.IsMarketable(level.Price, limit))
        {
            while (left > 0 && level.Head is { } maker)
            {
                var traded = Math.Min(left, maker.Remaining);
                left -= traded;
                executions.Add(new Execution(maker, traded, level.Price));
                if (traded == maker.Remaining)
                {
                    level.Remove(maker);
                    maker.Remaining = 0;
                }
                else
                    level.Resize(maker, maker.Remaining - traded);
            }
            if (level.IsEmpty)
                opposite.RemoveLevel(level);
        }
        return quantity - left;
    }

    public void Rest(BookOrder order) => SideOf(order.IsBid).Add(order);

    public void Remove(BookOrder order) => SideOf(order.IsBid).Remove(order);
}
