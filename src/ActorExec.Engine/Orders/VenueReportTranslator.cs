using ActorExec.Trading.Orders;

namespace ActorExec.Engine.Orders;

/// <summary>
/// Turns a venue's report of an order into the trading core's commands, in the order they happened:
/// acknowledgement, each fill not seen before, then the status. Pure.
/// </summary>
public static class VenueReportTranslator
{
    /// <summary>The commands <paramref name="report"/> implies for <paramref name="order"/>.</summary>
    public static IReadOnlyList<OrderCommand> Translate(Order order, VenueOrderReport report, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(report);
        var commands = new List<OrderCommand>(4);
        if (order.VenueOrderId is null)
            commands.Add(new ReportAccepted(report.VenueOrderId, report.UpdatedAt));
        foreach (var fill in report.Fills)
        {
            if (!order.SeenFillIds.Contains(fill.FillId))
                commands.Add(new ReportFill(new Fill(fill.FillId, fill.Quantity, fill.Price, fill.Fee, fill.At), report.VenueOrderId, fill.At));
        }
        OrderCommand? status = report.Status switch
        {
            VenueOrderStatus.Filled => new ReportMatched(report.UpdatedAt),
            VenueOrderStatus.Mined => new ReportMined(report.TransactionHash, report.UpdatedAt),
            VenueOrderStatus.Confirmed => new ReportConfirmed(report.UpdatedAt),
            VenueOrderStatus.Cancelled => new ReportCancelled(order.CancelRequested ? CancelReason.Requested : CancelReason.ByVenue, report.UpdatedAt),
            VenueOrderStatus.Expired => new ReportCancelled(CancelReason.Expired, report.UpdatedAt),
            VenueOrderStatus.Rejected => new ReportRejected(report.Detail ?? "rejected by the venue", report.UpdatedAt),
            VenueOrderStatus.Failed => new ReportFailed(FailureReason.ChainReverted, report.Detail ?? "settlement failed", report.UpdatedAt),
            _ => null,
        };
        if (status is not null)
            commands.Add(status);
        return commands;
    }

    /// <summary>
    /// Decides <paramref name="commands"/> one after the other against the evolving order. Refused
    /// commands are skipped and returned (a venue report the lifecycle cannot accept is raised, not
    /// applied); the rest produce the events to persist and the resulting order.
    /// </summary>
    public static (IReadOnlyList<OrderEvent> Events, Order Order, IReadOnlyList<OrderRejection> Refused) DecideAll(Order order, IEnumerable<OrderCommand> commands, OrderRules rules)
    {
        var events = new List<OrderEvent>();
        var refused = new List<OrderRejection>();
        foreach (var command in commands)
        {
            var decision = OrderDecider.Decide(order, command, rules);
            if (decision.Rejection is { } rejection)
            {
                refused.Add(rejection);
                continue;
            }
            foreach (var @event in decision.Events)
            {
                order = Order.Evolve(order, @event);
                events.Add(@event);
            }
        }
        return (events, order, refused);
    }
}
