using ActorExec.Examples.Hedging;
using ActorExec.Examples.Tests.Fixtures;
using ActorExec.Venues.Paper;
using Xunit.Abstractions;

namespace ActorExec.Examples.Tests.Hedging;

/// <summary>The hedger with an ETH perp on one paper venue and ETH spot on the other, both books two-sided around 3000.</summary>
public sealed class PerpSpotHedgerSpec(ITestOutputHelper output) : StrategyTestKit(output)
{
    private static readonly VenueId PerpsId = new("perps");
    private static readonly VenueId SpotId = new("spot");
    private static readonly MarketId Perp = new("eth-perp");
    private static readonly MarketId Spot = new("eth-spot");
    private static readonly InstrumentRules LinearRules = new(tickSize: 0.01m, sizeIncrement: 0.001m, minPrice: 0.01m, maxPrice: 1_000_000m, minQuantity: 0.001m);
    private static readonly HedgePair Pair = new(new MarketId("hedge:eth"), PerpsId, Perp, SpotId, Spot);

    private static IReadOnlyList<PaperMarket> Markets => [PaperMarket.Linear(Perp.Value, 3000m, LinearRules), PaperMarket.Linear(Spot.Value, 3000m, LinearRules)];

    protected override PaperVenueOptions FirstVenueOptions() => new() { Venue = PerpsId, Markets = Markets, Seed = 31 };

    protected override PaperVenueOptions SecondVenueOptions() => new() { Venue = SpotId, Markets = Markets, Seed = 32 };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Quote(First, Perp);
        Quote(Second, Spot);
    }

    [Fact]
    public async Task StartThenStop_TwoSidedBooks_HoldsShortPerpLongSpotThenIsFlat()
    {
        var hedger = ActorOf(Hedger(), "hedger");

        hedger.Tell(StartHedging.Instance);
        var entered = await DriveUntilAsync<HedgerStatus>(hedger, GetHedgerStatus.Instance, s => s.Phase == HedgePhase.Hedged, "the hedge entered", step: TimeSpan.FromMilliseconds(250));

        entered.Entries.Should().Be(1, entered.ToString());
        (await PositionAsync(First, Perp)).Should().Be(-1.5m, "the perp leg is short");
        (await PositionAsync(Second, Spot)).Should().Be(1.5m, "the spot leg is long");

        hedger.Tell(StopHedging.Instance);
        var exited = await DriveUntilAsync<HedgerStatus>(hedger, GetHedgerStatus.Instance, s => s.Phase == HedgePhase.Exited, "the hedge exited", step: TimeSpan.FromMilliseconds(250));

        exited.Exits.Should().Be(1, exited.ToString());
        exited.Failures.Should().Be(0);
        exited.Refusals.Should().Be(0, "an exit reduces risk, so it never waits out the cooldown the entry started");
        (await PositionAsync(First, Perp)).Should().Be(0m);
        (await PositionAsync(Second, Spot)).Should().Be(0m);
        First.Records.Placements.Select(p => (p.Intent.Market, p.Intent.Side)).Should().Equal((Perp, Side.Sell), (Perp, Side.Buy));
        Second.Records.Placements.Select(p => (p.Intent.Market, p.Intent.Side)).Should().Equal((Spot, Side.Buy), (Spot, Side.Sell));
    }

    [Fact]
    public async Task CheckDrift_BalancedLegs_MeasuresWithoutTrading()
    {
        var hedger = ActorOf(Hedger(), "hedger");
        hedger.Tell(StartHedging.Instance);
        await DriveUntilAsync<HedgerStatus>(hedger, GetHedgerStatus.Instance, s => s.Phase == HedgePhase.Hedged, "the hedge entered", step: TimeSpan.FromMilliseconds(250));

        var status = await DriveUntilAsync<HedgerStatus>(hedger, GetHedgerStatus.Instance, s => s.DriftChecks >= 1, "a drift check", step: TimeSpan.FromSeconds(1));

        status.Corrections.Should().Be(0, "both legs are worth 1.5 × 3000 at the mid prices");
        status.Failures.Should().Be(0);
        status.Phase.Should().Be(HedgePhase.Hedged);
        First.Records.Placements.Should().ContainSingle("only the entry traded the perp");
    }

    private Props Hedger() => PerpSpotHedger.PropsFor(Engine.Region, new PerpSpotHedgerOptions
    {
        Pair = Pair,
        Size = 1.5m,
        DriftCheckInterval = TimeSpan.FromSeconds(5),
        RetryInterval = TimeSpan.FromSeconds(1),
    });

    /// <summary>Bids at 2999 and asks at 3001, 10 deep: enough for the entry and the exit to fill at the touch.</summary>
    private static void Quote(PaperVenue venue, MarketId market)
    {
        venue.AddLiquidity(market, Side.Buy, new Price(2999m), new Quantity(10m));
        venue.AddLiquidity(market, Side.Sell, new Price(3001m), new Quantity(10m));
    }
}
