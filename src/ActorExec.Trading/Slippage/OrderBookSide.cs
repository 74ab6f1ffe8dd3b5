using System.Collections.Immutable;
using System.Globalization;

namespace ActorExec.Trading.Slippage;

/// <summary>Which side of a book: the bids a sell takes, or the asks a buy takes.</summary>
public enum BookSide
{
    /// <summary>Offers to buy from us, best (highest) first.</summary>
    Bids,

    /// <summary>Offers to sell to us, best (lowest) first.</summary>
    Asks,
}

/// <summary>
/// One side of an order book as an immutable, validated list of levels, best first: asks strictly
/// ascending, bids strictly descending, every size positive. A feed that breaks this is a bug
/// upstream, so construction throws rather than guessing an order.
/// </summary>
public sealed class OrderBookSide
{
    /// <summary>Creates and validates a book side.</summary>
    /// <param name="side">Bids or asks.</param>
    /// <param name="levels">The levels, best first; may be empty.</param>
    /// <exception cref="ArgumentException">A price is not positive, a size is not positive, or the levels are not strictly best-first.</exception>
    public OrderBookSide(BookSide side, IEnumerable<BookLevel> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (!Enum.IsDefined(side))
            throw new ArgumentOutOfRangeException(nameof(side), side, $"{nameof(BookSide)} {(int)side} is not a defined side");
        var copy = levels.ToImmutableArray();
        for (var i = 0; i < copy.Length; i++)
        {
            var level = copy[i];
            if (level.Price.Value <= 0)
                throw new ArgumentException($"levels[{i}].Price must be positive, got {Text(level.Price.Value)}", nameof(levels));
            if (level.Size.Value <= 0)
                throw new ArgumentException($"levels[{i}].Size must be positive, got {Text(level.Size.Value)}", nameof(levels));
            if (i > 0 && !IsBetter(side, copy[i - 1].Price, level.Price))
                throw new ArgumentException(
                    $"{side} must be sorted best first ({(side == BookSide.Asks ? "strictly ascending" : "strictly descending")} prices): levels[{i - 1}].Price {Text(copy[i - 1].Price.Value)} then levels[{i}].Price {Text(level.Price.Value)}",
                    nameof(levels));
        }
        Side = side;
        Levels = copy;
        VisibleSize = new Quantity(copy.Sum(level => level.Size.Value), "visibleSize");
    }

    /// <summary>Bids or asks.</summary>
    public BookSide Side { get; }

    /// <summary>The levels, best first.</summary>
    public ImmutableArray<BookLevel> Levels { get; }

    /// <summary>The size summed over all levels.</summary>
    public Quantity VisibleSize { get; }

    /// <summary>The best level, or null when the side is empty.</summary>
    public BookLevel? Best => Levels.IsEmpty ? null : Levels[0];

    /// <summary>An ask side from levels given best (lowest) first.</summary>
    /// <exception cref="ArgumentException">The levels are invalid (see the constructor).</exception>
    public static OrderBookSide Asks(params BookLevel[] levels) => new(BookSide.Asks, levels);

    /// <summary>A bid side from levels given best (highest) first.</summary>
    /// <exception cref="ArgumentException">The levels are invalid (see the constructor).</exception>
    public static OrderBookSide Bids(params BookLevel[] levels) => new(BookSide.Bids, levels);

    /// <summary>The side an order of <paramref name="side"/> takes liquidity from: asks for a buy, bids for a sell.</summary>
    public static BookSide TakenBy(Side side) => side == Trading.Side.Buy ? BookSide.Asks : BookSide.Bids;

    /// <summary>Takes <paramref name="size"/> from the best level down; fills as much as the side holds.</summary>
    public BookWalk Walk(Quantity size)
    {
        var remaining = size.Value;
        var cost = 0m;
        var levelsUsed = 0;
        foreach (var level in Levels)
        {
            if (remaining == 0)
                break;
            var taken = Math.Min(remaining, level.Size.Value);
            cost += taken * level.Price.Value;
            remaining -= taken;
            levelsUsed++;
        }
        return new BookWalk(new Quantity(size.Value - remaining, "filled"), cost, levelsUsed);
    }

    private static bool IsBetter(BookSide side, Price previous, Price next)
        => side == BookSide.Asks ? next > previous : next < previous;

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
