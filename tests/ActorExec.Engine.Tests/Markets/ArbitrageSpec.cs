using ActorExec.Actors.Persistence;
using ActorExec.Engine.Markets;
using ActorExec.Engine.Tests.Fixtures;
using ActorExec.Trading.Orders;
using Xunit.Abstractions;

namespace ActorExec.Engine.Tests.Markets;

public sealed class ArbitrageSpec(ITestOutputHelper output) : EngineTestKit(output)
{
    private static readonly MarketId M1 = new("m-1");

    [Fact]
    public async Task ExecuteArbitrage_CrossedBooks_PlacesBothLegsFillsAndConfirms()
    {
        SetArbitrageBooks(M1, yesAsk: 0.40m, yesSize: 50m, noAsk: 0.50m, noSize: 50m);

        var result = await ExecuteAsync(Arbitrage("arb-1", M1, 0.40m, 50m, 0.50m, 50m, maxSize: 20m));

        result.Success.Should().BeTrue(result.ToString());
        result.Legs.Should().HaveCount(2);
        result.Legs.Should().OnlyContain(l => l.Filled.Value == 20m);
        var yes = result.Legs.Single(l => l.Outcome == Outcome.Yes);
        yes.Venue.Should().Be(KalshiId);
        yes.Status.Should().Be(OrderStatus.Confirmed, "the Kalshi-like venue settles on match");
        var no = result.Legs.Single(l => l.Outcome == Outcome.No);
        no.Status.Should().Be(OrderStatus.Matched, "the Polymarket-like venue settles on chain later");
        result.Profit.Should().Be(20m * (1m - 0.40m - 0.50m) - yes.Fees - no.Fees);
        Kalshi.Records.PlacementCount(yes.ClientOrderId).Should().Be(1);
        Poly.Records.PlacementCount(no.ClientOrderId).Should().Be(1);
    }

    [Fact]
    public async Task ExecuteArbitrage_BothLegsFillInOneReport_CountsEachLegPlacedAndFilled()
    {
        var counts = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == EngineMetrics.MeterName)
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => counts.AddOrUpdate(instrument.Name, value, (_, n) => n + value));
        listener.Start();
        SetArbitrageBooks(M1, yesAsk: 0.40m, yesSize: 50m, noAsk: 0.50m, noSize: 50m);

        var result = await ExecuteAsync(Arbitrage("arb-metrics", M1, 0.40m, 50m, 0.50m, 50m, maxSize: 20m));

        result.Success.Should().BeTrue(result.ToString());
        counts.GetValueOrDefault("exec.orders_placed").Should().Be(2, "placed, filled and confirmed arrive in one venue report; each event counts");
        counts.GetValueOrDefault("exec.orders_filled").Should().Be(2);
    }

    [Fact]
    public async Task ExecuteArbitrage_OnChainLeg_ReachesConfirmedAfterSettlement()
    {
        SetArbitrageBooks(M1, 0.40m, 50m, 0.50m, 50m);
        var result = await ExecuteAsync(Arbitrage("arb-settle", M1, 0.40m, 50m, 0.50m, 50m, maxSize: 10m));
        result.Success.Should().BeTrue(result.ToString());

        var noLeg = result.Legs.Single(l => l.Outcome == Outcome.No).ClientOrderId;
        await DriveUntilAsync(() => JournaledStatus(noLeg) == OrderStatus.Confirmed, "the NO leg to confirm on chain");

        var events = await JournaledOrders.EventsOfAsync(Stores.Queries, noLeg);
        JournaledOrders.Statuses(events).Should().Equal(OrderStatus.Pending, OrderStatus.Placed, OrderStatus.Matched, OrderStatus.Mined, OrderStatus.Confirmed);
        events.OfType<OrderMined>().Single().TransactionHash.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task ExecuteArbitrage_LegFinalAtFinish_IsClosedWithTheFinishAndTheOtherWhenItConfirms()
    {
        SetArbitrageBooks(M1, 0.40m, 50m, 0.50m, 50m);
        var result = await ExecuteAsync(Arbitrage("arb-close", M1, 0.40m, 50m, 0.50m, 50m, maxSize: 10m));
        result.Success.Should().BeTrue(result.ToString());
        var yesLeg = result.Legs.Single(l => l.Outcome == Outcome.Yes).ClientOrderId;
        var noLeg = result.Legs.Single(l => l.Outcome == Outcome.No).ClientOrderId;
        await DriveUntilAsync(() => JournaledStatus(noLeg) == OrderStatus.Confirmed, "the NO leg to confirm on chain");
        await DriveUntilAsync(() => MarketEvents().GetAwaiter().GetResult().OfType<OrdersClosed>().Count() == 2, "the market to close the NO leg");

        var events = await MarketEnvelopes();
        var finished = events.Single(e => e.Event is ExecutionFinished);
        var closedWithFinish = events.Single(e => e.SequenceNr == finished.SequenceNr + 1);
        ((OrdersClosed)closedWithFinish.Event).Orders.Should().Equal([yesLeg], "the YES leg was confirmed when the execution finished");
        events.Select(e => e.Event).OfType<OrdersClosed>().Last().Orders.Should().Equal([noLeg]);
    }

    private async Task<List<EventEnvelope>> MarketEnvelopes()
    {
        var events = new List<EventEnvelope>();
        await foreach (var envelope in Stores.Queries.EventsByPersistenceIdAsync(MarketActor.PersistenceIdOf(M1), 1, long.MaxValue))
            events.Add(envelope);
        return events;
    }

    private async Task<List<object>> MarketEvents() => [.. (await MarketEnvelopes()).Select(e => e.Event)];

    [Fact]
    public async Task ExecuteArbitrage_ProfitBelowThreshold_IsRefusedWithoutOrders()
    {
        SetArbitrageBooks(M1, 0.50m, 50m, 0.50m, 50m);

        var result = await ExecuteAsync(Arbitrage("arb-flat", M1, 0.50m, 50m, 0.50m, 50m));

        result.Success.Should().BeFalse();
        result.Error!.Code.Should().Be("PROFIT_BELOW_THRESHOLD");
        Kalshi.Records.PlaceCalls.Should().Be(0);
        Poly.Records.PlaceCalls.Should().Be(0);
    }

    [Fact]
    public async Task ExecuteArbitrage_UpdatesPositionsFromTheJournal()
    {
        SetArbitrageBooks(M1, 0.40m, 50m, 0.50m, 50m);
        var result = await ExecuteAsync(Arbitrage("arb-pos", M1, 0.40m, 50m, 0.50m, 50m, maxSize: 20m));
        result.Success.Should().BeTrue(result.ToString());

        await DriveUntilAsync(() => Engine.Risk.PositionOf(M1) == 40m, "positions to include both legs");
        var report = await DriveAsync(Engine.Positions.Ask<PositionsReport>(GetPositions.Instance, Timeout.InfiniteTimeSpan));
        report.Book.Get(new(M1, KalshiId, Outcome.Yes)).Contracts.Should().Be(20m);
        report.Book.Get(new(M1, PolyId, Outcome.No)).Contracts.Should().Be(20m);
    }

    private OrderStatus? JournaledStatus(ClientOrderId id) => JournaledOrders.StatusAsync(Stores.Queries, id).GetAwaiter().GetResult();
}
