using System.Collections.Frozen;
using ActorExec.Trading.Execution;

namespace ActorExec.Venues;

/// <summary>What a venue supports and how it settles.</summary>
/// <param name="SettlesOnChain">
/// True when a match is followed by an on-chain settlement (MATCHED → MINED → CONFIRMED, which may
/// FAIL and void the fills); false when the venue settles on match (MATCHED → CONFIRMED at once).
/// </param>
/// <param name="DefaultRules">Tick size, size increment and bounds of markets that do not set their own.</param>
/// <param name="TakerFees">Fees charged on fills that take liquidity.</param>
/// <param name="MakerFees">Fees charged on fills of resting orders.</param>
/// <param name="SupportsModify">True when resting orders can be amended in place.</param>
/// <param name="OrderTypes">Order types the venue accepts.</param>
/// <param name="TimesInForce">Times in force the venue accepts.</param>
public sealed record VenueCapabilities(
    bool SettlesOnChain,
    InstrumentRules DefaultRules,
    FeeSchedule TakerFees,
    FeeSchedule MakerFees,
    bool SupportsModify,
    FrozenSet<OrderType> OrderTypes,
    FrozenSet<TimeInForce> TimesInForce)
{
    /// <summary>True when the venue accepts this order type with this time in force.</summary>
    public bool Supports(OrderType type, TimeInForce timeInForce) => OrderTypes.Contains(type) && TimesInForce.Contains(timeInForce);
}
