using ActorExec.Engine.Orders;
using ActorExec.Trading.Orders;

// Not "ActorExec.Engine.Tests.Orders": that namespace would shadow ActorExec.Engine.Orders for the
// partly qualified "Orders.OrderActor" in Markets/ArbitrageSpec.cs.
namespace ActorExec.Engine.Tests.OrderReports;

/// <summary>Venue reports → the trading core's commands (pure), and those commands decided in a row.</summary>
public sealed class VenueReportTranslatorSpec
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly VenueId Venue = new("kalshi");
    private static readonly MarketId Market = new("m-1");
    private static readonly ClientOrderId Id = new("ord-1");
    private static readonly VenueOrderId VenueOrder = new("kalshi-o1");

    private static readonly OrderIntent Intent = new(new OrderId(Id.Value), Id, Venue, Market, Side.Buy, Outcome.Yes,
        OrderType.Limit, TimeInForce.Gtc, new Quantity(10m), new Price(0.40m));

    /// <summary>Submitted and sent, no answer yet.</summary>
    private static Order Sent() => Order.Replay([new OrderSubmitted(Intent, T0), new OrderSent(1, T0)]);

    /// <summary>Acknowledged by the venue.</summary>
    private static Order Placed() => Order.Evolve(Sent(), new OrderPlaced(VenueOrder, Implied: false, T0.AddSeconds(1)));

    private static VenueFill VFill(int n, decimal quantity, decimal price = 0.40m, decimal fee = 0.01m)
        => new(new FillId($"kalshi-f{n}"), VenueOrder, Id, Market, Side.Buy, Outcome.Yes, new Quantity(quantity), new Price(price), fee, IsMaker: false, T0.AddSeconds(1 + n));

    private static VenueOrderReport Report(VenueOrderStatus status, decimal filled = 0m, IReadOnlyList<VenueFill>? fills = null, string? detail = null, string? txHash = null, int at = 10)
        => new(VenueOrder, Id, Market, Side.Buy, Outcome.Yes, status, new Quantity(10m), new Quantity(filled), new Price(0.40m),
            fills ?? [], detail, txHash, T0.AddSeconds(at));

    private static DateTimeOffset At(int seconds = 10) => T0.AddSeconds(seconds);

    [Fact]
    public void Translate_OpenReportForAnUnacknowledgedOrder_OnlyAccepts()
    {
        var commands = VenueReportTranslator.Translate(Sent(), Report(VenueOrderStatus.Open), At(20));

        commands.Should().Equal(new ReportAccepted(VenueOrder, At()));
    }

    [Fact]
    public void Translate_OpenReportForAPlacedOrder_ImpliesNothing()
    {
        VenueReportTranslator.Translate(Placed(), Report(VenueOrderStatus.Open), At(20)).Should().BeEmpty();
    }

    [Fact]
    public void Translate_PartiallyFilled_ReportsEachNewFillWithTheVenueOrderIdAndNoStatus()
    {
        var fill = VFill(1, 4m);

        var commands = VenueReportTranslator.Translate(Placed(), Report(VenueOrderStatus.PartiallyFilled, 4m, [fill]), At(20));

        commands.Should().Equal(new ReportFill(new Fill(fill.FillId, new Quantity(4m), new Price(0.40m), 0.01m, fill.At), VenueOrder, fill.At));
    }

    [Fact]
    public void Translate_Filled_AcceptsThenFillsInOrderThenMatches()
    {
        var fills = new[] { VFill(1, 4m), VFill(2, 6m, price: 0.39m) };

        var commands = VenueReportTranslator.Translate(Sent(), Report(VenueOrderStatus.Filled, 10m, fills), At(20));

        commands.Select(c => c.GetType()).Should().Equal(typeof(ReportAccepted), typeof(ReportFill), typeof(ReportFill), typeof(ReportMatched));
        commands.OfType<ReportFill>().Select(f => f.Fill.FillId.Value).Should().Equal("kalshi-f1", "kalshi-f2");
        commands[^1].Should().Be(new ReportMatched(At()));
    }

    [Fact]
    public void Translate_FillsSeenBefore_AreNotReportedAgain()
    {
        var first = VFill(1, 4m);
        var order = Order.Evolve(Placed(), new OrderFilled(new Fill(first.FillId, first.Quantity, first.Price, first.Fee, first.At), Completes: false, first.At));

        var commands = VenueReportTranslator.Translate(order, Report(VenueOrderStatus.PartiallyFilled, 7m, [first, VFill(2, 3m)]), At(20));

        commands.OfType<ReportFill>().Should().ContainSingle().Which.Fill.FillId.Value.Should().Be("kalshi-f2");
    }

    [Fact]
    public void Translate_Mined_CarriesTheTransactionHash()
    {
        var commands = VenueReportTranslator.Translate(Placed(), Report(VenueOrderStatus.Mined, 10m, [VFill(1, 10m)], txHash: "0xabc"), At(20));

        commands[^1].Should().Be(new ReportMined("0xabc", At()));
    }

    [Fact]
    public void Translate_Confirmed_ReportsConfirmed()
    {
        VenueReportTranslator.Translate(Placed(), Report(VenueOrderStatus.Confirmed, 10m, [VFill(1, 10m)]), At(20))[^1]
            .Should().Be(new ReportConfirmed(At()));
    }

    [Fact]
    public void Translate_CancelledWithoutOurRequest_IsCancelledByTheVenue()
    {
        VenueReportTranslator.Translate(Placed(), Report(VenueOrderStatus.Cancelled), At(20))
            .Should().Equal(new ReportCancelled(CancelReason.ByVenue, At()));
    }

    [Fact]
    public void Translate_CancelledAfterOurRequest_IsARequestedCancel()
    {
        var order = Order.Evolve(Placed(), new OrderCancelRequested(T0.AddSeconds(2)));

        VenueReportTranslator.Translate(order, Report(VenueOrderStatus.Cancelled), At(20))
            .Should().Equal(new ReportCancelled(CancelReason.Requested, At()));
    }

    [Fact]
    public void Translate_Expired_IsCancelledAsExpired()
    {
        VenueReportTranslator.Translate(Placed(), Report(VenueOrderStatus.Expired), At(20))
            .Should().Equal(new ReportCancelled(CancelReason.Expired, At()));
    }

    [Theory]
    [InlineData("post-only would cross", "post-only would cross")]
    [InlineData(null, "rejected by the venue")]
    public void Translate_Rejected_CarriesTheVenueDetailOrADefault(string? detail, string expected)
    {
        VenueReportTranslator.Translate(Placed(), Report(VenueOrderStatus.Rejected, detail: detail), At(20))
            .Should().Equal(new ReportRejected(expected, At()));
    }

    [Theory]
    [InlineData("reverted: out of gas", "reverted: out of gas")]
    [InlineData(null, "settlement failed")]
    public void Translate_Failed_IsAChainRevertWithTheDetailOrADefault(string? detail, string expected)
    {
        VenueReportTranslator.Translate(Placed(), Report(VenueOrderStatus.Failed, detail: detail), At(20))
            .Should().Equal(new ReportFailed(FailureReason.ChainReverted, expected, At()));
    }

    [Fact]
    public void Translate_EveryVenueStatus_IsMapped()
    {
        var expected = new Dictionary<VenueOrderStatus, Type?>
        {
            [VenueOrderStatus.Open] = null,
            [VenueOrderStatus.PartiallyFilled] = null,
            [VenueOrderStatus.Filled] = typeof(ReportMatched),
            [VenueOrderStatus.Mined] = typeof(ReportMined),
            [VenueOrderStatus.Confirmed] = typeof(ReportConfirmed),
            [VenueOrderStatus.Cancelled] = typeof(ReportCancelled),
            [VenueOrderStatus.Expired] = typeof(ReportCancelled),
            [VenueOrderStatus.Rejected] = typeof(ReportRejected),
            [VenueOrderStatus.Failed] = typeof(ReportFailed),
        };
        expected.Keys.Should().BeEquivalentTo(Enum.GetValues<VenueOrderStatus>(), "a new venue status needs a mapping and a row here");

        foreach (var (status, type) in expected)
        {
            var commands = VenueReportTranslator.Translate(Placed(), Report(status), At(20));
            commands.Should().HaveCount(type is null ? 0 : 1, status.ToString());
            (commands.SingleOrDefault()?.GetType()).Should().Be(type, status.ToString());
        }
    }

    [Fact]
    public void Translate_NullArguments_Throw()
    {
        FluentActions.Invoking(() => VenueReportTranslator.Translate(null!, Report(VenueOrderStatus.Open), At())).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => VenueReportTranslator.Translate(Placed(), null!, At())).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void DecideAll_ConfirmedReportBeforeAnyAcknowledgement_BuildsTheWholeLifecycle()
    {
        var report = Report(VenueOrderStatus.Confirmed, 10m, [VFill(1, 10m)]);

        var (events, order, refused) = VenueReportTranslator.DecideAll(Sent(), VenueReportTranslator.Translate(Sent(), report, At(20)), OrderRules.Default);

        refused.Should().BeEmpty();
        events.Select(e => e.Kind).Should().Equal(OrderEventKind.Placed, OrderEventKind.CompletingFill, OrderEventKind.Confirmed);
        order.Status.Should().Be(OrderStatus.Confirmed);
        order.VenueOrderId.Should().Be(VenueOrder);
        order.Filled.Value.Should().Be(10m);
        order.Fees.Should().Be(0.01m);
    }

    [Fact]
    public void DecideAll_OnChainStatusesArrivingOutOfOrder_NeverMoveTheOrderBack()
    {
        var placed = Placed();
        var mined = Report(VenueOrderStatus.Mined, 10m, [VFill(1, 10m)], txHash: "0xabc", at: 12);
        var (_, afterMined, _) = VenueReportTranslator.DecideAll(placed, VenueReportTranslator.Translate(placed, mined, At(20)), OrderRules.Default);
        afterMined.Status.Should().Be(OrderStatus.Mined);

        // An older "filled" report delivered late.
        var stale = Report(VenueOrderStatus.Filled, 10m, [VFill(1, 10m)], at: 11);
        var (events, order, refused) = VenueReportTranslator.DecideAll(afterMined, VenueReportTranslator.Translate(afterMined, stale, At(21)), OrderRules.Default);

        events.Should().BeEmpty();
        refused.Should().BeEmpty();
        order.Status.Should().Be(OrderStatus.Mined);
        order.TransactionHash.Should().Be("0xabc");
        order.Filled.Value.Should().Be(10m, "the fill is counted once");
    }

    [Fact]
    public void DecideAll_MinedReportForAPlacedOrder_ImpliesTheMatch()
    {
        var report = Report(VenueOrderStatus.Mined, 10m, [VFill(1, 10m)], txHash: "0xdef");

        var (events, order, _) = VenueReportTranslator.DecideAll(Placed(), VenueReportTranslator.Translate(Placed(), report, At(20)), OrderRules.Default);

        events.Select(e => e.Kind).Should().Equal(OrderEventKind.CompletingFill, OrderEventKind.Mined);
        order.Status.Should().Be(OrderStatus.Mined);
        order.TransactionHash.Should().Be("0xdef");
    }

    [Fact]
    public void DecideAll_MatchReportedBeforeItsFillDetails_AppliesTheFillsLater()
    {
        var (matchedEvents, matched, _) = VenueReportTranslator.DecideAll(Placed(),
            VenueReportTranslator.Translate(Placed(), Report(VenueOrderStatus.Filled, 10m), At(20)), OrderRules.Default);
        matchedEvents.Should().ContainSingle().Which.Should().BeOfType<OrderMatched>();
        matched.Filled.Should().Be(Quantity.Zero);

        var confirmed = Report(VenueOrderStatus.Confirmed, 10m, [VFill(1, 6m), VFill(2, 4m)], at: 15);
        var (events, order, refused) = VenueReportTranslator.DecideAll(matched, VenueReportTranslator.Translate(matched, confirmed, At(21)), OrderRules.Default);

        refused.Should().BeEmpty();
        events.Select(e => e.Kind).Should().Equal(OrderEventKind.PartialFill, OrderEventKind.CompletingFill, OrderEventKind.Confirmed);
        order.Status.Should().Be(OrderStatus.Confirmed);
        order.Filled.Value.Should().Be(10m);
    }

    [Fact]
    public void DecideAll_FillAfterCancel_IsAppliedAndTheOrderStaysCancelled()
    {
        var cancelled = Order.Evolve(Placed(), new OrderCancelled(CancelReason.Requested, T0.AddSeconds(3)));

        var report = Report(VenueOrderStatus.Cancelled, 2m, [VFill(1, 2m)]);
        var (events, order, refused) = VenueReportTranslator.DecideAll(cancelled, VenueReportTranslator.Translate(cancelled, report, At(20)), OrderRules.Default);

        refused.Should().BeEmpty();
        events.Should().ContainSingle().Which.Should().BeOfType<OrderFilled>();
        order.Status.Should().Be(OrderStatus.Cancelled);
        order.Filled.Value.Should().Be(2m);
        order.LateFills.Should().Be(1);
    }

    [Fact]
    public void DecideAll_ReportTheLifecycleCannotAccept_IsRefusedAndTheRestApplied()
    {
        // 12 contracts reported on a 10-contract order: the overfill is refused, the status still applies.
        var report = Report(VenueOrderStatus.Filled, 12m, [VFill(1, 10m), VFill(2, 2m)]);

        var (events, order, refused) = VenueReportTranslator.DecideAll(Placed(), VenueReportTranslator.Translate(Placed(), report, At(20)), OrderRules.Default);

        refused.Should().ContainSingle().Which.Code.Should().Be(OrderRejectionCode.Overfill);
        refused[0].Context["fill_id"].Should().Be("kalshi-f2");
        events.Select(e => e.Kind).Should().Equal(OrderEventKind.CompletingFill);
        order.Status.Should().Be(OrderStatus.Matched);
        order.Filled.Value.Should().Be(10m);
    }

    [Fact]
    public void DecideAll_RejectionOfAConfirmedOrder_IsRefusedAsAnInvalidTransition()
    {
        var (_, confirmed, _) = VenueReportTranslator.DecideAll(Placed(),
            VenueReportTranslator.Translate(Placed(), Report(VenueOrderStatus.Confirmed, 10m, [VFill(1, 10m)]), At(20)), OrderRules.Default);

        var (events, order, refused) = VenueReportTranslator.DecideAll(confirmed,
            VenueReportTranslator.Translate(confirmed, Report(VenueOrderStatus.Rejected, 10m, [VFill(1, 10m)], detail: "late"), At(30)), OrderRules.Default);

        events.Should().BeEmpty();
        order.Should().BeSameAs(confirmed);
        refused.Should().ContainSingle().Which.Code.Should().Be(OrderRejectionCode.InvalidTransition);
    }

    [Fact]
    public void DecideAll_DifferentVenueOrderIdForAnAcknowledgedOrder_IsRefused()
    {
        var other = Report(VenueOrderStatus.Open) with { VenueOrderId = new VenueOrderId("kalshi-o99") };
        var commands = new OrderCommand[] { new ReportAccepted(other.VenueOrderId, At()) };

        var (events, _, refused) = VenueReportTranslator.DecideAll(Placed(), commands, OrderRules.Default);

        events.Should().BeEmpty();
        refused.Should().ContainSingle().Which.Code.Should().Be(OrderRejectionCode.VenueOrderIdMismatch);
    }
}
