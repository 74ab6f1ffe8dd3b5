using ActorExec.Trading.Orders;

namespace ActorExec.Trading.Tests.Orders;

/// <summary>Orders in every status, built through the decider itself, and the commands the specs apply to them.</summary>
internal static class OrderFixtures
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly VenueOrderId VenueId1 = new("v-1");
    public const decimal Size = 10m;

    public static OrderIntent Intent(decimal size = Size, string id = "o-1") => new(
        new OrderId(id), new ClientOrderId($"c-{id}"), new VenueId("paper-a"), new MarketId("m-42"),
        Side.Buy, Outcome.Yes, OrderType.Limit, TimeInForce.Gtc, new Quantity(size), new Price(0.40m));

    private static int s_fills;

    public static Fill NewFill(decimal quantity, decimal price = 0.40m, decimal fee = 0.01m, string? id = null)
        => new(new FillId(id ?? $"f-{Interlocked.Increment(ref s_fills)}"), new Quantity(quantity), new Price(price), fee, T0);

    /// <summary>Applies commands through Decide and Evolve, failing loudly if any is refused.</summary>
    public static Order Apply(Order? order, params OrderCommand[] commands)
    {
        foreach (var command in commands)
        {
            var decision = OrderDecider.Decide(order, command);
            if (!decision.IsAccepted)
                throw new InvalidOperationException($"fixture command refused: {decision.Rejection}");
            foreach (var @event in decision.Events)
                order = Order.Evolve(order, @event);
        }
        return order!;
    }

    public static Order Submitted() => Apply(null, new SubmitOrder(Intent(), T0));

    /// <summary>Named fixtures: an order in each status (some statuses twice, with and without fills).</summary>
    public static IReadOnlyDictionary<string, Func<Order>> All { get; } = new Dictionary<string, Func<Order>>
    {
        ["Pending"] = Submitted,
        ["PendingSent"] = () => Apply(Submitted(), new MarkSent(T0)),
        ["Placed"] = () => Apply(Submitted(), new MarkSent(T0), new ReportAccepted(VenueId1, T0)),
        ["PartiallyFilled"] = () => Apply(Submitted(), new MarkSent(T0), new ReportAccepted(VenueId1, T0), new ReportFill(NewFill(4), VenueId1, T0)),
        ["MatchedByFills"] = () => Apply(Submitted(), new MarkSent(T0), new ReportAccepted(VenueId1, T0), new ReportFill(NewFill(10), VenueId1, T0)),
        ["MatchedByReport"] = () => Apply(Submitted(), new MarkSent(T0), new ReportAccepted(VenueId1, T0), new ReportMatched(T0)),
        ["Mined"] = () => Apply(Submitted(), new MarkSent(T0), new ReportAccepted(VenueId1, T0), new ReportMatched(T0), new ReportMined("0xabc", T0)),
        ["Confirmed"] = () => Apply(Submitted(), new MarkSent(T0), new ReportAccepted(VenueId1, T0), new ReportMatched(T0), new ReportConfirmed(T0)),
        ["Rejected"] = () => Apply(Submitted(), new MarkSent(T0), new ReportRejected("insufficient balance", T0)),
        ["Cancelled"] = () => Apply(Submitted(), new MarkSent(T0), new ReportAccepted(VenueId1, T0), new ReportFill(NewFill(4), VenueId1, T0), new ReportCancelled(CancelReason.Requested, T0)),
        ["FailedLost"] = () => Apply(Submitted(), new MarkSent(T0), new ReportAccepted(VenueId1, T0), new ReportNotFound(T0), new ReportNotFound(T0), new ReportNotFound(T0)),
    };

    /// <summary>Named commands; fills are sized relative to the order so "complete" always completes it when possible.</summary>
    public static IReadOnlyDictionary<string, Func<Order, OrderCommand>> Commands { get; } = new Dictionary<string, Func<Order, OrderCommand>>
    {
        ["MarkSent"] = _ => new MarkSent(T0),
        ["Accept"] = _ => new ReportAccepted(VenueId1, T0),
        ["Reject"] = _ => new ReportRejected("bad", T0),
        ["PartFill"] = _ => new ReportFill(NewFill(1), VenueId1, T0),
        ["CompleteFill"] = o => new ReportFill(NewFill(o.Remaining.IsZero ? 1 : o.Remaining.Value), VenueId1, T0),
        ["Matched"] = _ => new ReportMatched(T0),
        ["Mined"] = _ => new ReportMined("0xdef", T0),
        ["Confirmed"] = _ => new ReportConfirmed(T0),
        ["Cancel"] = _ => new RequestCancel(T0),
        ["Cancelled"] = _ => new ReportCancelled(CancelReason.ByVenue, T0),
        ["FailTimeout"] = _ => new ReportFailed(FailureReason.Timeout, "no answer", T0),
        ["FailReverted"] = _ => new ReportFailed(FailureReason.ChainReverted, "reverted", T0),
        ["NotFound"] = _ => new ReportNotFound(T0),
    };
}
