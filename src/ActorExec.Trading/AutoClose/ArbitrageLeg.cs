namespace ActorExec.Trading.AutoClose;

/// <summary>What one leg of a binary arbitrage achieved on its venue: the input of <see cref="AutoClosePlanner"/>.</summary>
/// <param name="Venue">Where the leg traded.</param>
/// <param name="Filled">Contracts bought on this leg (may be zero).</param>
/// <param name="AverageFillPrice">The average price of those contracts; null only when nothing filled.</param>
/// <param name="Rules">The venue's rules for this market: the walk's prices are rounded to its tick.</param>
/// <param name="SettlesOnChain">True when bought contracts become sellable only after on-chain settlement (Polymarket).</param>
public sealed record ArbitrageLeg(VenueId Venue, Quantity Filled, Price? AverageFillPrice, InstrumentRules Rules, bool SettlesOnChain);
