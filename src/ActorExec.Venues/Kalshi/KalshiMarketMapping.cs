using System.Globalization;
using ActorExec.Trading.Slippage;

namespace ActorExec.Venues.Kalshi;

/// <summary>One configured market as Kalshi lists it.</summary>
/// <param name="Market">Our id.</param>
/// <param name="Ticker">Kalshi's ticker.</param>
/// <param name="Title">Kalshi's title.</param>
/// <param name="Rules">Tick and size rules derived from the market's price structure.</param>
/// <param name="IsOpen">True while Kalshi reports it active.</param>
internal sealed record KalshiListedMarket(MarketId Market, string Ticker, string Title, InstrumentRules Rules, bool IsOpen);

/// <summary>Kalshi market and order-book answers in our terms.</summary>
internal static class KalshiMarketMapping
{
    /// <summary>Statuses after which a market never trades again: configuring one is a mistake.</summary>
    public static bool IsFinal(string? status) => status is "closed" or "determined" or "disputed" or "amended" or "finalized" or "settled";

    /// <summary>Statuses in which the market accepts orders ("open" in older API revisions).</summary>
    public static bool IsOpen(string? status) => status is "active" or "open";

    /// <summary>
    /// Rules from the market's <c>price_ranges</c> (docs.kalshi.com/getting_started/fixed_point_migration):
    /// our rules have one tick, so we take the coarsest step of all ranges, valid everywhere
    /// (tapered_deci_cent: 0.01, losing the 0.001 tails), prices from one tick to 1 − tick. Without
    /// ranges, the named structure decides (deci_cent: 0.001, otherwise cents). Sizes are whole
    /// contracts unless <c>fractional_trading_enabled</c> (then 0.01, Kalshi's minimum granularity).
    /// </summary>
    public static InstrumentRules RulesOf(KalshiMarket market)
    {
        var tick = 0m;
        foreach (var range in market.PriceRanges ?? [])
        {
            if (KalshiJson.TryParse(range.Step, out var step) && step > tick)
                tick = step;
        }
        if (tick <= 0 || tick >= 0.5m)
            tick = market.PriceLevelStructure == "deci_cent" ? 0.001m : 0.01m;
        var increment = market.FractionalTradingEnabled == true ? 0.01m : 1m;
        return new InstrumentRules(tick, increment, tick, 1m - tick, increment);
    }

    /// <summary>
    /// The book from <c>orderbook_fp</c>: Kalshi lists only bids, YES and NO, each ascending
    /// (docs.kalshi.com/getting_started/orderbook_responses). A NO bid at p is a YES ask at 1 − p and
    /// vice versa; every side is returned best first.
    /// </summary>
    public static VenueResult<MarketBook> ToBook(MarketId market, KalshiOrderbook? book, string call, DateTimeOffset now)
    {
        var yes = Levels(book?.YesDollars, call, "yes_dollars");
        if (!yes.TryGetValue(out var yesBids, out var error))
            return error;
        var no = Levels(book?.NoDollars, call, "no_dollars");
        if (!no.TryGetValue(out var noBids, out error))
            return error;
        yesBids.Sort(static (a, b) => b.Price.CompareTo(a.Price));
        noBids.Sort(static (a, b) => b.Price.CompareTo(a.Price));
        var yesAsks = noBids.Where(l => l.Price.Value < 1).Select(l => new BookLevel(new Price(1 - l.Price.Value), l.Size)).ToList();
        var noAsks = yesBids.Where(l => l.Price.Value < 1).Select(l => new BookLevel(new Price(1 - l.Price.Value), l.Size)).ToList();
        return new MarketBook(market, InstrumentKind.Binary, yesBids, yesAsks, noBids, noAsks, now);
    }

    private static VenueResult<List<BookLevel>> Levels(IReadOnlyList<IReadOnlyList<string>>? levels, string call, string field)
    {
        var result = new List<BookLevel>(levels?.Count ?? 0);
        for (var i = 0; i < (levels?.Count ?? 0); i++)
        {
            var level = levels![i];
            if (level is not { Count: >= 2 } || !KalshiJson.TryParse(level[0], out var price) || !KalshiJson.TryParse(level[1], out var size) || price <= 0 || size < 0)
                return new VenueUnavailable($"kalshi: malformed answer to {call}: orderbook_fp.{field}[{i.ToString(CultureInfo.InvariantCulture)}] is not [price_dollars, count_fp]", 200);
            if (size > 0)
                result.Add(new BookLevel(new Price(price), new Quantity(size)));
        }
        return result;
    }
}
