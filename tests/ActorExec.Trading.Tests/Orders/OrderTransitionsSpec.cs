using ActorExec.Trading.Orders;
using static ActorExec.Trading.Tests.Orders.OrderFixtures;

namespace ActorExec.Trading.Tests.Orders;

public sealed class OrderTransitionsSpec
{
    /// <summary>An event of each kind, valid enough for Evolve to apply it.</summary>
    private static OrderEvent EventOf(OrderEventKind kind, Order order) => kind switch
    {
        OrderEventKind.Submitted => new OrderSubmitted(Intent(), T0),
        OrderEventKind.Sent => new OrderSent(order.SendAttempts + 1, T0),
        OrderEventKind.Placed => new OrderPlaced(VenueId1, false, T0),
        OrderEventKind.Rejected => new OrderRejected("no", T0),
        OrderEventKind.PartialFill => new OrderFilled(NewFill(1), false, T0),
        OrderEventKind.CompletingFill => new OrderFilled(NewFill(1), true, T0),
        OrderEventKind.Matched => new OrderMatched(false, T0),
        OrderEventKind.Mined => new OrderMined("0x1", T0),
        OrderEventKind.Confirmed => new OrderConfirmed(T0),
        OrderEventKind.CancelRequested => new OrderCancelRequested(T0),
        OrderEventKind.Cancelled => new OrderCancelled(CancelReason.Requested, T0),
        OrderEventKind.Failed => new OrderFailed(FailureReason.Timeout, "t", T0),
        OrderEventKind.FillsVoided => new FillsVoided([.. order.Fills.Select(f => f.FillId)], order.Filled, T0),
        OrderEventKind.NotFound => new OrderNotFound(order.ConsecutiveNotFound + 1, T0),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static TheoryData<OrderStatus, OrderEventKind> EveryStatusAndKind()
    {
        var data = new TheoryData<OrderStatus, OrderEventKind>();
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            foreach (var kind in Enum.GetValues<OrderEventKind>())
                data.Add(status, kind);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndKind))]
    public void Evolve_EveryStatusAndEventKind_FollowsTheTableOrFailsLoudly(OrderStatus status, OrderEventKind kind)
    {
        var order = All.Values.Select(f => f()).First(o => o.Status == status);
        var @event = EventOf(kind, order);
        var expected = OrderTransitions.Next(status, kind);

        var act = () => Order.Evolve(order, @event);

        if (expected is { } next)
        {
            act().Status.Should().Be(next);
        }
        else
        {
            act.Should().Throw<InvalidOperationException>()
                .WithMessage($"*{order.Intent.OrderId}*{kind}*not allowed in status {status}*");
        }
    }

    [Fact]
    public void Table_TerminalStatuses_NeverMoveAgain()
        => OrderTransitions.Table.Where(t => t.From is { } from && from.IsTerminal()).Should().OnlyContain(t => t.To == t.From);

    [Fact]
    public void Table_EveryStatus_IsReachableFromSubmission()
    {
        var reached = new HashSet<OrderStatus> { OrderStatus.Pending };
        bool grew;
        do
        {
            grew = false;
            foreach (var t in OrderTransitions.Table)
            {
                if (t.From is { } from && reached.Contains(from))
                    grew |= reached.Add(t.To);
            }
        }
        while (grew);
        reached.Should().BeEquivalentTo(Enum.GetValues<OrderStatus>());
    }

    [Fact]
    public void Table_EveryNonTerminalStatus_CanReachATerminalStatus()
    {
        foreach (var status in Enum.GetValues<OrderStatus>().Where(s => !s.IsTerminal()))
        {
            var frontier = new HashSet<OrderStatus> { status };
            bool grew;
            do
            {
                grew = false;
                foreach (var t in OrderTransitions.Table.Where(t => t.From is { } f && frontier.Contains(f)))
                    grew |= frontier.Add(t.To);
            }
            while (grew);
            frontier.Should().Contain(s => s.IsTerminal(), $"{status} must be able to finish");
        }
    }

    [Fact]
    public void Table_TheIssuesRequiredMoves_AreAllPresent()
    {
        (OrderStatus From, OrderStatus To)[] required =
        [
            (OrderStatus.Pending, OrderStatus.Placed), (OrderStatus.Pending, OrderStatus.Rejected), (OrderStatus.Pending, OrderStatus.Failed), (OrderStatus.Pending, OrderStatus.Cancelled),
            (OrderStatus.Placed, OrderStatus.PartiallyFilled), (OrderStatus.Placed, OrderStatus.Matched), (OrderStatus.Placed, OrderStatus.Rejected), (OrderStatus.Placed, OrderStatus.Cancelled), (OrderStatus.Placed, OrderStatus.Failed),
            (OrderStatus.PartiallyFilled, OrderStatus.PartiallyFilled), (OrderStatus.PartiallyFilled, OrderStatus.Matched), (OrderStatus.PartiallyFilled, OrderStatus.Cancelled), (OrderStatus.PartiallyFilled, OrderStatus.Failed),
            (OrderStatus.Matched, OrderStatus.Mined), (OrderStatus.Matched, OrderStatus.Confirmed), (OrderStatus.Matched, OrderStatus.Failed),
            (OrderStatus.Mined, OrderStatus.Confirmed), (OrderStatus.Mined, OrderStatus.Failed),
        ];
        var moves = OrderTransitions.Table.Where(t => t.From is not null).Select(t => (t.From!.Value, t.To)).ToHashSet();
        moves.Should().Contain(required);
    }

    [Fact]
    public void ToMermaid_ListsEveryMoveAndEveryTerminalState()
    {
        var diagram = OrderTransitions.ToMermaid();
        diagram.Should().StartWith("stateDiagram-v2");
        diagram.Should().Contain("[*] --> Pending : Submitted");
        diagram.Should().Contain("PartiallyFilled --> Matched : CompletingFill, Matched");
        foreach (var terminal in Enum.GetValues<OrderStatus>().Where(s => s.IsTerminal()))
            diagram.Should().Contain($"{terminal} --> [*]");
    }
}
