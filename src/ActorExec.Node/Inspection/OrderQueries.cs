using System.Text.Json;
using ActorExec.Actors.Persistence;
using ActorExec.Actors.Persistence.Serialization;
using ActorExec.Engine.Persistence;
using ActorExec.Inspection;
using ActorExec.Trading.Orders;

namespace ActorExec.Node.Inspection;

/// <summary>Orders as the journal tells them: every order actor's events folded into its state.</summary>
internal sealed class OrderQueries(IJournalQueries journal, IEventSerializer serializer)
{
    /// <summary>Orders matching the filters, most recently updated first.</summary>
    public async Task<IReadOnlyList<OrderSummary>> ListAsync(string? market, string? state, DateTimeOffset? since, int limit, CancellationToken cancellationToken)
    {
        var orders = new List<Order>();
        await foreach (var persistenceId in journal.AllPersistenceIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!persistenceId.StartsWith(EngineJournal.OrderPrefix, StringComparison.Ordinal))
                continue;
            var (order, _) = await LoadAsync(persistenceId, cancellationToken).ConfigureAwait(false);
            if (order is null
                || (market is not null && order.Intent.Market.Value != market)
                || (state is not null && !string.Equals(StatusName(order.Status), state, StringComparison.OrdinalIgnoreCase))
                || (since is { } from && order.UpdatedAt < from))
                continue;
            orders.Add(order);
        }
        return [.. orders.OrderByDescending(o => o.UpdatedAt).Take(limit).Select(Summary)];
    }

    /// <summary>One order with its events; null when the journal has never seen it.</summary>
    public async Task<OrderDetail?> ShowAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        var (order, envelopes) = await LoadAsync(EngineJournal.OrderPersistenceId(new ClientOrderId(clientOrderId)), cancellationToken).ConfigureAwait(false);
        if (order is null)
            return null;
        var events = envelopes.Select(e => new OrderEventInfo(e.SequenceNr, e.Event.GetType().Name, e.Timestamp, Payload(e.Event))).ToList();
        return new OrderDetail(Summary(order), order.VenueOrderId?.Value, order.AverageFillPrice?.Value, order.Fees,
            order.VenueRejectReason ?? order.FailureDetail ?? order.CancelReason?.ToString(), events);
    }

    public static string StatusName(OrderStatus status) => System.Text.RegularExpressions.Regex.Replace(status.ToString(), "(?<=[a-z])([A-Z])", "_$1").ToUpperInvariant();

    private async Task<(Order? Order, List<EventEnvelope> Events)> LoadAsync(string persistenceId, CancellationToken cancellationToken)
    {
        var envelopes = new List<EventEnvelope>();
        await foreach (var envelope in journal.EventsByPersistenceIdAsync(persistenceId, 1, long.MaxValue, cancellationToken).ConfigureAwait(false))
            envelopes.Add(envelope);
        var events = envelopes.Select(e => e.Event).OfType<OrderEvent>().ToList();
        return (events.Count == 0 || events[0] is not OrderSubmitted ? null : Order.Replay(events), envelopes);
    }

    private JsonElement Payload(object @event)
    {
        using var document = JsonDocument.Parse(serializer.Serialize(@event).Payload);
        return document.RootElement.Clone();
    }

    private static OrderSummary Summary(Order order)
    {
        var intent = order.Intent;
        return new OrderSummary(intent.ClientOrderId.Value, intent.Market.Value, intent.Venue.Value, intent.Side.ToString().ToUpperInvariant(),
            intent.Outcome?.ToString().ToUpperInvariant(), intent.Size.Value, intent.LimitPrice?.Value, order.Filled.Value, StatusName(order.Status),
            order.SubmittedAt, order.UpdatedAt);
    }
}
