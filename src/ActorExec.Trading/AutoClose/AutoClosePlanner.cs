namespace ActorExec.Trading.AutoClose;

/// <summary>Decides whether a finished binary arbitrage left an unhedged excess and, if so, how to sell it.</summary>
public sealed class AutoClosePlanner
{
    private readonly AutoCloseOptions _options;

    /// <summary>Creates a planner after validating <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public AutoClosePlanner(AutoCloseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>The validated options every plan is built with.</summary>
    public AutoCloseOptions Options => _options;

    /// <summary>
    /// The plan that sells |YES filled − NO filled| contracts of the over-filled leg, or null when
    /// both legs filled the same quantity and nothing is unhedged.
    /// </summary>
    /// <param name="market">The market both legs traded.</param>
    /// <param name="yesLeg">The leg that bought YES.</param>
    /// <param name="noLeg">The leg that bought NO.</param>
    /// <exception cref="ArgumentException">The over-filled leg has no average fill price.</exception>
    public AutoClosePlan? Plan(MarketId market, ArbitrageLeg yesLeg, ArbitrageLeg noLeg)
    {
        ArgumentNullException.ThrowIfNull(yesLeg);
        ArgumentNullException.ThrowIfNull(noLeg);
        if (yesLeg.Filled == noLeg.Filled)
            return null;

        var (over, outcome, under) = yesLeg.Filled > noLeg.Filled
            ? (yesLeg, Outcome.Yes, noLeg)
            : (noLeg, Outcome.No, yesLeg);
        if (over.AverageFillPrice is not { } startPrice)
        {
            var name = outcome == Outcome.Yes ? nameof(yesLeg) : nameof(noLeg);
            throw new ArgumentException($"{name}.AverageFillPrice is required: the leg filled {over.Filled} contracts and its excess is sold starting at that price", name);
        }

        return new AutoClosePlan(market, over.Venue, outcome, over.Filled - under.Filled, startPrice, over.Rules, over.SettlesOnChain, _options);
    }
}
