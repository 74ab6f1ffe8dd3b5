namespace ActorExec.Trading.Hedging;

/// <summary>
/// The perp order that brings a drifted hedge back to the spot notional: sell to enlarge the short,
/// buy to shrink it. The spot leg is never traded, because it is the asset the hedge protects.
/// </summary>
/// <param name="Venue">The perp's venue.</param>
/// <param name="Market">The perp instrument.</param>
/// <param name="Side">Sell when the short is too small, buy when it is too large.</param>
/// <param name="Quantity">Base-asset units, rounded down to the perp's size increment and capped at its maximum order size.</param>
/// <param name="TargetShort">The exact short size that would match the spot notional at the perp price, before rounding.</param>
public sealed record HedgeCorrection(VenueId Venue, MarketId Market, Side Side, Quantity Quantity, decimal TargetShort);
