using ActorExec.Trading.Orders;
using static ActorExec.Trading.Tests.Orders.OrderFixtures;

namespace ActorExec.Trading.Tests.Orders;

public sealed class OrderRulesSpec
{
    private static Order Placed() => All["Placed"]();

    [Fact]
    public void ReportFill_AfterCancel_IsAppliedAndStatusStaysCancelled()
    {
        var cancelled = All["Cancelled"](); // 4 of 10 filled at 0.40, then cancelled
        var late = Apply(cancelled, new ReportFill(NewFill(2, price: 0.46m, fee: 0.02m, id: "late-1"), VenueId1, T0));

        late.Status.Should().Be(OrderStatus.Cancelled);
        late.Filled.Should().Be(new Quantity(6));
        late.AverageFillPrice!.Value.Value.Should().Be((4 * 0.40m + 2 * 0.46m) / 6);
        late.LateFills.Should().Be(1);
        late.Fills.Should().Contain(f => f.FillId == new FillId("late-1"));
    }

    [Fact]
    public void ReportFill_SameFillIdTwice_IsIgnored()
    {
        var fill = NewFill(3, id: "dup");
        var once = Apply(Placed(), new ReportFill(fill, VenueId1, T0));

        var decision = OrderDecider.Decide(once, new ReportFill(fill, VenueId1, T0));

        decision.IsAccepted.Should().BeTrue();
        decision.Events.Should().BeEmpty();
        once.Filled.Should().Be(new Quantity(3));
    }

    [Fact]
    public void ReportFill_BeyondSize_IsRejectedAsOverfillWithContext()
    {
        var partly = Apply(Placed(), new ReportFill(NewFill(8), VenueId1, T0));

        var decision = OrderDecider.Decide(partly, new ReportFill(NewFill(3, id: "too-much"), VenueId1, T0));

        decision.Rejection!.Code.Should().Be(OrderRejectionCode.Overfill);
        decision.Rejection.CodeName.Should().Be("OVERFILL");
        decision.Rejection.Context.Should().Contain(new Dictionary<string, string>
        {
            ["fill_id"] = "too-much", ["fill_quantity"] = "3", ["filled"] = "8", ["size"] = "10",
        });
    }

    [Fact]
    public void ReportFill_ExactlyTheRemainder_CompletesTheOrder()
    {
        var partly = Apply(Placed(), new ReportFill(NewFill(8), VenueId1, T0));
        var done = Apply(partly, new ReportFill(NewFill(2), VenueId1, T0));
        done.Status.Should().Be(OrderStatus.Matched);
        done.Remaining.Should().Be(Quantity.Zero);
    }

    [Theory]
    [InlineData(0, 0.01)]
    [InlineData(1, -0.01)]
    public void ReportFill_ZeroQuantityOrNegativeFee_IsRejectedAsInvalid(decimal quantity, decimal fee)
    {
        var decision = OrderDecider.Decide(Placed(), new ReportFill(NewFill(quantity, fee: fee), VenueId1, T0));
        decision.Rejection!.Code.Should().Be(OrderRejectionCode.InvalidFill);
    }

    [Fact]
    public void Fills_AveragePriceAndRemaining_AreQuantityWeighted()
    {
        var order = Apply(Placed(),
            new ReportFill(NewFill(1, price: 0.30m, fee: 0.01m), VenueId1, T0),
            new ReportFill(NewFill(3, price: 0.50m, fee: 0.02m), VenueId1, T0));

        order.AverageFillPrice!.Value.Value.Should().Be(0.45m); // (0.30 + 1.50) / 4
        order.Remaining.Should().Be(new Quantity(6));
        order.Fees.Should().Be(0.03m);
        order.Status.Should().Be(OrderStatus.PartiallyFilled);
    }

    [Fact]
    public void ReportFailed_ChainRevertAfterMatch_VoidsEveryFill()
    {
        var matched = Apply(Placed(),
            new ReportFill(NewFill(4, id: "a"), VenueId1, T0),
            new ReportFill(NewFill(6, id: "b"), VenueId1, T0));

        var decision = OrderDecider.Decide(matched, new ReportFailed(FailureReason.ChainReverted, "reverted in block 7", T0));
        var failed = decision.Events.Aggregate(matched, Order.Evolve);

        decision.Events[0].Should().BeOfType<FillsVoided>()
            .Which.FillIds.Should().BeEquivalentTo(new[] { new FillId("a"), new FillId("b") });
        ((FillsVoided)decision.Events[0]).Quantity.Should().Be(new Quantity(10));
        failed.Status.Should().Be(OrderStatus.Failed);
        failed.Filled.Should().Be(Quantity.Zero);
        failed.Fees.Should().Be(0);
        failed.VoidedFills.Should().HaveCount(2);
        failed.FailureReason.Should().Be(FailureReason.ChainReverted);
    }

    [Fact]
    public void ReportFailed_ChainRevertAfterMined_VoidsFillsToo()
    {
        var mined = Apply(Placed(), new ReportFill(NewFill(10), VenueId1, T0), new ReportMined("0x9", T0));
        var decision = OrderDecider.Decide(mined, new ReportFailed(FailureReason.ChainReverted, "reverted", T0));
        decision.Events.Select(e => e.Kind).Should().Equal(OrderEventKind.FillsVoided, OrderEventKind.Failed);
    }

    [Fact]
    public void ReportFailed_TimeoutWithFills_KeepsTheFills()
    {
        var partly = All["PartiallyFilled"]();
        var failed = Apply(partly, new ReportFailed(FailureReason.Timeout, "no final answer", T0));
        failed.Filled.Should().Be(new Quantity(4));
    }

    [Fact]
    public void VoidedFill_ReportedAgain_IsStillIgnored()
    {
        var matched = Apply(Placed(), new ReportFill(NewFill(10, id: "gone"), VenueId1, T0));
        var failed = Apply(matched, new ReportFailed(FailureReason.ChainReverted, "reverted", T0));
        OrderDecider.Decide(failed, new ReportFill(NewFill(10, id: "gone"), VenueId1, T0)).Events.Should().BeEmpty();
    }

    [Fact]
    public void ReportMined_BeforeMatchWasSeen_AppliesImpliedTransitions()
    {
        var decision = OrderDecider.Decide(All["PendingSent"](), new ReportMined("0x7", T0));

        decision.Events.Should().SatisfyRespectively(
            placed => placed.Should().BeOfType<OrderPlaced>().Which.Implied.Should().BeTrue(),
            matched => matched.Should().BeOfType<OrderMatched>().Which.Implied.Should().BeTrue(),
            mined => mined.Should().BeOfType<OrderMined>().Which.TransactionHash.Should().Be("0x7"));
        decision.Events.Aggregate(All["PendingSent"](), Order.Evolve).Status.Should().Be(OrderStatus.Mined);
    }

    [Fact]
    public void ReportFill_BeforeAcknowledgement_ImpliesPlacementWithTheFillsVenueOrderId()
    {
        var order = Apply(All["PendingSent"](), new ReportFill(NewFill(2), new VenueOrderId("v-9"), T0));
        order.Status.Should().Be(OrderStatus.PartiallyFilled);
        order.VenueOrderId.Should().Be(new VenueOrderId("v-9"));
    }

    [Fact]
    public void ReportAccepted_LateAfterImpliedPlacement_RecordsTheVenueOrderId()
    {
        var matched = Apply(All["PendingSent"](), new ReportMatched(T0));
        matched.VenueOrderId.Should().BeNull();

        var acknowledged = Apply(matched, new ReportAccepted(new VenueOrderId("v-late"), T0));

        acknowledged.Status.Should().Be(OrderStatus.Matched);
        acknowledged.VenueOrderId.Should().Be(new VenueOrderId("v-late"));
    }

    [Fact]
    public void ReportAccepted_DifferentVenueOrderId_IsRejectedNamingBoth()
    {
        var decision = OrderDecider.Decide(Placed(), new ReportAccepted(new VenueOrderId("v-other"), T0));
        decision.Rejection!.CodeName.Should().Be("VENUE_ORDER_ID_MISMATCH");
        decision.Rejection.Context["known_venue_order_id"].Should().Be("v-1");
        decision.Rejection.Context["reported_venue_order_id"].Should().Be("v-other");
    }

    [Fact]
    public void ReportNotFound_ThreeTimesInARow_FailsTheOrderAsLost()
    {
        var order = Apply(Placed(), new ReportNotFound(T0), new ReportNotFound(T0));
        order.Status.Should().Be(OrderStatus.Placed);

        var decision = OrderDecider.Decide(order, new ReportNotFound(T0));

        decision.Events.Should().SatisfyRespectively(
            counted => counted.Should().BeOfType<OrderNotFound>().Which.ConsecutiveCount.Should().Be(3),
            lost => lost.Should().BeOfType<OrderFailed>().Which.Reason.Should().Be(FailureReason.Lost));
    }

    [Fact]
    public void ReportNotFound_InterruptedByAVenueReport_StartsCountingAgain()
    {
        var order = Apply(Placed(), new ReportNotFound(T0), new ReportNotFound(T0), new ReportFill(NewFill(1), VenueId1, T0), new ReportNotFound(T0));
        order.Status.Should().Be(OrderStatus.PartiallyFilled);
        order.ConsecutiveNotFound.Should().Be(1);
    }

    [Fact]
    public void ReportNotFound_WithCustomRule_FailsAfterThatMany()
    {
        var rules = new OrderRules { LostAfterConsecutiveNotFound = 1 }.Validate();
        var decision = OrderDecider.Decide(Placed(), new ReportNotFound(T0), rules);
        decision.Events.Select(e => e.Kind).Should().Equal(OrderEventKind.NotFound, OrderEventKind.Failed);
    }

    [Fact]
    public void ReportNotFound_WhilePending_NeverDeclaresLost()
    {
        var order = Apply(All["PendingSent"](), new ReportNotFound(T0), new ReportNotFound(T0), new ReportNotFound(T0), new ReportNotFound(T0));
        order.Status.Should().Be(OrderStatus.Pending);
        order.ConsecutiveNotFound.Should().Be(4);
    }

    [Fact]
    public void ReportFill_AfterLost_IsStillApplied()
    {
        var lost = All["FailedLost"]();
        var filled = Apply(lost, new ReportFill(NewFill(10), VenueId1, T0));
        filled.Status.Should().Be(OrderStatus.Failed);
        filled.Filled.Should().Be(new Quantity(10));
        filled.LateFills.Should().Be(1);
    }

    [Fact]
    public void SubmitOrder_SameIntentTwice_IsAnsweredNotPlacedAgain()
    {
        var order = Submitted();
        var decision = OrderDecider.Decide(order, new SubmitOrder(Intent(), T0.AddSeconds(5)));
        decision.IsAccepted.Should().BeTrue();
        decision.Events.Should().BeEmpty();
    }

    [Fact]
    public void SubmitOrder_SameIdDifferentTerms_IsRejected()
    {
        var decision = OrderDecider.Decide(Submitted(), new SubmitOrder(Intent(size: 20), T0));
        decision.Rejection!.CodeName.Should().Be("CONFLICTING_INTENT");
    }

    [Fact]
    public void Command_BeforeSubmission_IsRejectedAsUnknownOrder()
    {
        var decision = OrderDecider.Decide(null, new ReportAccepted(VenueId1, T0));
        decision.Rejection!.CodeName.Should().Be("UNKNOWN_ORDER");
        decision.Rejection.Context["status"].Should().Be("none");
    }

    [Fact]
    public void RequestCancel_BeforeSending_CancelsAtOnce()
    {
        var cancelled = Apply(Submitted(), new RequestCancel(T0));
        cancelled.Status.Should().Be(OrderStatus.Cancelled);
        cancelled.CancelReason.Should().Be(CancelReason.NeverSent);
    }

    [Fact]
    public void RequestCancel_AfterSending_WaitsForTheVenue()
    {
        var requested = Apply(All["PendingSent"](), new RequestCancel(T0));
        requested.Status.Should().Be(OrderStatus.Pending);
        requested.CancelRequested.Should().BeTrue();
        OrderDecider.Decide(requested, new RequestCancel(T0)).Events.Should().BeEmpty("a repeated request is a no-op");
    }

    [Fact]
    public void MarkSent_Twice_CountsAttempts()
        => Apply(Submitted(), new MarkSent(T0), new MarkSent(T0)).SendAttempts.Should().Be(2);

    [Fact]
    public void Replay_OfTheEvents_RebuildsTheSameOrder()
    {
        var events = new List<OrderEvent>();
        Order? live = null;
        OrderCommand[] commands =
        [
            new SubmitOrder(Intent(), T0), new MarkSent(T0), new ReportAccepted(VenueId1, T0),
            new ReportFill(NewFill(3, 0.41m), VenueId1, T0), new ReportNotFound(T0),
            new ReportFill(NewFill(7, 0.39m), VenueId1, T0), new ReportMined("0x1", T0), new ReportConfirmed(T0),
        ];
        foreach (var command in commands)
        {
            var decision = OrderDecider.Decide(live, command);
            events.AddRange(decision.Events);
            live = decision.Events.Aggregate(live, Order.Evolve);
        }

        Order.Replay(events).Should().BeEquivalentTo(live);
        live!.Status.Should().Be(OrderStatus.Confirmed);
        live.Version.Should().Be(events.Count);
    }

    [Fact]
    public void Evolve_FirstEventNotSubmitted_FailsNamingTheEvent()
    {
        var act = () => Order.Evolve(null, new OrderPlaced(VenueId1, false, T0));
        act.Should().Throw<InvalidOperationException>().WithMessage("*first event must be OrderSubmitted*OrderPlaced*");
    }

    [Fact]
    public void OrderRules_NotFoundLimitBelowOne_IsRejectedNamingTheOption()
    {
        var act = () => new OrderRules { LostAfterConsecutiveNotFound = 0 }.Validate();
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*LostAfterConsecutiveNotFound*");
    }
}
