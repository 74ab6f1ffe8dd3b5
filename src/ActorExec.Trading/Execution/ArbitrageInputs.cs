using ActorExec.Trading.Slippage;

namespace ActorExec.Trading.Execution;

/// <summary>One venue's side of a binary market, as the arbitrage check needs it: best asks, rules and fees.</summary>
/// <param name="Venue">The venue.</param>
/// <param name="Rules">The venue's tick and size rules for this market; sizes are rounded down to its increment.</param>
/// <param name="Fees">The fee the venue charges for taking liquidity.</param>
/// <param name="YesAsk">The best offer to sell us YES; null when nobody offers.</param>
/// <param name="NoAsk">The best offer to sell us NO; null when nobody offers.</param>
public sealed record ArbitrageQuote(VenueId Venue, InstrumentRules Rules, FeeSchedule Fees, BookLevel? YesAsk, BookLevel? NoAsk);

/// <summary>A binary market listed on two venues, to be checked for a YES-on-one, NO-on-the-other arbitrage.</summary>
/// <param name="Market">The market, as the strategy knows it.</param>
/// <param name="First">One venue's quote.</param>
/// <param name="Second">The other venue's quote.</param>
/// <param name="RiskCap">The most contracts risk allows per leg; the size never exceeds it.</param>
public sealed record ArbitrageRequest(MarketId Market, ArbitrageQuote First, ArbitrageQuote Second, Quantity RiskCap);
