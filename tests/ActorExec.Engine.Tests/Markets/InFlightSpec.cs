using ActorExec.Engine.Tests.Fixtures;
using ActorExec.Venues.Paper;
using Xunit.Abstractions;

namespace ActorExec.Engine.Tests.Markets;

/// <summary>One execution per market at a time, then a cooldown: the venues answer after 1 s of (virtual) latency so an execution stays in flight.</summary>
public sealed class InFlightSpec(ITestOutputHelper output) : EngineTestKit(output)
{
    private static readonly MarketId M1 = new("m-1");

    protected override PaperVenueOptions KalshiOptions(IReadOnlyList<PaperMarket> markets)
        => base.KalshiOptions(markets) with { Latency = new PaperLatencyOptions { Base = TimeSpan.FromSeconds(1) } };

    protected override PaperVenueOptions PolyOptions(IReadOnlyList<PaperMarket> markets)
        => base.PolyOptions(markets) with { Latency = new PaperLatencyOptions { Base = TimeSpan.FromSeconds(1) } };

    [Fact]
    public async Task ExecuteArbitrage_WhileInFlight_IsRefusedThenCoolsDownThenAccepted()
    {
        SetArbitrageBooks(M1, 0.40m, 100m, 0.50m, 100m);
        var first = Engine.Region.Ask<ExecutionResult>(Arbitrage("if-1", M1, 0.40m, 100m, 0.50m, 100m, maxSize: 10m), Timeout.InfiniteTimeSpan);
        await Driver!.QuiesceAsync();
        Kalshi.Records.PlaceCalls.Should().Be(0, "both legs wait out the venues' latency, so the execution is in flight");

        var during = await Engine.Region.Ask<ExecutionResult>(Arbitrage("if-2", M1, 0.40m, 100m, 0.50m, 100m, maxSize: 10m), Timeout.InfiniteTimeSpan).WaitAsync(TimeSpan.FromSeconds(10));
        during.Error!.Code.Should().Be("ALREADY_IN_FLIGHT");

        (await DriveAsync(first)).Success.Should().BeTrue();

        var cooling = await ExecuteAsync(Arbitrage("if-3", M1, 0.40m, 100m, 0.50m, 100m, maxSize: 10m));
        cooling.Error!.Code.Should().Be("COOLING_DOWN");
        cooling.Error.Context.Should().ContainKey("cooling_down_until");

        Clock.Advance(Engine.Options.InFlight.Cooldown);
        var after = await ExecuteAsync(Arbitrage("if-4", M1, 0.40m, 100m, 0.50m, 100m, maxSize: 10m));
        after.Success.Should().BeTrue(after.ToString());
        Kalshi.Records.Placements.Select(p => p.ClientOrderId.Value).Should().Equal("if-1.yes", "if-4.yes");
    }

    [Fact]
    public async Task ExecuteArbitrage_SameExecutionIdWhileInFlightAndAfter_PlacesOnceAndAnswersBoth()
    {
        SetArbitrageBooks(M1, 0.40m, 100m, 0.50m, 100m);
        var command = Arbitrage("dup-1", M1, 0.40m, 100m, 0.50m, 100m, maxSize: 10m);
        var first = Engine.Region.Ask<ExecutionResult>(command, Timeout.InfiniteTimeSpan);
        await Driver!.QuiesceAsync();
        Kalshi.Records.PlaceCalls.Should().Be(0, "the legs wait out the venues' latency, so the execution is in flight");
        var second = Engine.Region.Ask<ExecutionResult>(command, Timeout.InfiniteTimeSpan);

        var results = await DriveAsync(Task.WhenAll(first, second));

        results.Should().OnlyContain(r => r.Success);
        var third = await ExecuteAsync(command);
        third.Duplicate.Should().BeTrue();
        third.Success.Should().BeTrue();
        Kalshi.Records.PlaceCalls.Should().Be(1);
        Poly.Records.PlaceCalls.Should().Be(1);
    }

    [Fact]
    public async Task ExecuteArbitrage_DryRun_PlacesNothingButCoolsDown()
    {
        SetArbitrageBooks(M1, 0.40m, 100m, 0.50m, 100m);
        var dry = await ExecuteAsync(Arbitrage("dry-1", M1, 0.40m, 100m, 0.50m, 100m, maxSize: 10m) with { DryRun = true });

        dry.Success.Should().BeTrue();
        dry.Profit.Should().BeGreaterThan(0m);
        dry.Legs.Should().BeEmpty();
        Kalshi.Records.PlaceCalls.Should().Be(0);
        (await ExecuteAsync(Arbitrage("dry-2", M1, 0.40m, 100m, 0.50m, 100m))).Error!.Code.Should().Be("COOLING_DOWN");
    }

    [Fact]
    public async Task GetMarketState_InFlightThenCoolingDown_ReportsSlotOpenLegsAndExecutions()
    {
        SetArbitrageBooks(M1, 0.40m, 100m, 0.50m, 100m);
        var first = Engine.Region.Ask<ExecutionResult>(Arbitrage("st-1", M1, 0.40m, 100m, 0.50m, 100m, maxSize: 10m), Timeout.InfiniteTimeSpan);
        await Driver!.QuiesceAsync();

        var during = await Engine.Region.Ask<MarketStateReport>(new GetMarketState(M1), Timeout.InfiniteTimeSpan).WaitAsync(TimeSpan.FromSeconds(10));
        during.Phase.Should().Be(Trading.Execution.InFlightPhase.InFlight);
        during.InFlightSince.Should().NotBeNull();
        during.OpenOrders.Select(o => o.Value).Should().Equal("st-1.no", "st-1.yes");
        during.RecentExecutions.Should().ContainSingle(e => e.Id == "st-1" && e.FinishedAt == null);

        (await DriveAsync(first)).Success.Should().BeTrue();

        var after = await Engine.Region.Ask<MarketStateReport>(new GetMarketState(M1), Timeout.InfiniteTimeSpan).WaitAsync(TimeSpan.FromSeconds(10));
        after.Phase.Should().Be(Trading.Execution.InFlightPhase.CoolingDown);
        after.CoolingDownUntil.Should().NotBeNull();
        after.BlacklistedUntil.Should().BeNull();
        var execution = after.RecentExecutions.Should().ContainSingle().Subject;
        execution.Success.Should().BeTrue();
        execution.Profit.Should().BeGreaterThan(0m);
        execution.Legs.Select(l => l.Value).Should().Equal("st-1.yes", "st-1.no");
    }
}
