using ActorExec.Actors.Persistence;
using ActorExec.Trading.Orders;

namespace ActorExec.Engine.Tests.Fixtures;

/// <summary>An order's history as the journal holds it: what a restarted engine would recover.</summary>
public static class JournaledOrders
{
    public static async Task<List<OrderEvent>> EventsOfAsync(IJournalQueries queries, ClientOrderId id)
    {
        var events = new List<OrderEvent>();
        await foreach (var envelope in queries.EventsByPersistenceIdAsync(Orders.OrderActor.PersistenceIdOf(id), 1, long.MaxValue))
            events.Add((OrderEvent)envelope.Event);
        return events;
    }

    /// <summary>Every distinct status the order went through, in order.</summary>
    public static IReadOnlyList<OrderStatus> Statuses(IEnumerable<OrderEvent> events)
    {
        var statuses = new List<OrderStatus>();
        Order? order = null;
        foreach (var e in events)
            statuses.Add((order = Order.Evolve(order, e)).Status);
        return [.. statuses.Distinct()];
    }

    public static async Task<OrderStatus?> StatusAsync(IJournalQueries queries, ClientOrderId id)
    {
        var events = await EventsOfAsync(queries, id);
        return events.Count == 0 ? null : Order.Replay(events).Status;
    }
}
