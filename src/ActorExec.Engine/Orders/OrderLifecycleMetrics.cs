using ActorExec.Trading.Orders;

namespace ActorExec.Engine.Orders;

/// <summary>Counts order lifecycle milestones on <see cref="EngineMetrics"/> as they are journaled.</summary>
internal static class OrderLifecycleMetrics
{
    public static void Record(OrderEvent @event, Order order)
    {
        var venue = new KeyValuePair<string, object?>("venue", order.Intent.Venue.Value);
        switch (@event)
        {
            case OrderPlaced { Implied: false }:
                EngineMetrics.OrdersPlaced.Add(1, venue);
                break;
            case OrderFilled { Completes: true }:
                EngineMetrics.OrdersFilled.Add(1, venue);
                break;
            case OrderCancelled:
                EngineMetrics.OrdersCancelled.Add(1, venue);
                break;
            case OrderRejected:
                EngineMetrics.OrdersRejected.Add(1, venue);
                break;
        }
    }
}
