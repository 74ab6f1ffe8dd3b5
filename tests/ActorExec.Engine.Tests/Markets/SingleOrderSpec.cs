using ActorExec.Engine.Tests.Fixtures;
using ActorExec.Trading.Orders;
using Xunit.Abstractions;

namespace ActorExec.Engine.Tests.Markets;

public sealed class SingleOrderSpec(ITestOutputHelper output) : EngineTestKit(output)
{
    private static readonly MarketId M1 = new("m-1");

    [Fact]
    public async Task PlaceOrder_RestingThenCancel_CancelsAtTheVenue()
    {
        var placed = await ExecuteAsync(NewOrder("gtc-1", KalshiId, M1).Place());
        placed.Success.Should().BeTrue(placed.ToString());
        placed.Legs.Single().Status.Should().Be(OrderStatus.Placed);
        Kalshi.OrderBookOf(M1).Bids.Should().ContainSingle(b => b.Participant == ActorExec.Venues.Paper.PaperParticipant.Ours);

        var cancelled = await ExecuteAsync(new CancelOrder(M1, new ClientOrderId("gtc-1")));

        cancelled.Success.Should().BeTrue(cancelled.ToString());
        cancelled.Kind.Should().Be(ExecutionKind.Cancel);
        cancelled.Legs.Single().Status.Should().Be(OrderStatus.Cancelled);
        Kalshi.OrderBookOf(M1).Bids.Should().BeEmpty();
        Kalshi.Records.CancelCalls.Should().Be(1);
    }

    [Fact]
    public async Task CancelOrder_UnknownOrder_AnswersOrderNotFound()
    {
        var result = await ExecuteAsync(new CancelOrder(M1, new ClientOrderId("never-placed")));

        result.Success.Should().BeFalse();
        result.Error!.Code.Should().Be("ORDER_NOT_FOUND");
    }

    [Fact]
    public async Task CancelOrder_FilledOrder_AnswersNotCancellable()
    {
        Kalshi.AddLiquidity(M1, Side.Sell, new Price(0.40m), new Quantity(10m));
        var filled = await ExecuteAsync(NewOrder("filled-1", KalshiId, M1).Place());
        filled.Legs.Single().Status.Should().Be(OrderStatus.Confirmed);

        var result = await ExecuteAsync(new CancelOrder(M1, new ClientOrderId("filled-1")));

        result.Success.Should().BeFalse();
        result.Error!.Code.Should().Be("NOT_CANCELLABLE");
        Kalshi.Records.CancelCalls.Should().Be(0);
    }

    [Fact]
    public async Task PlaceOrder_SameIdempotencyKeyTwice_PlacesOnce()
    {
        var order = NewOrder("idem-1", KalshiId, M1).Place();
        var first = Engine.Region.Ask<ExecutionResult>(order, Timeout.InfiniteTimeSpan);
        var second = Engine.Region.Ask<ExecutionResult>(order, Timeout.InfiniteTimeSpan);
        var results = await DriveAsync(Task.WhenAll(first, second));

        results.Should().OnlyContain(r => r.Success && r.Legs.Single().Status == OrderStatus.Placed);
        Kalshi.Records.PlacementCount(new ClientOrderId("idem-1")).Should().Be(1);

        var later = await ExecuteAsync(order);
        later.Duplicate.Should().BeTrue();
        Kalshi.Records.PlacementCount(new ClientOrderId("idem-1")).Should().Be(1);
        Kalshi.Records.DuplicateAttempts.Should().BeEmpty();
    }

    [Fact]
    public async Task PlaceOrder_SameKeyAfterTheOrderClosed_IsAnsweredFromTheJournal()
    {
        Kalshi.AddLiquidity(M1, Side.Sell, new Price(0.40m), new Quantity(10m));
        var order = NewOrder("idem-closed", KalshiId, M1).Place();
        (await ExecuteAsync(order)).Legs.Single().Status.Should().Be(OrderStatus.Confirmed);

        // The closed order's actor was stopped: the market starts a new one presumed new, whose first
        // write collides with the stored history, so it recovers and answers from the journal.
        var again = await ExecuteAsync(order);

        again.Success.Should().BeTrue(again.ToString());
        again.Duplicate.Should().BeTrue();
        again.Legs.Single().Filled.Value.Should().Be(10m);
        Kalshi.Records.PlaceCalls.Should().Be(1);
    }

    [Fact]
    public async Task PlaceOrder_SameKeyDifferentTerms_IsRefusedAsConflicting()
    {
        (await ExecuteAsync(NewOrder("conflict-1", KalshiId, M1).Place())).Success.Should().BeTrue();

        var result = await ExecuteAsync((NewOrder("conflict-1", KalshiId, M1) with { Size = 11m }).Place());

        result.Success.Should().BeFalse();
        result.Error!.Code.Should().Be("CONFLICTING_INTENT");
        Kalshi.Records.PlaceCalls.Should().Be(1);
    }

    [Fact]
    public async Task PlaceOrder_InvalidPrice_IsRefusedNamingTheField()
    {
        var result = await ExecuteAsync((NewOrder("bad-price", KalshiId, M1) with { Price = 0.405m }).Place());

        result.Success.Should().BeFalse();
        result.Error!.Code.Should().Be("INVALID_ORDER");
        result.Error.Message.Should().Contain("LimitPrice").And.Contain("0.405");
        Kalshi.Records.PlaceCalls.Should().Be(0);
    }

    [Fact]
    public async Task PlaceOrder_UnknownMarket_IsRefused()
    {
        var result = await ExecuteAsync(NewOrder("nowhere", KalshiId, new MarketId("no-such-market")).Place());

        result.Error!.Code.Should().Be("UNKNOWN_MARKET");
    }

    [Fact]
    public async Task PlaceOrder_LostAcknowledgement_IsResolvedByClientOrderIdWithoutASecondPlacement()
    {
        Kalshi.Faults.LoseNextAcks(1);

        var result = await ExecuteAsync(NewOrder("lost-ack-1", KalshiId, M1).Place());

        result.Success.Should().BeTrue(result.ToString());
        result.Legs.Single().Status.Should().Be(OrderStatus.Placed);
        Kalshi.Records.PlacementCount(new ClientOrderId("lost-ack-1")).Should().Be(1);
        Kalshi.Records.DuplicateAttempts.Should().BeEmpty();
        Kalshi.Records.PlaceCalls.Should().Be(1);
    }

    [Fact]
    public async Task PlaceOrder_CompletePartialFill_PlacesFollowUpsForTheRemainder()
    {
        Kalshi.AddLiquidity(M1, Side.Sell, new Price(0.40m), new Quantity(4m));
        var intent = NewOrder("complete-1", KalshiId, M1) with { TimeInForce = TimeInForce.Ioc, Size = 10m };

        var placing = Engine.Region.Ask<ExecutionResult>(intent.Place(completePartialFill: true), Timeout.InfiniteTimeSpan);
        await DriveUntilAsync(() => Kalshi.Records.PlacementCount(new ClientOrderId("complete-1.c1")) == 1, "the first follow-up");
        Kalshi.AddLiquidity(M1, Side.Sell, new Price(0.40m), new Quantity(6m));
        var result = await DriveAsync(placing);

        result.Success.Should().BeTrue(result.ToString());
        result.TotalFilled.Should().Be(10m);
        result.Legs.Select(l => l.ClientOrderId.Value).Should().StartWith("complete-1");
    }

    [Fact]
    public async Task PlaceOrder_ManyAtOnce_RateLimitDelaysButNeverDrops()
    {
        var started = Clock.GetUtcNow();
        var orders = Enumerable.Range(1, 40).Select(i => Engine.Region.Ask<ExecutionResult>(
            (NewOrder($"burst-{i}", KalshiId, new MarketId($"m-{1 + i % 5}")) with { Price = 0.10m + 0.01m * (i % 20) }).Place(), Timeout.InfiniteTimeSpan)).ToList();

        var results = await DriveAsync(Task.WhenAll(orders));

        results.Should().OnlyContain(r => r.Success);
        Kalshi.Records.Placements.Should().HaveCount(40);
        // Kalshi-like writes: a burst of 10, then 10 per second.
        (Clock.GetUtcNow() - started).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2.9));
    }
}
