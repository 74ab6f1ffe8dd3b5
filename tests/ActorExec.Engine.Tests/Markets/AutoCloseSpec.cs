using ActorExec.Trading.AutoClose;
using ActorExec.Engine.Markets;
using ActorExec.Engine.Tests.Fixtures;
using ActorExec.Trading.Orders;
using Xunit.Abstractions;

namespace ActorExec.Engine.Tests.Markets;

public sealed class AutoCloseSpec(ITestOutputHelper output) : EngineTestKit(output)
{
    // Short, so the clock can be stepped past it timer by timer in little real time.
    private static readonly TimeSpan Blacklist = TimeSpan.FromSeconds(20);

    protected override EngineOptions EngineOptions => base.EngineOptions with { AutoClose = new AutoCloseOptions { BlacklistDuration = Blacklist } };

    private static readonly MarketId M1 = new("m-1");

    [Fact]
    public async Task ExecuteArbitrage_MismatchedFills_AutoCloseSellsTheExcessWithAPriceWalk()
    {
        // The strategy saw 20 NO, but only 8 are really there: YES fills 20, NO fills 8.
        SetArbitrageBooks(M1, yesAsk: 0.40m, yesSize: 20m, noAsk: 0.50m, noSize: 8m);
        Kalshi.AddLiquidity(M1, Side.Buy, new Price(0.39m), new Quantity(100m));
        var reports = CreateTestProbe();
        Sys.EventStream.Subscribe(reports.Ref, typeof(AutoCloseReport));

        var result = await ExecuteAsync(Arbitrage("mismatch-1", M1, 0.40m, 20m, 0.50m, 20m, maxSize: 20m));

        result.Success.Should().BeFalse();
        result.Error!.Code.Should().Be("FILL_MISMATCH");
        result.Legs.Single(l => l.Outcome == Outcome.Yes).Filled.Value.Should().Be(20m);
        result.Legs.Single(l => l.Outcome == Outcome.No).Filled.Value.Should().Be(8m);

        var report = await DriveAsync(reports.ExpectMsgAsync<AutoCloseReport>(timeout: TimeSpan.FromSeconds(20)));
        report.Outcome.Should().Be(AutoCloseOutcome.Closed);
        report.Closed.Value.Should().Be(12m);
        report.RealizedLoss.Should().BeGreaterThan(0m, "the walk sold below the 0.40 fill price");

        // The paper venue's own records: a first attempt at 0.40 found no bid, the second at 0.39 sold the 12.
        var sells = Kalshi.Records.Placements.Where(p => p.Intent.Side == Side.Sell).ToList();
        sells.Select(p => p.ClientOrderId.Value).Should().Equal("mismatch-1.ac1.0", "mismatch-1.ac1.1");
        sells.Select(p => p.Intent.LimitPrice!.Value.Value).Should().Equal(0.40m, 0.39m);
        var positions = (await Kalshi.GetPositionsAsync()).Value;
        positions.Single(p => p.Market == M1 && p.Outcome == Outcome.Yes).Contracts.Should().Be(8m);

        var events = await MarketEvents();
        events.Should().ContainSingle(e => e is MismatchDetected);
        events.OfType<AutoCloseFinished>().Single().Outcome.Should().Be(AutoCloseOutcome.Closed);
        events.OfType<ExecutionFinished>().Single().Success.Should().BeFalse();
    }

    [Fact]
    public async Task ExecuteArbitrage_NoBidsForTheExcess_WalkReachesTheFloor()
    {
        SetArbitrageBooks(M1, 0.40m, 10m, 0.50m, 4m);
        var reports = CreateTestProbe();
        Sys.EventStream.Subscribe(reports.Ref, typeof(AutoCloseReport));

        var result = await ExecuteAsync(Arbitrage("floor-1", M1, 0.40m, 10m, 0.50m, 10m, maxSize: 10m));
        result.Error!.Code.Should().Be("FILL_MISMATCH");

        var report = await DriveAsync(reports.ExpectMsgAsync<AutoCloseReport>(timeout: TimeSpan.FromSeconds(20)));
        report.Outcome.Should().Be(AutoCloseOutcome.FloorReached);
        report.Remaining.Value.Should().Be(6m);
        Kalshi.Records.Placements.Where(p => p.Intent.Side == Side.Sell).Select(p => p.Intent.LimitPrice!.Value.Value)
            .Should().BeInDescendingOrder().And.EndWith(0.01m);
    }

    [Fact]
    public async Task RepeatedMismatches_BlacklistTheMarket()
    {
        var reports = CreateTestProbe();
        Sys.EventStream.Subscribe(reports.Ref, typeof(AutoCloseReport));
        Kalshi.AddLiquidity(M1, Side.Buy, new Price(0.39m), new Quantity(1_000m));
        for (var i = 1; i <= 3; i++)
        {
            SetArbitrageBooks(M1, 0.40m, 10m, 0.50m, 5m);
            var result = await ExecuteAsync(Arbitrage($"bl-{i}", M1, 0.40m, 10m, 0.50m, 10m, maxSize: 10m));
            result.Error!.Code.Should().Be("FILL_MISMATCH");
            await DriveAsync(reports.ExpectMsgAsync<AutoCloseReport>(timeout: TimeSpan.FromSeconds(20)));
        }

        SetArbitrageBooks(M1, 0.40m, 10m, 0.50m, 10m);
        var refused = await ExecuteAsync(Arbitrage("bl-4", M1, 0.40m, 10m, 0.50m, 10m, maxSize: 10m));

        refused.Error!.Code.Should().Be("MARKET_BLACKLISTED");
        // Stepped, not jumped: one jump past the blacklist fired every ask and venue-call timeout at
        // once, before anyone could answer, and opened the breaker.
        var pastBlacklist = Clock.GetUtcNow() + Blacklist + TimeSpan.FromSeconds(1);
        await DriveUntilAsync(() => Clock.GetUtcNow() >= pastBlacklist, "the blacklist to expire");
        var allowed = await ExecuteAsync(Arbitrage("bl-5", M1, 0.40m, 10m, 0.50m, 10m, maxSize: 10m));
        allowed.Success.Should().BeTrue(allowed.ToString());
    }

    private async Task<List<object>> MarketEvents()
    {
        var events = new List<object>();
        await foreach (var envelope in Stores.Queries.EventsByPersistenceIdAsync(MarketActor.PersistenceIdOf(M1), 1, long.MaxValue))
            events.Add(envelope.Event);
        return events;
    }
}
