using System.Collections.Immutable;

namespace ActorExec.Trading.Positions;

/// <summary>
/// Every position the system holds, per market, venue and outcome, with realized P&amp;L per UTC
/// trading day. Immutable and deterministic: <see cref="ApplyFill"/> returns a new book, and the
/// same fills in the same order always give the same book.
/// </summary>
public sealed class PositionBook
{
    /// <summary>A book with no positions and no P&amp;L.</summary>
    public static readonly PositionBook Empty = new(
        ImmutableSortedDictionary<PositionKey, Position>.Empty,
        ImmutableSortedDictionary<DateOnly, decimal>.Empty,
        0m);

    private PositionBook(
        ImmutableSortedDictionary<PositionKey, Position> positions,
        ImmutableSortedDictionary<DateOnly, decimal> realizedByDay,
        decimal totalRealizedPnl)
    {
        Positions = positions;
        RealizedPnlByDay = realizedByDay;
        TotalRealizedPnl = totalRealizedPnl;
    }

    /// <summary>Every key that has ever been traded, in <see cref="PositionKey"/> order; flat positions stay to keep their fees and realized P&amp;L.</summary>
    public ImmutableSortedDictionary<PositionKey, Position> Positions { get; }

    /// <summary>Realized P&amp;L per UTC trading day, only for days that had fills.</summary>
    public ImmutableSortedDictionary<DateOnly, decimal> RealizedPnlByDay { get; }

    /// <summary>Realized P&amp;L of every fill applied, net of fees.</summary>
    public decimal TotalRealizedPnl { get; }

    /// <summary>Applies <paramref name="fills"/> in order to an empty book.</summary>
    public static PositionBook FromFills(IEnumerable<ExecutedFill> fills)
    {
        ArgumentNullException.ThrowIfNull(fills);
        var book = Empty;
        foreach (var fill in fills)
            book = book.ApplyFill(fill);
        return book;
    }

    /// <summary>
    /// Rebuilds a book from stored positions and realized P&amp;L per day (a snapshot of a read model),
    /// so it need not be folded again from every fill.
    /// </summary>
    /// <exception cref="ArgumentException">Two positions share a key.</exception>
    public static PositionBook Restore(IEnumerable<Position> positions, IEnumerable<KeyValuePair<DateOnly, decimal>> realizedPnlByDay)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(realizedPnlByDay);
        var byKey = ImmutableSortedDictionary.CreateBuilder<PositionKey, Position>();
        foreach (var position in positions)
        {
            if (!byKey.TryAdd(position.Key, position))
                throw new ArgumentException($"position {position.Key} appears twice", nameof(positions));
        }
        var byDay = ImmutableSortedDictionary.CreateRange(realizedPnlByDay);
        return new PositionBook(byKey.ToImmutable(), byDay, byDay.Values.Sum());
    }

    /// <summary>The book after <paramref name="fill"/>: its position updated and its realized P&amp;L booked on the fill's UTC day.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="fill"/> is null.</exception>
    public PositionBook ApplyFill(ExecutedFill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var (position, realized) = Get(fill.Key).Apply(fill);
        var day = fill.TradingDay;
        return new PositionBook(
            Positions.SetItem(fill.Key, position),
            RealizedPnlByDay.SetItem(day, RealizedPnlByDay.GetValueOrDefault(day) + realized),
            TotalRealizedPnl + realized);
    }

    /// <summary>The position in <paramref name="key"/>; flat when it was never traded.</summary>
    public Position Get(PositionKey key) => Positions.TryGetValue(key, out var position) ? position : Position.Flat(key);

    /// <summary>Realized P&amp;L of the fills executed on <paramref name="utcDay"/> (a UTC calendar day), zero when none were.</summary>
    public decimal DailyRealizedPnl(DateOnly utcDay) => RealizedPnlByDay.GetValueOrDefault(utcDay);

    /// <summary>The market's positions across venues, matched YES+NO pairs and unhedged remainder.</summary>
    public MarketExposure Exposure(MarketId market)
        => MarketExposure.From(market, Positions.Values.Where(p => p.Key.Market == market));

    /// <summary>Contracts held per key, without flat keys: the book's side of a reconciliation.</summary>
    public ImmutableSortedDictionary<PositionKey, decimal> OpenContracts()
        => Positions.Values.Where(p => !p.IsFlat).ToImmutableSortedDictionary(p => p.Key, p => p.Contracts);
}
