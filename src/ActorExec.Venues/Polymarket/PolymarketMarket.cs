using ActorExec.Venues.Polymarket.Signing;

namespace ActorExec.Venues.Polymarket;

/// <summary>
/// One configured market as loaded at connection: its two outcome tokens, its rules and which exchange
/// contract its orders are signed for.
/// </summary>
/// <param name="Market">Our id.</param>
/// <param name="ConditionId">Polymarket's condition id.</param>
/// <param name="Title">The question.</param>
/// <param name="YesToken">The YES token id (decimal text of a uint256).</param>
/// <param name="NoToken">The NO token id.</param>
/// <param name="TickSize">The minimum tick size (0.1, 0.01, 0.001 or 0.0001).</param>
/// <param name="MinimumOrderSize">The smallest order size in shares.</param>
/// <param name="NegRisk">True when orders go to the Neg Risk CTF Exchange.</param>
/// <param name="FeeRateBps">The market's taker base fee in basis points, for information: CLOB V2 orders no longer sign a fee (the operator sets it at match time).</param>
/// <param name="IsOpen">True while the market accepts orders.</param>
public sealed record PolymarketMarket(
    MarketId Market, string ConditionId, string Title, string YesToken, string NoToken, decimal TickSize, decimal MinimumOrderSize, bool NegRisk, decimal FeeRateBps, bool IsOpen)
{
    /// <summary>Prices have as many decimals as the tick, sizes two (py-clob-client ROUNDING_CONFIG: size=2 for every tick).</summary>
    public const decimal SizeIncrement = 0.01m;

    /// <summary>The token traded for an outcome.</summary>
    public string TokenOf(Outcome outcome) => outcome == Outcome.No ? NoToken : YesToken;

    /// <summary>The outcome of a token of this market, or null when the token is not one of its two.</summary>
    public Outcome? OutcomeOf(string tokenId) => tokenId == YesToken ? Outcome.Yes : tokenId == NoToken ? Outcome.No : null;

    /// <summary>The CTF Exchange V2 domain this market's orders are signed for: the neg-risk exchange for neg-risk markets, as py-clob-client-v2 picks <c>neg_risk_exchange_v2</c>.</summary>
    public Eip712Domain Exchange(long chainId) => NegRisk ? PolymarketExchange.NegRiskCtfExchangeV2(chainId) : PolymarketExchange.CtfExchangeV2(chainId);

    /// <summary>The rules our orders must follow: prices on the tick within [tick, 1 − tick], sizes in hundredths from the minimum.</summary>
    public InstrumentRules Rules => new(TickSize, SizeIncrement, TickSize, 1m - TickSize, Math.Max(MinimumOrderSize, SizeIncrement));

    /// <summary>Reads a market answer; null with a reason when it cannot be traded as a binary YES/NO market.</summary>
    internal static PolymarketMarket? From(MarketId market, ClobMarket answer, out string? problem)
    {
        var yes = answer.Tokens?.FirstOrDefault(t => string.Equals(t.Outcome, "Yes", StringComparison.OrdinalIgnoreCase));
        var no = answer.Tokens?.FirstOrDefault(t => string.Equals(t.Outcome, "No", StringComparison.OrdinalIgnoreCase));
        if (answer.Tokens is not { Count: 2 } || yes is null || no is null)
        {
            problem = $"expected two tokens with outcomes Yes and No, got [{string.Join(", ", answer.Tokens?.Select(t => t.Outcome) ?? [])}]";
            return null;
        }
        if (answer.MinimumTickSize is not (0.1m or 0.01m or 0.001m or 0.0001m))
        {
            problem = $"minimum_tick_size {answer.MinimumTickSize} is not one of 0.1, 0.01, 0.001, 0.0001";
            return null;
        }
        problem = null;
        return new PolymarketMarket(market, answer.ConditionId, answer.Question ?? market.Value, yes.TokenId, no.TokenId, answer.MinimumTickSize,
            answer.MinimumOrderSize, answer.NegRisk, answer.TakerBaseFee, answer.Active && !answer.Closed && answer.AcceptingOrders);
    }
}
