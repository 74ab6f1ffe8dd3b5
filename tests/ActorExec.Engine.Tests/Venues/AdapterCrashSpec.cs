using ActorExec.Engine.Tests.Fixtures;
using ActorExec.Trading.Orders;
using ActorExec.Venues.Paper;
using Xunit.Abstractions;

namespace ActorExec.Engine.Tests.Venues;

/// <summary>
/// An adapter that throws instead of returning a venue error is a bug: the call's outcome is unknown,
/// the adapter actor crashes and its BackoffSupervisor starts it again. An order accepted meanwhile is
/// never dropped: it ends placed exactly once, or failed with a reason.
/// </summary>
/// <remarks>
/// This spec starts its own engine with Kalshi behind <see cref="ThrowingVenueAdapter"/>; the kit's
/// <c>Kalshi</c>, <c>Poly</c> and <c>Engine</c> stay unset here.
/// </remarks>
public sealed class AdapterCrashSpec(ITestOutputHelper output) : EngineTestKit(output)
{
    private const string AdapterSupervisorPath = "/user/engine/venue-kalshi/adapter-supervisor";
    private static readonly MarketId M1 = new("m-1");
    private static readonly MarketId M2 = new("m-2");

    private PaperVenue _kalshi = null!;
    private ThrowingVenueAdapter _adapter = null!;
    private ExecutionEngine _engine = null!;

    public override async Task InitializeAsync()
    {
        _kalshi = new PaperVenue(KalshiOptions(Markets));
        var poly = new PaperVenue(PolyOptions(Markets));
        _adapter = new ThrowingVenueAdapter(_kalshi);
        _engine = await DriveAsync(ExecutionEngine.StartAsync(Sys, Stores.Queries,
        [
            new VenueConnection(_adapter, _adapter, SupervisorOptions(KalshiId)),
            new VenueConnection(poly, poly, SupervisorOptions(PolyId)),
        ], EngineOptions));
        await DriveUntilAsync(() => _engine.Venues.All.All(v => v.Status.IsReconciled), "both venues reconciled");
    }

    [Theory]
    [InlineData(AdapterFault.ThrowAfterTheVenueTookIt)]
    [InlineData(AdapterFault.FaultAfterTheVenueTookIt)]
    public async Task PlaceOrder_AdapterCrashesAfterTheVenueTookTheOrder_IsResolvedAsPlacedExactlyOnce(AdapterFault fault)
    {
        _adapter.FailNextPlaces(1, fault);

        var result = await ExecuteAsync(NewOrder("crash-after-1", KalshiId, M1).Place(), engine: _engine);

        _adapter.Thrown.Should().Be(1);
        result.Success.Should().BeTrue(result.ToString());
        result.Legs.Single().Status.Should().Be(OrderStatus.Placed, "the engine asked the venue by client order id instead of guessing");
        _kalshi.Records.PlacementCount(new ClientOrderId("crash-after-1")).Should().Be(1);
        _kalshi.Records.PlaceCalls.Should().Be(1, "an outcome-unknown placement is never resent blindly");
        _kalshi.Records.DuplicateAttempts.Should().BeEmpty();
        (await RestartCountAsync()).Should().Be(1, "the crashed adapter actor was started again once");
    }

    [Fact]
    public async Task PlaceOrder_AdapterCrashed_LaterOrdersGoThroughTheRestartedAdapter()
    {
        var before = Sys.ActorSelection(AdapterSupervisorPath + "/adapter").ResolveAll().Single();
        _adapter.FailNextPlaces(1, AdapterFault.ThrowAfterTheVenueTookIt);
        (await ExecuteAsync(NewOrder("crash-1", KalshiId, M1).Place(), engine: _engine)).Success.Should().BeTrue();

        var next = await ExecuteAsync(NewOrder("after-crash-1", KalshiId, M2).Place(), engine: _engine);

        next.Success.Should().BeTrue(next.ToString());
        next.Legs.Single().Status.Should().Be(OrderStatus.Placed);
        _kalshi.Records.PlacementCount(new ClientOrderId("after-crash-1")).Should().Be(1);
        var after = Sys.ActorSelection(AdapterSupervisorPath + "/adapter").ResolveAll().Single();
        after.Should().NotBeSameAs(before, "the adapter actor is a new incarnation");
        (await RestartCountAsync()).Should().Be(1);
        _engine.Venues.Find(KalshiId)!.Status.Breaker.State.Should().Be(BreakerState.Closed, "one crash is below the breaker's threshold");
    }

    [Theory]
    [InlineData(AdapterFault.ThrowBeforeSending)]
    [InlineData(AdapterFault.FaultBeforeSending)]
    public async Task PlaceOrder_AdapterCrashesBeforeSending_IsSentAgainAndPlacedExactlyOnce(AdapterFault fault)
    {
        _adapter.FailNextPlaces(1, fault);

        var result = await ExecuteAsync(NewOrder("crash-before-1", KalshiId, M1).Place(), engine: _engine);

        result.Success.Should().BeTrue(result.ToString());
        result.Legs.Single().Status.Should().Be(OrderStatus.Placed);
        _kalshi.Records.PlacementCount(new ClientOrderId("crash-before-1")).Should().Be(1);
        _kalshi.Records.DuplicateAttempts.Should().BeEmpty();
    }

    [Fact]
    public async Task PlaceOrder_AdapterCrashesOnEveryAttempt_FailsWithAClearError()
    {
        _adapter.FailNextPlaces(_engine.Options.Orders.MaxSendAttempts, AdapterFault.ThrowBeforeSending);

        var result = await ExecuteAsync(NewOrder("crash-always-1", KalshiId, M1).Place(), engine: _engine);

        result.Success.Should().BeFalse();
        result.Error!.Code.Should().Be("LEG_FAILED");
        result.Error.Message.Should().Contain("never received the order after 3 attempts");
        result.Legs.Single().Status.Should().Be(OrderStatus.Failed);
        _kalshi.Records.PlacementCount(new ClientOrderId("crash-always-1")).Should().Be(0);
        _adapter.Thrown.Should().Be(3);
    }

    private async Task<int> RestartCountAsync()
    {
        var supervisor = await Sys.ActorSelection(AdapterSupervisorPath).ResolveOne();
        var count = await DriveAsync(supervisor.Ask<BackoffSupervisor.RestartCount>(BackoffSupervisor.GetRestartCount.Instance, Timeout.InfiniteTimeSpan));
        return count.Count;
    }
}
