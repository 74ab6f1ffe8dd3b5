namespace ActorExec.Trading.Hedging;

/// <summary>
/// A delta-neutral hedge of one asset: a perpetual-futures SHORT offset by a spot LONG, with the
/// prices used to value each leg.
/// </summary>
/// <param name="PerpVenue">Where the perp short is held; corrections are sent there.</param>
/// <param name="PerpMarket">The perp instrument.</param>
/// <param name="PerpShort">Size of the perp short, as a positive number of base-asset units.</param>
/// <param name="PerpPrice">The perp's mark price.</param>
/// <param name="PerpRules">The perp's rules: corrections are rounded down to its size increment.</param>
/// <param name="SpotLong">Base-asset units held spot.</param>
/// <param name="SpotPrice">The spot price.</param>
public sealed record HedgePosition(
    VenueId PerpVenue,
    MarketId PerpMarket,
    Quantity PerpShort,
    Price PerpPrice,
    InstrumentRules PerpRules,
    Quantity SpotLong,
    Price SpotPrice)
{
    /// <summary>The value of the perp short, as a positive amount: size × mark price.</summary>
    public decimal PerpNotional => PerpShort.Value * PerpPrice.Value;

    /// <summary>The value of the spot holding: size × spot price.</summary>
    public decimal SpotNotional => SpotLong.Value * SpotPrice.Value;
}
