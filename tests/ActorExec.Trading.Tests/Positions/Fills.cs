using ActorExec.Trading.Positions;

namespace ActorExec.Trading.Tests.Positions;

/// <summary>Short-hand for the fills position tests trade.</summary>
internal static class Fills
{
    public static readonly MarketId Fed = new("fed-cut-2025-03");
    public static readonly MarketId Cpi = new("cpi-above-3-2025-04");
    public static readonly VenueId Kalshi = new("kalshi");
    public static readonly VenueId Polymarket = new("polymarket");
    public static readonly DateTimeOffset Day1 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static ExecutedFill Buy(decimal quantity, decimal price, decimal fee = 0m, Outcome outcome = Outcome.Yes, VenueId? venue = null, MarketId? market = null, DateTimeOffset? at = null)
        => new(market ?? Fed, venue ?? Kalshi, outcome, Side.Buy, new Quantity(quantity), new Price(price), fee, at ?? Day1);

    public static ExecutedFill Sell(decimal quantity, decimal price, decimal fee = 0m, Outcome outcome = Outcome.Yes, VenueId? venue = null, MarketId? market = null, DateTimeOffset? at = null)
        => new(market ?? Fed, venue ?? Kalshi, outcome, Side.Sell, new Quantity(quantity), new Price(price), fee, at ?? Day1);

    public static PositionKey Key(Outcome outcome = Outcome.Yes, VenueId? venue = null, MarketId? market = null)
        => new(market ?? Fed, venue ?? Kalshi, outcome);
}
