using ActorExec.Engine.Region;

namespace ActorExec.Engine;

/// <summary>
/// The engine's markets as entities a cluster can shard: the market id is the entity key, and each
/// shard's markets are hosted by a region of their own (journaled under <see cref="HostPersistenceId"/>),
/// so a shard's markets with open work resume wherever the shard is acquired next.
/// </summary>
public sealed class MarketShards
{
    private readonly Func<MarketId, Props> _marketProps;

    internal MarketShards(Func<MarketId, Props> marketProps) => _marketProps = marketProps;

    /// <summary>The persistence id of shard <paramref name="shardId"/>'s host (the markets it remembers).</summary>
    public static string HostPersistenceId(int shardId) => $"market-region-shard-{shardId}";

    /// <summary>The actor hosting one shard's markets.</summary>
    public Props ShardHost(int shardId)
    {
        var marketProps = _marketProps;
        var persistenceId = HostPersistenceId(shardId);
        return Props.Create(() => new LocalMarketRegion(marketProps, persistenceId));
    }

    /// <summary>The market a message is for, or null when it is not a market command.</summary>
    public static string? MarketOf(object message) => message is IMarketCommand command ? command.Market.Value : null;

    /// <summary>The message without its routing envelope.</summary>
    public static object Unwrap(object message) => message is MarketEnvelope envelope ? envelope.Message : message;

    /// <summary>The message in an envelope for market <paramref name="market"/>'s host.</summary>
    public static object Wrap(string market, object message) => new MarketEnvelope(new MarketId(market), message);

    /// <summary>True for <see cref="GetActiveMarkets"/>, which every shard host answers for its markets.</summary>
    public static bool IsLocalQuery(object message) => message is GetActiveMarkets;

    /// <summary>Merges the hosts' <see cref="ActiveMarkets"/>.</summary>
    public static object CombineLocal(object query, IReadOnlyList<object> answers)
    {
        var all = answers.OfType<ActiveMarkets>().ToList();
        return new ActiveMarkets(
            [.. all.SelectMany(a => a.Live).Distinct().OrderBy(m => m.Value, StringComparer.Ordinal)],
            [.. all.SelectMany(a => a.Remembered).Distinct().OrderBy(m => m.Value, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The answer to a strategy command that arrives while the cluster's coordinator is unreachable: a failed
    /// <see cref="ExecutionResult"/> (CLUSTER_UNAVAILABLE), nothing placed. Null for other messages, which wait.
    /// </summary>
    public static object? RefusalWhileUnavailable(object message, string reason)
    {
        var (id, kind, market) = Unwrap(message) switch
        {
            ExecuteArbitrage a => (a.ExecutionId.Value, ExecutionKind.Arbitrage, a.Market),
            PlaceOrder p => (p.Intent.ClientOrderId.Value, ExecutionKind.Order, p.Market),
            CancelOrder c => (c.ClientOrderId.Value, ExecutionKind.Cancel, c.Market),
            CancelAll c => ("cancel-all", ExecutionKind.Cancel, c.Market),
            EnterHedge h => (h.ExecutionId.Value, ExecutionKind.HedgeEntry, h.Market),
            ExitHedge h => (h.ExecutionId.Value, ExecutionKind.HedgeExit, h.Market),
            CorrectHedgeDrift h => (h.ExecutionId.Value, ExecutionKind.HedgeCorrection, h.Market),
            _ => (null, default(ExecutionKind), default(MarketId)),
        };
        return id is null
            ? null
            : new ExecutionResult(id, market, kind, false, [], null, TimeSpan.Zero,
                ExecutionErrors.Of(ExecutionErrorCode.ClusterUnavailable, $"the cluster's coordinator is unreachable ({reason}); nothing was placed, send the intent again later"));
    }
}

/// <summary>Creates the market region the engine sends every command to, given how to host a shard's markets.</summary>
public delegate Props MarketRegionFactory(MarketShards shards);
