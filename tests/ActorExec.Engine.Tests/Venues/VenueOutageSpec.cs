using ActorExec.Engine.Tests.Fixtures;
using ActorExec.Engine.Venues;
using ActorExec.Trading.Orders;
using Xunit.Abstractions;

namespace ActorExec.Engine.Tests.Venues;

/// <summary>
/// A venue outage end to end: calls fail, the venue's breaker opens (published and readable), new
/// work is refused locally without touching the venue, and after the open period one trial call
/// closes it again. Kalshi-like supervisor: 5 consecutive faults open the breaker for 30 s.
/// </summary>
public sealed class VenueOutageSpec(ITestOutputHelper output) : EngineTestKit(output)
{
    private static readonly MarketId M1 = new("m-1");
    private static readonly MarketId M2 = new("m-2");
    private static readonly MarketId M3 = new("m-3");

    private VenueEntry KalshiEntry => Engine.Venues.Find(KalshiId)!;

    // Tokens refilled once a second instead of every 100 ms: the driver steps from timer to timer, and
    // this spec lets tens of virtual seconds pass; rate limits play no part in it.
    protected override VenueSupervisorOptions SupervisorOptions(VenueId venue)
        => base.SupervisorOptions(venue) with { ReplenishmentPeriod = TimeSpan.FromSeconds(1) };

    [Fact]
    public async Task Outage_OrdersFail_BreakerOpensRefusesWithoutCallingTheVenueThenClosesAfterATrial()
    {
        var breakers = CreateTestProbe();
        Sys.EventStream.Subscribe(breakers.Ref, typeof(BreakerStateChanged));
        var outageStart = Clock.GetUtcNow();
        Kalshi.Faults.StartOutage(TimeSpan.FromMinutes(10));

        // The placement fails with "unavailable, may have taken effect"; asking the venue whether it has
        // the order fails too (retried with backoff): five faults in a row open the breaker.
        var first = Engine.Region.Ask<ExecutionResult>(NewOrder("outage-1", KalshiId, M1).Place(), Timeout.InfiniteTimeSpan);
        await DriveUntilAsync(() => KalshiEntry.Status.Breaker.State == BreakerState.Open, "the Kalshi breaker to open");

        var opened = await breakers.ExpectMsgAsync<BreakerStateChanged>(timeout: TimeSpan.FromSeconds(5));
        opened.Should().BeEquivalentTo(new { Name = "kalshi", From = BreakerState.Closed, To = BreakerState.Open });
        opened.Reason.Should().Contain("5 consecutive failures").And.Contain("UNAVAILABLE");
        KalshiEntry.Status.Breaker.OpenUntil.Should().Be(opened.At + VenueSupervisorOptions.KalshiLike.BreakerOpenDuration);
        KalshiEntry.Status.AcceptsWork(Clock.GetUtcNow()).Should().BeFalse();
        Kalshi.Records.PlaceCalls.Should().Be(1);
        Kalshi.Records.PlacementCount(new ClientOrderId("outage-1")).Should().Be(0, "the venue was down: nothing reached its book");
        first.IsCompleted.Should().BeFalse("the order's outcome is unknown; the engine keeps asking rather than guess");

        // While open: commands are refused at once, locally, and the venue sees nothing.
        var placeCalls = Kalshi.Records.PlaceCalls;
        var queryCalls = Kalshi.Records.QueryCalls;
        var single = await ExecuteAsync(NewOrder("outage-2", KalshiId, M2).Place());
        single.Success.Should().BeFalse();
        single.Error!.Code.Should().Be("BREAKER_OPEN");
        single.Error.Context["venue"].Should().Be("kalshi");
        single.Latency.Should().Be(TimeSpan.Zero, "the refusal needs no venue call");
        var arbitrage = await ExecuteAsync(Arbitrage("outage-arb", M3, 0.40m, 50m, 0.50m, 50m, maxSize: 10m));
        arbitrage.Error!.Code.Should().Be("BREAKER_OPEN");
        var direct = await DriveAsync(KalshiEntry.Supervisor.Ask<VenueReply>(new VenueRequest(7, new FindOrderCall(NewOrder("outage-1", KalshiId, M1).Build())), Timeout.InfiniteTimeSpan));
        direct.Error.Should().BeOfType<BreakerOpenError>().Which.RetryAt.Should().Be(KalshiEntry.Status.Breaker.OpenUntil);
        direct.Attempts.Should().Be(1);

        // The first order keeps asking while the breaker is open: every ask is refused locally too.
        await DriveUntilAsync(() => Clock.GetUtcNow() >= opened.At + TimeSpan.FromSeconds(10), "10 s of the open period");
        Kalshi.Records.PlaceCalls.Should().Be(placeCalls);
        Kalshi.Records.QueryCalls.Should().Be(queryCalls);
        Poly.Records.PlaceCalls.Should().Be(0, "the arbitrage was refused before either leg");
        KalshiEntry.Status.Breaker.State.Should().Be(BreakerState.Open);

        // The venue recovers; after the open period the next call is the trial, and its success closes the breaker.
        Kalshi.Faults.EndOutage();
        await DriveUntilAsync(() => KalshiEntry.Status.Breaker.State == BreakerState.Closed, "the Kalshi breaker to close");
        var halfOpen = await breakers.ExpectMsgAsync<BreakerStateChanged>(timeout: TimeSpan.FromSeconds(5));
        var closed = await breakers.ExpectMsgAsync<BreakerStateChanged>(timeout: TimeSpan.FromSeconds(5));
        halfOpen.Should().BeEquivalentTo(new { Name = "kalshi", From = BreakerState.Open, To = BreakerState.HalfOpen });
        halfOpen.At.Should().BeOnOrAfter(opened.At + TimeSpan.FromSeconds(30));
        closed.Should().BeEquivalentTo(new { Name = "kalshi", From = BreakerState.HalfOpen, To = BreakerState.Closed });
        KalshiEntry.Status.AcceptsWork(Clock.GetUtcNow()).Should().BeTrue();

        (Clock.GetUtcNow() - outageStart).Should().BeLessThan(TimeSpan.FromMinutes(1), "the trial ran as soon as the open period allowed");
        var after = await ExecuteAsync(NewOrder("outage-3", KalshiId, M2).Place());
        after.Success.Should().BeTrue(after.ToString());
        Kalshi.Records.PlacementCount(new ClientOrderId("outage-3")).Should().Be(1);
    }

    [Fact]
    public async Task Outage_OrderWhosePlacementFailed_IsPlacedExactlyOnceWhenTheVenueRecovers()
    {
        Kalshi.Faults.StartOutage(TimeSpan.FromSeconds(20));

        var placing = Engine.Region.Ask<ExecutionResult>(NewOrder("recovered-1", KalshiId, M1).Place(), Timeout.InfiniteTimeSpan);
        await DriveUntilAsync(() => KalshiEntry.Status.Breaker.State == BreakerState.Open, "the Kalshi breaker to open");
        var result = await DriveAsync(placing, maxVirtual: TimeSpan.FromMinutes(2));

        result.Success.Should().BeTrue(result.ToString());
        result.Legs.Single().Status.Should().Be(OrderStatus.Placed);
        Kalshi.Records.PlacementCount(new ClientOrderId("recovered-1")).Should().Be(1);
        Kalshi.Records.DuplicateAttempts.Should().BeEmpty();
    }

    [Fact]
    public async Task Outage_VenueErrorsThatAreNotFaults_DoNotOpenTheBreaker()
    {
        var breakers = CreateTestProbe();
        Sys.EventStream.Subscribe(breakers.Ref, typeof(BreakerStateChanged));
        Kalshi.Faults.RejectNextPlacements(6, "insufficient balance");

        for (var i = 1; i <= 6; i++)
        {
            var result = await ExecuteAsync(NewOrder($"rejected-{i}", KalshiId, M1).Place());
            result.Error!.Code.Should().Be("LEG_FAILED");
            result.Legs.Single().Status.Should().Be(OrderStatus.Rejected);
        }

        KalshiEntry.Status.Breaker.State.Should().Be(BreakerState.Closed, "a refusal of the order's terms says nothing about the venue's health");
        breakers.PendingCount.Should().Be(0);
        Kalshi.Records.PlaceCalls.Should().Be(6);
    }

    [Fact]
    public async Task PlaceOrder_OutageLongerThanTheConfirmTimeout_IsAnsweredWithOutcomeUnknown()
    {
        Kalshi.Faults.StartOutage(TimeSpan.FromMinutes(30));

        var placing = Engine.Region.Ask<ExecutionResult>(NewOrder("long-outage", KalshiId, M1).Place(), Timeout.InfiniteTimeSpan);
        var result = await DriveAsync(placing, maxVirtual: Engine.Options.Orders.ConfirmTimeout + TimeSpan.FromSeconds(30));

        result.Success.Should().BeFalse();
        result.Error!.Code.Should().Be("LEG_OUTCOME_UNKNOWN");
        Kalshi.Records.PlacementCount(new ClientOrderId("long-outage")).Should().Be(0);
    }
}
