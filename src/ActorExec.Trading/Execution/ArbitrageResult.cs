namespace ActorExec.Trading.Execution;

/// <summary>Why a market was not an arbitrage; <see cref="ArbitrageRejection.Code"/> gives the stable code.</summary>
/// <remarks>Declared in the order the check applies them, which is also how far a direction got.</remarks>
public enum ArbitrageRejectionReason
{
    /// <summary>A best ask is missing or shows less than the liquidity minimum (default 1 contract).</summary>
    NoLiquidity,

    /// <summary>After capping by liquidity, risk and venue maximums and rounding to both size increments, the size is below a venue's minimum.</summary>
    SizeBelowMinimum,

    /// <summary>The profit per contract after fees is below the threshold.</summary>
    ProfitBelowThreshold,
}

/// <summary>The outcome of <see cref="Arbitrage.Check"/>: an opportunity, or a rejection with a code and context.</summary>
public abstract record ArbitrageResult
{
    private protected ArbitrageResult(MarketId market) => Market = market;

    /// <summary>The market checked.</summary>
    public MarketId Market { get; }

    /// <summary>True for an opportunity worth executing.</summary>
    public bool IsOpportunity => this is ArbitrageOpportunity;
}

/// <summary>One leg of an opportunity: buy <see cref="Size"/> contracts of <see cref="Outcome"/> at <see cref="Price"/> on <see cref="Venue"/>.</summary>
/// <param name="Venue">Where to buy.</param>
/// <param name="Outcome">YES or NO.</param>
/// <param name="Price">The best ask the profit was computed at (the leg's limit price).</param>
/// <param name="Size">Contracts to buy; equal on both legs, so the position is hedged.</param>
/// <param name="Fee">The venue's fee for the whole leg.</param>
public sealed record OpportunityLeg(VenueId Venue, Outcome Outcome, Price Price, Quantity Size, decimal Fee);

/// <summary>
/// Buying YES on one venue and NO on the other pays $1 per contract whatever happens, for less than
/// $1 including fees.
/// </summary>
/// <param name="Market">The market.</param>
/// <param name="YesLeg">The YES purchase.</param>
/// <param name="NoLeg">The NO purchase.</param>
/// <param name="ProfitPerContract"><c>1 − (yes ask + no ask) − fees / size</c>.</param>
/// <param name="ExpectedProfit">The profit of the whole size, after fees.</param>
public sealed record ArbitrageOpportunity(MarketId Market, OpportunityLeg YesLeg, OpportunityLeg NoLeg, decimal ProfitPerContract, decimal ExpectedProfit)
    : ArbitrageResult(Market)
{
    /// <summary>Contracts per leg.</summary>
    public Quantity Size => YesLeg.Size;
}

/// <summary>The market is not an arbitrage right now, with the stable reason and the numbers behind it.</summary>
/// <param name="Market">The market.</param>
/// <param name="Reason">Why, for the direction that came closest to an opportunity.</param>
/// <param name="Context">The facts behind it (venues, prices, sizes, fees); <c>other_direction</c> holds the other direction's code.</param>
public sealed record ArbitrageRejection(MarketId Market, ArbitrageRejectionReason Reason, IReadOnlyDictionary<string, string> Context)
    : ArbitrageResult(Market)
{
    /// <summary>The stable SCREAMING_SNAKE code of <see cref="Reason"/>, e.g. <c>PROFIT_BELOW_THRESHOLD</c>.</summary>
    public string Code => ReasonCodes.Of(Reason);
}
