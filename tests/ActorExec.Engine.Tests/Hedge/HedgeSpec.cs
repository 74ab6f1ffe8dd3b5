using ActorExec.Engine.Markets;
using ActorExec.Engine.Tests.Fixtures;
using ActorExec.Engine.Venues;
using ActorExec.Trading.Execution;
using ActorExec.Trading.Orders;
using ActorExec.Venues.Paper;
using Xunit.Abstractions;

namespace ActorExec.Engine.Tests.Hedge;

/// <summary>
/// A perp/spot hedge: ETH-PERP on the Kalshi-like venue (short), ETH-USD on the Polymarket-like one
/// (long), both books two-sided around 3000. Both venues are fee-free here: Kalshi's fee formula only
/// prices binary contracts.
/// </summary>
public sealed class HedgeSpec(ITestOutputHelper output) : EngineTestKit(output)
{
    private static readonly MarketId Perp = new("ETH-PERP");
    private static readonly MarketId Spot = new("ETH-USD");
    private static readonly InstrumentRules LinearRules = new(tickSize: 0.01m, sizeIncrement: 0.001m, minPrice: 0.01m, maxPrice: 1_000_000m, minQuantity: 0.001m);
    private static readonly HedgePair Pair = new(new MarketId("eth-hedge"), KalshiId, Perp, PolyId, Spot);
    private static readonly Quantity Size = new(1.5m);
    private const string BreakerName = "hedge:eth-hedge";

    protected override IReadOnlyList<PaperMarket> Markets => [.. base.Markets, PaperMarket.Linear(Perp.Value, 3000m, LinearRules), PaperMarket.Linear(Spot.Value, 3000m, LinearRules)];

    protected override PaperVenueOptions KalshiOptions(IReadOnlyList<PaperMarket> markets)
        => base.KalshiOptions(markets) with { TakerFees = FeeSchedule.Free, MakerFees = FeeSchedule.Free };

    // Tokens refilled once a second instead of every 100 ms: the driver steps from timer to timer, and
    // this spec lets tens of virtual seconds pass; rate limits play no part in it.
    protected override VenueSupervisorOptions SupervisorOptions(VenueId venue)
        => base.SupervisorOptions(venue) with { ReplenishmentPeriod = TimeSpan.FromSeconds(1) };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Quote(Kalshi, Perp);
        Quote(Poly, Spot);
    }

    [Fact]
    public async Task EnterHedge_TwoSidedBooks_ShortsThePerpAndBuysTheSpot()
    {
        var result = await ExecuteAsync(new EnterHedge(new ExecutionId("h-enter"), Pair, Size));

        result.Success.Should().BeTrue(result.ToString());
        result.Kind.Should().Be(ExecutionKind.HedgeEntry);
        result.Legs.Should().BeEquivalentTo(new[]
        {
            new { Venue = KalshiId, Market = Perp, Side = Side.Sell, Filled = Size, AveragePrice = (Price?)new Price(2999m) },
            new { Venue = PolyId, Market = Spot, Side = Side.Buy, Filled = Size, AveragePrice = (Price?)new Price(3001m) },
        });
        (await PositionAsync(Kalshi, Perp)).Should().Be(-1.5m, "the perp leg is short");
        (await PositionAsync(Poly, Spot)).Should().Be(1.5m, "the spot leg is long");
        var hedge = (await MarketEvents()).OfType<HedgeChanged>().Single();
        hedge.Should().BeEquivalentTo(new { PerpShort = 1.5m, PerpEntryPrice = 2999m, SpotLong = 1.5m, SpotEntryPrice = 3001m });
    }

    [Fact]
    public async Task EnterHedge_SlippageAboveTheMaximum_IsRefusedBeforeAnyOrder()
    {
        // Only half an ETH bid at 2999, the rest at 2900: selling 1.5 averages 2933, 220 bps below the touch.
        Kalshi.ClearLiquidity(Perp);
        Kalshi.AddLiquidity(Perp, Side.Buy, new Price(2999m), new Quantity(0.5m));
        Kalshi.AddLiquidity(Perp, Side.Buy, new Price(2900m), new Quantity(10m));

        var result = await ExecuteAsync(new EnterHedge(new ExecutionId("h-slip"), Pair, Size));

        result.Success.Should().BeFalse();
        result.Error!.Code.Should().Be("SLIPPAGE_ABOVE_MAX");
        result.Error.Message.Should().Contain("perp");
        decimal.Parse(result.Error.Context["slippage_bps"], System.Globalization.CultureInfo.InvariantCulture).Should().BeApproximately(220.07m, 0.01m);
        result.Error.Context["max_slippage_bps"].Should().Be("50");
        result.Legs.Should().BeEmpty();
        Kalshi.Records.PlaceCalls.Should().Be(0);
        Poly.Records.PlaceCalls.Should().Be(0);
        (await MarketEvents()).OfType<ExecutionStarted>().Should().BeEmpty("nothing was journaled as started");
    }

    [Fact]
    public async Task ExitHedge_AfterAnEntry_SellsTheSpotBuysBackThePerpAndVerifiesFlat()
    {
        await EnterAsync("h-in");

        var exit = await ExecuteAsync(new ExitHedge(new ExecutionId("h-out"), Pair));

        exit.Success.Should().BeTrue(exit.ToString());
        exit.Kind.Should().Be(ExecutionKind.HedgeExit);
        exit.Legs.Select(l => (l.Venue, l.Market, l.Side, l.Filled.Value)).Should().Equal((PolyId, Spot, Side.Sell, 1.5m), (KalshiId, Perp, Side.Buy, 1.5m));
        (await PositionAsync(Kalshi, Perp)).Should().Be(0m);
        (await PositionAsync(Poly, Spot)).Should().Be(0m);
        (await MarketEvents()).OfType<HedgeChanged>().Last().Should().BeEquivalentTo(new { PerpShort = 0m, SpotLong = 0m });
        var noHedge = await ExecuteAsync(new ExitHedge(new ExecutionId("h-out-again"), Pair));
        noHedge.Error!.Code.Should().Be("NO_HEDGE");
    }

    [Fact]
    public async Task ExitHedge_VenueStillHoldsAPositionAfterwards_ReportsNotFlat()
    {
        await EnterAsync("h-in");
        // 0.25 ETH bought by hand on the spot venue, outside the hedge.
        var manual = await Poly.PlaceAsync(new OrderIntent(new OrderId("manual-eth"), new ClientOrderId("manual-eth"), PolyId, Spot, Side.Buy, null,
            OrderType.Market, TimeInForce.Ioc, new Quantity(0.25m)));
        manual.IsSuccess.Should().BeTrue();

        var exit = await ExecuteAsync(new ExitHedge(new ExecutionId("h-out"), Pair));

        exit.Success.Should().BeFalse();
        exit.Error!.Code.Should().Be("NOT_FLAT");
        exit.Error.Context["spot_position"].Should().Be("0.25");
        exit.Error.Context["perp_position"].Should().Be("0");
    }

    [Fact]
    public async Task EnterHedge_TwoConsecutiveFailures_OpenTheHedgeBreakerWhichLetsATrialThroughAfter30Seconds()
    {
        var breakers = CreateTestProbe();
        Sys.EventStream.Subscribe(breakers.Ref, typeof(BreakerStateChanged));
        Kalshi.Faults.RejectNextPlacements(2, "margin check failed");
        Poly.Faults.RejectNextPlacements(2, "margin check failed");

        for (var i = 1; i <= 2; i++)
        {
            var failed = await ExecuteAsync(new EnterHedge(new ExecutionId($"h-fail-{i}"), Pair, Size));
            failed.Error!.Code.Should().Be("LEG_FAILED");
            failed.Legs.Should().OnlyContain(l => l.Status == OrderStatus.Rejected);
        }

        var opened = await breakers.ExpectMsgAsync<BreakerStateChanged>(timeout: TimeSpan.FromSeconds(5));
        opened.Should().BeEquivalentTo(new { Name = BreakerName, From = BreakerState.Closed, To = BreakerState.Open });
        opened.Reason.Should().Contain("2 consecutive failures").And.Contain("LEG_FAILED");
        var openUntil = opened.At + Engine.Options.HedgeBreakerOpenDuration;

        var refused = await ExecuteAsync(new EnterHedge(new ExecutionId("h-refused"), Pair, Size));
        refused.Error!.Code.Should().Be("HEDGE_BREAKER_OPEN");
        refused.Error.Context.Should().ContainKey("open_until");
        refused.Latency.Should().Be(TimeSpan.Zero, "refused before reading any book");
        var placed = (Kalshi.Records.PlaceCalls, Poly.Records.PlaceCalls);
        placed.Should().Be((2, 2));

        await DriveUntilAsync(() => Clock.GetUtcNow() >= openUntil - TimeSpan.FromSeconds(1), "29 s of the open period");
        (await ExecuteAsync(new EnterHedge(new ExecutionId("h-early"), Pair, Size))).Error!.Code.Should().Be("HEDGE_BREAKER_OPEN");
        (Kalshi.Records.PlaceCalls, Poly.Records.PlaceCalls).Should().Be(placed);

        await DriveUntilAsync(() => Clock.GetUtcNow() >= openUntil, "the open period to end");
        var trial = await ExecuteAsync(new EnterHedge(new ExecutionId("h-trial"), Pair, Size));

        trial.Success.Should().BeTrue(trial.ToString());
        var halfOpen = await breakers.ExpectMsgAsync<BreakerStateChanged>(timeout: TimeSpan.FromSeconds(5));
        halfOpen.Should().BeEquivalentTo(new { Name = BreakerName, From = BreakerState.Open, To = BreakerState.HalfOpen });
        var closed = await breakers.ExpectMsgAsync<BreakerStateChanged>(timeout: TimeSpan.FromSeconds(5));
        closed.Should().BeEquivalentTo(new { Name = BreakerName, From = BreakerState.HalfOpen, To = BreakerState.Closed });
        (await PositionAsync(Kalshi, Perp)).Should().Be(-1.5m);
    }

    [Fact]
    public async Task EnterHedge_TrialAfterTheOpenPeriodFails_ReopensTheHedgeBreaker()
    {
        var breakers = CreateTestProbe();
        Sys.EventStream.Subscribe(breakers.Ref, typeof(BreakerStateChanged));
        Kalshi.Faults.RejectNextPlacements(3, "margin check failed");
        Poly.Faults.RejectNextPlacements(3, "margin check failed");
        for (var i = 1; i <= 2; i++)
            (await ExecuteAsync(new EnterHedge(new ExecutionId($"h-fail-{i}"), Pair, Size))).Error!.Code.Should().Be("LEG_FAILED");
        var opened = await breakers.ExpectMsgAsync<BreakerStateChanged>(timeout: TimeSpan.FromSeconds(5));
        await DriveUntilAsync(() => Clock.GetUtcNow() >= opened.At + Engine.Options.HedgeBreakerOpenDuration, "the open period to end");

        var trial = await ExecuteAsync(new EnterHedge(new ExecutionId("h-trial"), Pair, Size));
        trial.Error!.Code.Should().Be("LEG_FAILED");

        var next = await ExecuteAsync(new EnterHedge(new ExecutionId("h-after-trial"), Pair, Size));
        next.Success.Should().BeFalse("the trial failed, so the breaker is open for another period");
        next.Error!.Code.Should().Be("HEDGE_BREAKER_OPEN");
        var changes = await breakers.ReceiveWhileAsync(m => m as BreakerStateChanged, max: TimeSpan.FromSeconds(1));
        changes.Select(c => (c.From, c.To)).Should().Equal((BreakerState.Open, BreakerState.HalfOpen), (BreakerState.HalfOpen, BreakerState.Open));
    }

    [Fact]
    public async Task ExitHedge_SentOnTheEntrysAnswer_IsNotRefusedAsInFlight()
    {
        // Both legs on the on-chain venue: they stay Matched (their order actors keep running) when the entry is answered.
        var onChain = Pair with { Key = new MarketId("poly-hedge"), PerpVenue = PolyId };
        Quote(Poly, Perp);
        (await ExecuteAsync(new EnterHedge(new ExecutionId("h-in"), onChain, Size))).Success.Should().BeTrue();

        var exit = await ExecuteAsync(new ExitHedge(new ExecutionId("h-out"), onChain));

        exit.Success.Should().BeTrue(exit.ToString());
        (await PositionAsync(Poly, Perp)).Should().Be(0m);
        (await PositionAsync(Poly, Spot)).Should().Be(0m);
    }

    /// <summary>
    /// Enters the hedge and waits until its end is journaled: an exit sent earlier is refused (see
    /// <see cref="ExitHedge_SentOnTheEntrysAnswer_IsNotRefusedAsInFlight"/>).
    /// </summary>
    private async Task EnterAsync(string executionId)
    {
        var entered = await ExecuteAsync(new EnterHedge(new ExecutionId(executionId), Pair, Size));
        entered.Success.Should().BeTrue(entered.ToString());
        await DriveUntilAsync(() => MarketEvents().GetAwaiter().GetResult().OfType<ExecutionFinished>().Any(f => f.ExecutionId.Value == executionId),
            $"the end of {executionId} to be journaled");
    }

    /// <summary>Bids at 2999 and asks at 3001, 10 deep: enough for entries and exits to fill at the touch.</summary>
    private static void Quote(PaperVenue venue, MarketId market)
    {
        venue.AddLiquidity(market, Side.Buy, new Price(2999m), new Quantity(10m));
        venue.AddLiquidity(market, Side.Sell, new Price(3001m), new Quantity(10m));
    }

    private static async Task<decimal> PositionAsync(PaperVenue venue, MarketId market)
        => (await venue.GetPositionsAsync()).Value.Where(p => p.Market == market).Sum(p => p.Contracts);

    private async Task<List<object>> MarketEvents()
    {
        var events = new List<object>();
        await foreach (var envelope in Stores.Queries.EventsByPersistenceIdAsync(MarketActor.PersistenceIdOf(Pair.Key), 1, long.MaxValue))
            events.Add(envelope.Event);
        return events;
    }
}
