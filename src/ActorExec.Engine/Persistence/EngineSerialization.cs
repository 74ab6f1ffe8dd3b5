using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ActorExec.Actors.Persistence.Serialization;
using ActorExec.Engine.Markets;
using ActorExec.Engine.Positions;
using ActorExec.Trading.Orders;
using ActorExec.Trading.Serialization;

namespace ActorExec.Engine.Persistence;

/// <summary>
/// How the engine's events and snapshots are stored: readable JSON (enums as names, ids as strings,
/// prices as numbers) under stable manifests. Renaming a CLR type is safe; changing an event's shape
/// needs a new manifest.
/// </summary>
public static class EngineSerialization
{
    /// <summary>JSON options for engine payloads.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateJsonOptions();

    /// <summary>A registry with every engine event and snapshot type; add your own types to it before use.</summary>
    public static EventTypeRegistry Registry() => new EventTypeRegistry()
        .Register<OrderSubmitted>("order-submitted.v1")
        .Register<OrderSent>("order-sent.v1")
        .Register<OrderPlaced>("order-placed.v1")
        .Register<OrderRejected>("order-rejected.v1")
        .Register<OrderFilled>("order-filled.v1")
        .Register<OrderMatched>("order-matched.v1")
        .Register<OrderMined>("order-mined.v1")
        .Register<OrderConfirmed>("order-confirmed.v1")
        .Register<OrderCancelRequested>("order-cancel-requested.v1")
        .Register<OrderCancelled>("order-cancelled.v1")
        .Register<OrderFailed>("order-failed.v1")
        .Register<FillsVoided>("order-fills-voided.v1")
        .Register<OrderNotFound>("order-not-found.v1")
        .Register<ExecutionStarted>("market-execution-started.v1")
        .Register<ExecutionFinished>("market-execution-finished.v1")
        .Register<OrderTracked>("market-order-tracked.v1")
        .Register<OrdersClosed>("market-orders-closed.v1")
        .Register<MismatchDetected>("market-mismatch-detected.v1")
        .Register<AutoCloseStarted>("market-auto-close-started.v1")
        .Register<AutoCloseFinished>("market-auto-close-finished.v1")
        .Register<HedgeChanged>("market-hedge-changed.v1")
        .Register<MarketSnapshot>("market-snapshot.v1")
        .Register<MarketActivated>("region-market-activated.v1")
        .Register<MarketPassivated>("region-market-passivated.v1")
        .Register<PositionsSnapshot>("positions-snapshot.v1")
        .Register<Region.RememberedMarkets>("region-remembered-markets.v1");

    /// <summary>
    /// Every message that may cross nodes in a cluster: strategy commands and their results, operator
    /// queries, and the engine's own messages to markets (with what they carry in envelopes). Serialized
    /// with <see cref="JsonOptions"/>, under manifests as stable as the events'.
    /// </summary>
    public static EventTypeRegistry Messages() => new EventTypeRegistry()
        .Register<ExecuteArbitrage>("msg-execute-arbitrage.v1")
        .Register<PlaceOrder>("msg-place-order.v1")
        .Register<CancelOrder>("msg-cancel-order.v1")
        .Register<CancelAll>("msg-cancel-all.v1")
        .Register<EnterHedge>("msg-enter-hedge.v1")
        .Register<ExitHedge>("msg-exit-hedge.v1")
        .Register<CorrectHedgeDrift>("msg-correct-hedge-drift.v1")
        .Register<ExecutionResult>("msg-execution-result.v1")
        .Register<GetMarketState>("msg-get-market-state.v1")
        .Register<MarketStateReport>("msg-market-state-report.v1")
        .Register<MarketEnvelope>("msg-market-envelope.v1")
        .Register<AutoCloseOrder>("msg-auto-close-order.v1")
        .Register<AutoCloseReport>("msg-auto-close-report.v1")
        .Register<ForOrder>("msg-for-order.v1")
        .Register<ApplyVenueReport>("msg-apply-venue-report.v1")
        .Register<RefreshOrder>("msg-refresh-order.v1")
        .Register<ReportOpenOrders>("msg-report-open-orders.v1")
        .Register<OpenOrdersReport>("msg-open-orders-report.v1")
        .Register<WakeMarket>("msg-wake-market.v1");

    /// <summary>The serializer for <see cref="Registry"/> with <see cref="JsonOptions"/>.</summary>
    public static IEventSerializer Serializer(EventTypeRegistry? registry = null) => new JsonEventSerializer(registry ?? Registry(), JsonOptions);

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DropDerivedProperties } },
        };
        options.Converters.Add(new JsonStringEnumConverter());
        TradingJson.AddConverters(options.Converters);
        options.Converters.Add(new StringValueConverter<ExecutionId>(v => new ExecutionId(v), v => v.Value));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    // Computed, read-only properties (an event's Kind, an order's Remaining) are derived on read, never stored.
    private static void DropDerivedProperties(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || type.Type.Namespace?.StartsWith("ActorExec.", StringComparison.Ordinal) != true)
            return;
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            var property = type.Properties[i];
            if (property.Set is null && property.AssociatedParameter is null)
                type.Properties.RemoveAt(i);
        }
    }
}
