using System.Globalization;
using ActorExec.Engine.Markets;
using ActorExec.Engine.Orders;
using ActorExec.Engine.Region;
using ActorExec.Engine.Tests.Fixtures;
using ActorExec.Engine.Venues;
using ActorExec.Trading.Execution;
using ActorExec.Trading.Orders;
using Xunit.Abstractions;

namespace ActorExec.Engine.Tests.Region;

/// <summary>
/// Markets live only while they have work: an idle market is stopped (passivated) and forgotten, and
/// started again from its journal by its next command; markets with open orders are remembered and
/// resumed after a restart. Idle timeout 5 s and cooldown 60 s here, so a market passivates while it
/// is still cooling down.
/// </summary>
public sealed class PassivationSpec(ITestOutputHelper output) : EngineTestKit(output)
{
    private static readonly MarketId M1 = new("m-1");
    private static readonly MarketId M2 = new("m-2");
    private static readonly MarketId M3 = new("m-3");
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Cooldown = TimeSpan.FromSeconds(60);

    private ActorSystem? _restarted;

    protected override EngineOptions EngineOptions => new()
    {
        MarketIdleTimeout = IdleTimeout,
        InFlight = new InFlightOptions { Cooldown = Cooldown },
    };

    // Tokens refilled once a second instead of every 100 ms: the driver steps from timer to timer, and
    // this spec lets tens of virtual seconds pass; rate limits play no part in it.
    protected override VenueSupervisorOptions SupervisorOptions(VenueId venue)
        => base.SupervisorOptions(venue) with { ReplenishmentPeriod = TimeSpan.FromSeconds(1) };

    public override async Task DisposeAsync()
    {
        if (_restarted is not null)
            await _restarted.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Market_IdlePastItsTimeout_IsPassivatedAndForgotten()
    {
        SetArbitrageBooks(M1, 0.40m, 50m, 0.50m, 50m);
        (await ExecuteAsync(Arbitrage("pv-1", M1, 0.40m, 50m, 0.50m, 50m, maxSize: 10m))).Success.Should().BeTrue();
        (await ActiveMarkets()).Live.Should().Contain(M1);

        // The on-chain NO leg keeps the market busy until it confirms; then it idles for 5 s and stops.
        // Stopped first, forgotten once MarketPassivated is journaled (PersistAsync): wait for both.
        var stopped = await DriveUntilMarketsAsync(markets => !markets.Live.Contains(M1) && !markets.Remembered.Contains(M1), "m-1 to passivate and be forgotten");

        stopped.Remembered.Should().NotContain(M1, "a market without open work need not be resumed after a restart");
        var region = await RegionEvents();
        region.OfType<MarketActivated>().Should().ContainSingle(e => e.Market == M1);
        var passivated = region.OfType<MarketPassivated>().Should().ContainSingle(e => e.Market == M1).Which;
        var lastLegEvent = (await EventsOf("pv-1.no")).Max(e => e.At);
        (passivated.At - lastLegEvent).Should().BeGreaterThanOrEqualTo(IdleTimeout, "it stopped only after a whole idle timeout without work");
    }

    [Fact]
    public async Task Market_NextCommandAfterPassivation_RecoversItsStateFromTheJournal()
    {
        SetArbitrageBooks(M1, 0.40m, 50m, 0.50m, 50m);
        var first = await ExecuteAsync(Arbitrage("pv-dup", M1, 0.40m, 50m, 0.50m, 50m, maxSize: 10m));
        first.Success.Should().BeTrue(first.ToString());
        var finished = (await MarketEvents(M1)).OfType<ExecutionFinished>().Single();
        await DriveUntilMarketsAsync(markets => !markets.Live.Contains(M1), "m-1 to passivate");

        // The same execution id is known from the journal: answered as a duplicate, nothing placed.
        var again = await ExecuteAsync(Arbitrage("pv-dup", M1, 0.40m, 50m, 0.50m, 50m, maxSize: 10m));

        again.Duplicate.Should().BeTrue();
        again.Success.Should().BeTrue();
        again.Profit.Should().Be(first.Profit);
        Kalshi.Records.PlaceCalls.Should().Be(1);
        Poly.Records.PlaceCalls.Should().Be(1);
        (await ActiveMarkets()).Live.Should().Contain(M1, "the command started it again");

        // A market does not passivate while it cools down, so by now the cooldown has ended.
        Clock.GetUtcNow().Should().BeOnOrAfter(finished.At + Cooldown);
        var after = await ExecuteAsync(Arbitrage("pv-after", M1, 0.40m, 50m, 0.50m, 50m, maxSize: 10m));
        after.Success.Should().BeTrue(after.ToString());
    }

    [Fact]
    public async Task Market_WithAnOpenOrder_IsNotPassivated()
    {
        (await ExecuteAsync(NewOrder("open-1", KalshiId, M2).Place())).Legs.Single().Status.Should().Be(OrderStatus.Placed);

        await DriveUntilAsync(() => Clock.Elapsed >= IdleTimeout * 4, "four idle timeouts");

        var markets = await ActiveMarkets();
        markets.Live.Should().Contain(M2);
        markets.Remembered.Should().Contain(M2);
        (await RegionEvents()).OfType<MarketPassivated>().Should().BeEmpty();
    }

    [Fact]
    public async Task Engine_RestartedOnTheSameJournal_ResumesRememberedMarketsWithOpenOrders()
    {
        // m-2 rests an order (open work); m-3's order ends at once and the market passivates.
        (await ExecuteAsync(NewOrder("resume-1", KalshiId, M2).Place())).Legs.Single().Status.Should().Be(OrderStatus.Placed);
        var ioc = await ExecuteAsync((NewOrder("gone-1", KalshiId, M3) with { TimeInForce = TimeInForce.Ioc }).Place());
        ioc.Legs.Single().Status.Should().Be(OrderStatus.Cancelled, "nothing to take: the venue cancels the IOC");
        var before = await DriveUntilMarketsAsync(markets => !markets.Live.Contains(M3), "m-3 to passivate");
        before.Remembered.Should().Equal(M2);

        // A new process: the old system is gone, the journal is opened again from its file, the venues kept running.
        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        await Stores.ReopenAsync();
        _restarted = ActorSystem.Create("restarted", Sys.Options with { Persistence = Stores.Options });
        var engine = await StartEngineAsync(_restarted);

        var resumed = await DriveAsync(engine.Region.Ask<ActiveMarkets>(GetActiveMarkets.Instance, Timeout.InfiniteTimeSpan));
        resumed.Live.Should().Equal(M2);
        resumed.Remembered.Should().Equal(M2);

        // The resumed order follows its venue again: a fill there reaches the journal and the positions.
        Kalshi.AddLiquidity(M2, Side.Sell, new Price(0.40m), new Quantity(10m));
        await DriveUntilAsync(() => JournaledStatus("resume-1") == OrderStatus.Confirmed, "the resumed order to see its fill");
        await DriveUntilAsync(() => engine.Risk.PositionOf(M2) == 10m, "the positions of the new engine");
        Kalshi.Records.PlacementCount(new ClientOrderId("resume-1")).Should().Be(1, "resuming never places an order again");

        var duplicate = await ExecuteAsync(NewOrder("resume-1", KalshiId, M2).Place(), engine: engine);
        duplicate.Duplicate.Should().BeTrue();
        duplicate.Legs.Single().Filled.Value.Should().Be(10m);
    }

    [Fact]
    public async Task Market_PassivatedDuringADryRunCooldown_StillCoolsDown()
    {
        var dry = await ExecuteAsync(Arbitrage("dry-pv-1", M1, 0.40m, 50m, 0.50m, 50m, maxSize: 10m) with { DryRun = true });
        dry.Success.Should().BeTrue(dry.ToString());
        var dryAt = Clock.GetUtcNow();

        await DriveUntilAsync(() => Clock.GetUtcNow() >= dryAt + IdleTimeout * 3, "three idle timeouts");
        var next = await ExecuteAsync(Arbitrage("dry-pv-2", M1, 0.40m, 50m, 0.50m, 50m, maxSize: 10m) with { DryRun = true });

        next.Success.Should().BeFalse($"the dry run at {dryAt:O} started a {Cooldown} cooldown");
        next.Error!.Code.Should().Be("COOLING_DOWN");
    }

    private Task<ActiveMarkets> ActiveMarkets()
        => DriveAsync(Engine.Region.Ask<ActiveMarkets>(GetActiveMarkets.Instance, Timeout.InfiniteTimeSpan));

    private Task<ActiveMarkets> DriveUntilMarketsAsync(Func<ActiveMarkets, bool> condition, string what)
        => Driver!.UntilAsync(() => Engine.Region.Ask<ActiveMarkets>(GetActiveMarkets.Instance, Timeout.InfiniteTimeSpan), condition, what);

    private Task<List<object>> RegionEvents() => Events(LocalMarketRegion.RegionPersistenceId);

    private Task<List<object>> MarketEvents(MarketId market) => Events(MarketActor.PersistenceIdOf(market));

    private async Task<List<OrderEvent>> EventsOf(string clientOrderId)
        => [.. (await Events(OrderActor.PersistenceIdOf(new ClientOrderId(clientOrderId)))).Cast<OrderEvent>()];

    private OrderStatus? JournaledStatus(string clientOrderId)
    {
        var events = EventsOf(clientOrderId).GetAwaiter().GetResult();
        return events.Count == 0 ? null : Order.Replay(events).Status;
    }

    private async Task<List<object>> Events(string persistenceId)
    {
        var events = new List<object>();
        await foreach (var envelope in Stores.Queries.EventsByPersistenceIdAsync(persistenceId, 1, long.MaxValue))
            events.Add(envelope.Event);
        return events;
    }
}
