namespace ActorExec.Venues.Paper.Internal;

/// <summary>
/// One side of a book: price levels kept sorted worst to best, so the best level is the last one and
/// consuming it is O(1); a side rarely holds more than a dozen levels, so inserts stay cheap.
/// </summary>
internal sealed class BookSide(bool isBid)
{
    private readonly List<PriceLevel> _levels = [];

    public bool IsBid { get; } = isBid;

    public int LevelCount => _levels.Count;

    public PriceLevel? Best => _levels.Count == 0 ? null : _levels[^1];

    /// <summary>The level <paramref name="rank"/> places behind the best (0 is the best).</summary>
    public PriceLevel LevelAt(int rank) => _levels[_levels.Count - 1 - rank];

    public void Add(BookOrder order)
    {
        var index = Search(order.Price);
        PriceLevel level;
        if (index >= 0)
        {
            level = _levels[index];
        }
        else
        {
            level = new PriceLevel(order.Price);
            _levels.Insert(~index, level);
        }
        level.Append(order);
    }

    public void Remove(BookOrder order)
    {
        var level = order.Level ?? throw new InvalidOperationException("the order is not resting");
        level.Remove(order);
        if (level.IsEmpty)
            RemoveLevel(level);
    }

    public void RemoveLevel(PriceLevel level)
    {
        if (_levels.Count > 0 && ReferenceEquals(_levels[^1], level))
        {
            _levels.RemoveAt(_levels.Count - 1);
            return;
        }
        var index = Search(level.Price);
        if (index >= 0)
            _levels.RemoveAt(index);
    }

    /// <summary>True when an incoming order on the other side with <paramref name="limit"/> (null: no limit) can trade at <paramref name="price"/> of this side.</summary>
    public bool IsMarketable(decimal price, decimal? limit)
        => limit is not { } l || (IsBid ? price >= l : price <= l);

    /// <summary>Binary search in worst-to-best order: bids ascend in price, asks descend.</summary>
    private int Search(decimal price)
    {
        int lo = 0, hi = _levels.Count - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var cmp = _levels[mid].Price.CompareTo(price);
            if (!IsBid)
                cmp = -cmp;
            if (cmp == 0)
                return mid;
            if (cmp < 0)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        return ~lo;
    }
}
