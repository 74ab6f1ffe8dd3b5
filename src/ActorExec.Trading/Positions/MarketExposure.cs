namespace ActorExec.Trading.Positions;

/// <summary>
/// What one market's positions across all venues are worth at resolution: each YES+NO pair pays
/// exactly $1 whichever way the market resolves, so matched pairs lock in a profit (or loss) and
/// only the unmatched remainder is exposed to the outcome.
/// </summary>
/// <remarks>
/// Holdings are netted per outcome across venues; a net short outcome pairs with nothing (it shows
/// as a negative <see cref="YesContracts"/> or <see cref="NoContracts"/>). Costs are net average
/// costs per outcome (total cost basis / net contracts) and exclude fees, which realized P&amp;L
/// already carries.
/// </remarks>
/// <param name="Market">The market.</param>
/// <param name="YesContracts">Net YES contracts across venues.</param>
/// <param name="NoContracts">Net NO contracts across venues.</param>
/// <param name="YesAverageCost">Average cost of the net YES holding; zero when none.</param>
/// <param name="NoAverageCost">Average cost of the net NO holding; zero when none.</param>
/// <param name="MatchedContracts">YES+NO pairs: min(YES, NO), never negative.</param>
/// <param name="UnhedgedOutcome">The outcome held beyond the matched pairs, or null when none is.</param>
/// <param name="UnhedgedContracts">Contracts of <paramref name="UnhedgedOutcome"/> beyond the matched pairs.</param>
/// <param name="MatchedCost">What the matched contracts cost: matched × (YES average + NO average).</param>
/// <param name="GuaranteedProfit">Matched × $1 − <paramref name="MatchedCost"/>: paid at resolution whatever the result.</param>
public sealed record MarketExposure(
    MarketId Market,
    decimal YesContracts,
    decimal NoContracts,
    decimal YesAverageCost,
    decimal NoAverageCost,
    decimal MatchedContracts,
    Outcome? UnhedgedOutcome,
    decimal UnhedgedContracts,
    decimal MatchedCost,
    decimal GuaranteedProfit)
{
    /// <summary>What one matched YES+NO pair pays at resolution.</summary>
    public const decimal PairPayout = 1m;

    /// <summary>Builds the exposure of <paramref name="market"/> from its per-venue positions.</summary>
    /// <exception cref="ArgumentException">A position belongs to another market.</exception>
    public static MarketExposure From(MarketId market, IEnumerable<Position> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        decimal yes = 0m, yesCost = 0m, no = 0m, noCost = 0m;
        foreach (var position in positions)
        {
            if (position.Key.Market != market)
                throw new ArgumentException($"position {position.Key} is not in market {market}", nameof(positions));
            if (position.Key.Outcome == Outcome.Yes)
            {
                yes += position.Contracts;
                yesCost += position.CostBasis;
            }
            else
            {
                no += position.Contracts;
                noCost += position.CostBasis;
            }
        }

        var yesAverage = yes > 0 ? yesCost / yes : 0m;
        var noAverage = no > 0 ? noCost / no : 0m;
        var matched = Math.Max(0m, Math.Min(yes, no));
        var yesLeft = Math.Max(0m, yes) - matched;
        var noLeft = Math.Max(0m, no) - matched;
        var (unhedgedOutcome, unhedged) = yesLeft > 0 ? (Outcome.Yes, yesLeft) : noLeft > 0 ? (Outcome.No, noLeft) : ((Outcome?)null, 0m);
        var matchedCost = matched * yesAverage + matched * noAverage;
        return new MarketExposure(market, yes, no, yesAverage, noAverage, matched, unhedgedOutcome, unhedged, matchedCost, matched * PairPayout - matchedCost);
    }
}
