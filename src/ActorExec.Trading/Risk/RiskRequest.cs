namespace ActorExec.Trading.Risk;

/// <summary>An order as the risk policy sees it, before it is journaled or sent.</summary>
/// <param name="Venue">Where the order goes (reported in denials).</param>
/// <param name="Market">The market whose position the order changes.</param>
/// <param name="Side">Buy adds to the signed position, sell subtracts from it.</param>
/// <param name="Quantity">The contracts asked for; must be positive.</param>
/// <param name="Price">
/// The worst price the order can execute at (its limit price, or the slippage guard's effective
/// price for a market order); must be below 1 because the worst-case loss assumes a $1 binary contract.
/// </param>
/// <param name="Rules">The venue's rules: a capped quantity is rounded down to the size increment and must reach the minimum.</param>
public sealed record RiskRequest(VenueId Venue, MarketId Market, Side Side, Quantity Quantity, Price Price, InstrumentRules Rules);
