using ActorExec.Engine.Markets;
using ActorExec.Engine.Orders;

namespace ActorExec.Engine.Persistence;

/// <summary>Where the engine's actors keep their events: for read models and operator tools outside the engine.</summary>
public static class EngineJournal
{
    /// <summary>Every order actor's persistence id starts with this.</summary>
    public const string OrderPrefix = "order-";

    /// <summary>The persistence id of the order with <paramref name="clientOrderId"/>.</summary>
    public static string OrderPersistenceId(ClientOrderId clientOrderId) => OrderActor.PersistenceIdOf(clientOrderId);

    /// <summary>The persistence id of <paramref name="market"/>'s market actor.</summary>
    public static string MarketPersistenceId(MarketId market) => MarketActor.PersistenceIdOf(market);
}
