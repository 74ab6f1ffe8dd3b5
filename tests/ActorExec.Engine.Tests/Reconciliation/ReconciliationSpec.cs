using ActorExec.Engine.Orders;
using ActorExec.Engine.Tests.Fixtures;
using ActorExec.Engine.Venues;
using ActorExec.Trading.Orders;
using ActorExec.Trading.Positions;
using ActorExec.Trading.Reconciliation;
using Xunit.Abstractions;

namespace ActorExec.Engine.Tests.Reconciliation;

/// <summary>
/// What the engine's journal says against what a venue says: differences are reported (published,
/// counted) and orders that differ read their state from the venue. Orders are confirmed for 5 s
/// here, after which a resting order is left to reconciliation.
/// </summary>
public sealed class ReconciliationSpec(ITestOutputHelper output) : EngineTestKit(output)
{
    private static readonly MarketId M1 = new("m-1");
    private static readonly MarketId M2 = new("m-2");
    private static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(5);

    protected override EngineOptions EngineOptions => new() { Orders = new OrderActorOptions { ConfirmTimeout = ConfirmTimeout } };

    // Tokens refilled once a second instead of every 100 ms: the driver steps from timer to timer, and
    // this spec lets tens of virtual seconds pass; rate limits play no part in it.
    protected override VenueSupervisorOptions SupervisorOptions(VenueId venue)
        => base.SupervisorOptions(venue) with { ReplenishmentPeriod = TimeSpan.FromSeconds(1) };

    [Fact]
    public async Task ReconcileNow_LiquidityTradedAgainstARestingOrderOutsideTheEngine_ReportsBothMismatchesThenResolvesThem()
    {
        using var metric = new MetricRecorder("exec.reconciliation_mismatches");
        var runs = Subscribe();
        var placed = await ExecuteAsync(NewOrder("rest-1", KalshiId, M1).Place());
        placed.Legs.Single().Status.Should().Be(OrderStatus.Placed);
        var placedAt = Clock.GetUtcNow();
        // Polled at +0.5, +1.5, +3.5 and +7.5 s; past the confirmation window a resting order is left to reconciliation.
        await DriveUntilAsync(() => Clock.GetUtcNow() >= placedAt + ConfirmTimeout * 2, "the confirmation window to pass");

        // The venue fills the resting order and nothing tells the engine.
        Kalshi.AddLiquidity(M1, Side.Sell, new Price(0.40m), new Quantity(10m));
        var queries = Kalshi.Records.QueryCalls;
        await DriveUntilAsync(() => Clock.GetUtcNow() >= placedAt + ConfirmTimeout * 4, "ten more seconds");
        Kalshi.Records.QueryCalls.Should().Be(queries, "the order is no longer polled");
        (await JournaledOrder("rest-1")).Filled.Should().Be(Quantity.Zero, "nothing told the engine about the fill yet");

        var completed = await ReconcileAsync(runs);

        completed.Error.Should().BeNull();
        completed.Mismatches.Select(m => m.Code).Should().Equal("POSITION_MISMATCH", "ORDER_MISSING_AT_VENUE");
        completed.Mismatches.OfType<PositionMismatch>().Single().Should().BeEquivalentTo(new
        {
            Key = new PositionKey(M1, KalshiId, Outcome.Yes),
            Expected = 0m,
            AtVenue = 10m,
        });
        var missing = completed.Mismatches.OfType<OrderMissingAtVenue>().Single();
        missing.Expected.ClientOrderId.Should().Be(new ClientOrderId("rest-1"));
        missing.Expected.Status.Should().Be(OrderStatus.Placed);
        completed.Resolved.Should().Be(1, "the order was told to read its state from the venue");
        metric.Measurements.Select(m => (m.Value, m.Tags["venue"], m.Tags["kind"]))
            .Should().Equal((1L, "kalshi", "POSITION_MISMATCH"), (1L, "kalshi", "ORDER_MISSING_AT_VENUE"));

        // The refresh brings the fill into the journal, the positions follow, and the next run agrees.
        await DriveUntilAsync(() => Engine.Risk.PositionOf(M1) == 10m, "the fill to reach the positions");
        var order = await JournaledOrder("rest-1");
        order.Status.Should().Be(OrderStatus.Confirmed);
        order.Filled.Value.Should().Be(10m);
        Kalshi.Records.PlacementCount(new ClientOrderId("rest-1")).Should().Be(1);

        var again = await ReconcileAsync(runs);
        again.Mismatches.Should().BeEmpty();
    }

    [Fact]
    public async Task ReconcileNow_PositionTradedByHandAtTheVenue_ReportsAPositionMismatch()
    {
        using var metric = new MetricRecorder("exec.reconciliation_mismatches");
        var runs = Subscribe();
        Kalshi.AddLiquidity(M2, Side.Buy, new Price(0.55m), new Quantity(7m));
        // Someone sells 7 YES into the bid directly at the venue, under our account.
        var manual = await Kalshi.PlaceAsync(ManualIntent("manual-sell-1", M2, Side.Sell, TimeInForce.Ioc, 7m, 0.55m));
        manual.Value.Status.Should().Be(VenueOrderStatus.Confirmed);

        var completed = await ReconcileAsync(runs);

        completed.Mismatches.Should().ContainSingle().Which.Should().BeOfType<PositionMismatch>()
            .Which.Should().BeEquivalentTo(new { Key = new PositionKey(M2, KalshiId, Outcome.Yes), Expected = 0m, AtVenue = -7m, Difference = -7m });
        completed.Resolved.Should().Be(0, "a position has no order to refresh");
        metric.Measurements.Should().ContainSingle().Which.Tags["kind"].Should().Be("POSITION_MISMATCH");
        Engine.Risk.PositionOf(M2).Should().Be(0m, "reconciliation reports a foreign position; it never books it");
    }

    [Fact]
    public async Task ReconcileNow_OrderPlacedByHandAtTheVenue_ReportsItAsUnexpected()
    {
        var runs = Subscribe();
        var manual = await Kalshi.PlaceAsync(ManualIntent("manual-rest-1", M1, Side.Buy, TimeInForce.Gtc, 5m, 0.30m));
        manual.Value.Status.Should().Be(VenueOrderStatus.Open);

        var completed = await ReconcileAsync(runs);

        var unexpected = completed.Mismatches.Should().ContainSingle().Which.Should().BeOfType<OrderUnexpectedAtVenue>().Which;
        unexpected.AtVenue.Should().BeEquivalentTo(new
        {
            ClientOrderId = new ClientOrderId("manual-rest-1"),
            Venue = KalshiId,
            Market = M1,
            Status = OrderStatus.Placed,
            Size = new Quantity(5m),
            Filled = Quantity.Zero,
        });
        completed.Resolved.Should().Be(1);
        (await EventsOf("manual-rest-1")).Should().BeEmpty("the engine never adopts an order it did not submit");
        Kalshi.OrderBookOf(M1).Bids.Should().ContainSingle("reconciliation leaves the venue alone");
    }

    [Fact]
    public async Task RestingOrder_VenueAnswersNotFoundThreeTimes_FailsAsLost()
    {
        var placed = await ExecuteAsync(NewOrder("lost-1", KalshiId, M1).Place());
        placed.Legs.Single().Status.Should().Be(OrderStatus.Placed);

        Kalshi.Faults.FailNext(3, new VenueNotFound("paper: no such order"));
        await DriveUntilAsync(() => JournaledStatus("lost-1") == OrderStatus.Failed, "the order to be declared lost");

        var events = await EventsOf("lost-1");
        events.OfType<OrderNotFound>().Select(e => e.ConsecutiveCount).Should().Equal(1, 2, 3);
        var failed = events.OfType<OrderFailed>().Single();
        failed.Reason.Should().Be(FailureReason.Lost);
        failed.Detail.Should().Contain("3 times in a row");
        var order = Order.Replay(events);
        order.Status.Should().Be(OrderStatus.Failed);
        order.FailureReason.Should().Be(FailureReason.Lost);

        // The same intent again is answered from the journal: failed, lost, nothing placed again.
        var again = await ExecuteAsync(NewOrder("lost-1", KalshiId, M1).Place());
        again.Duplicate.Should().BeTrue();
        again.Success.Should().BeFalse();
        again.Error!.Code.Should().Be("LEG_FAILED");
        again.Error.Message.Should().Contain("Lost");
        again.Legs.Single().Status.Should().Be(OrderStatus.Failed);
        Kalshi.Records.PlacementCount(new ClientOrderId("lost-1")).Should().Be(1);
    }

    [Fact]
    public async Task ReconcileNow_AfterAnOrderWasDeclaredLost_ReportsTheVenueStillListingIt()
    {
        var runs = Subscribe();
        (await ExecuteAsync(NewOrder("lost-2", KalshiId, M1).Place())).Success.Should().BeTrue();
        Kalshi.Faults.FailNext(3, new VenueNotFound("paper: no such order"));
        await DriveUntilAsync(() => JournaledStatus("lost-2") == OrderStatus.Failed, "the order to be declared lost");

        var completed = await ReconcileAsync(runs);

        // The venue's answers were wrong: the order still rests there, and only reconciliation can say so.
        completed.Mismatches.Should().ContainSingle().Which.Should().BeOfType<OrderUnexpectedAtVenue>()
            .Which.AtVenue.ClientOrderId.Should().Be(new ClientOrderId("lost-2"));
        JournaledStatus("lost-2").Should().Be(OrderStatus.Failed, "a final status never changes");
    }

    private TestKit.TestProbe Subscribe()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(ReconciliationCompleted));
        return probe;
    }

    /// <summary>Asks for a reconciliation of Kalshi now and returns the first run that completes after the ask.</summary>
    private async Task<ReconciliationCompleted> ReconcileAsync(TestKit.TestProbe runs)
    {
        var asked = Clock.GetUtcNow();
        Engine.Reconciliation.Tell(new ReconcileNow(KalshiId));
        return (ReconciliationCompleted)await DriveAsync(runs.FishForMessageAsync(
            m => m is ReconciliationCompleted c && c.Venue == KalshiId && c.At >= asked, TimeSpan.FromSeconds(20)));
    }

    private static OrderIntent ManualIntent(string id, MarketId market, Side side, TimeInForce timeInForce, decimal size, decimal price)
        => new(new OrderId(id), new ClientOrderId(id), KalshiId, market, side, Outcome.Yes, OrderType.Limit, timeInForce, new Quantity(size), new Price(price));

    private OrderStatus? JournaledStatus(string id)
    {
        var events = EventsOf(id).GetAwaiter().GetResult();
        return events.Count == 0 ? null : Order.Replay(events).Status;
    }

    private async Task<Order> JournaledOrder(string id) => Order.Replay(await EventsOf(id));

    private async Task<List<OrderEvent>> EventsOf(string id)
    {
        var events = new List<OrderEvent>();
        await foreach (var envelope in Stores.Queries.EventsByPersistenceIdAsync(OrderActor.PersistenceIdOf(new ClientOrderId(id)), 1, long.MaxValue))
            events.Add((OrderEvent)envelope.Event);
        return events;
    }
}
