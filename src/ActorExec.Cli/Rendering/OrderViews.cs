using System.Globalization;
using ActorExec.Inspection;

namespace ActorExec.Cli.Rendering;

/// <summary><c>orders list</c> and <c>order show</c> (the summary, then the journal's events).</summary>
internal static class OrderViews
{
    public static void RenderList(IReadOnlyList<OrderSummary> orders, Screen screen)
    {
        if (orders.Count == 0)
        {
            screen.WriteLine("no orders.");
            return;
        }
        var table = Tables.Create("Client order id", "Market", "Venue", "Side", "Outcome", "Size", "Limit", "Filled", "Status", "Submitted", "Updated");
        foreach (var order in orders)
        {
            table.AddTextRow(
                order.ClientOrderId,
                order.Market,
                order.Venue,
                order.Side,
                Formats.Text(order.Outcome),
                Formats.Number(order.Size),
                Formats.Number(order.LimitPrice),
                Formats.Number(order.Filled),
                order.Status,
                Formats.Time(order.SubmittedAt),
                Formats.Time(order.UpdatedAt));
        }
        screen.Write(table);
    }

    public static void RenderDetail(OrderDetail detail, Screen screen)
    {
        var order = detail.Order;
        screen.Write(Tables.Facts(
            ("client order id", order.ClientOrderId),
            ("venue order id", Formats.Text(detail.VenueOrderId)),
            ("market", order.Market),
            ("venue", order.Venue),
            ("side", order.Side),
            ("outcome", Formats.Text(order.Outcome)),
            ("size", Formats.Number(order.Size)),
            ("limit", Formats.Number(order.LimitPrice)),
            ("filled", Formats.Number(order.Filled)),
            ("average fill", Formats.Number(detail.AverageFillPrice)),
            ("fees", Formats.Number(detail.Fees)),
            ("status", order.Status),
            ("reason", Formats.Text(detail.Reason)),
            ("submitted", Formats.Time(order.SubmittedAt)),
            ("updated", Formats.Time(order.UpdatedAt))));
        screen.WriteLine();
        if (detail.Events.Count == 0)
        {
            screen.WriteLine("no events.");
            return;
        }
        var table = Tables.Create("Seq", "Type", "Written at", "Payload");
        foreach (var @event in detail.Events)
        {
            table.AddTextRow(
                @event.SequenceNr.ToString(CultureInfo.InvariantCulture),
                @event.Type,
                Formats.PreciseTime(@event.WrittenAt),
                Formats.CompactJsonOf(@event.Payload));
        }
        screen.Write(table);
    }
}
