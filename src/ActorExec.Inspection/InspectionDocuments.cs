using System.Text.Json;

namespace ActorExec.Inspection;

/// <summary>An error answer: one line naming what was wrong, and a stable code when a script may need to branch on it.</summary>
/// <param name="Error">What was wrong, one line for an operator to read.</param>
/// <param name="Code">A stable SCREAMING_CODE from <see cref="ApiErrorCodes"/>; omitted by errors that have none.</param>
public sealed record ApiError(string Error, string? Code = null)
{
    /// <summary>The 409 a node answers to a cluster route when it runs alone on <paramref name="persistence"/> (e.g. <c>sqlite</c>).</summary>
    public static ApiError NotClustered(string persistence) =>
        new($"this node runs alone (persistence: {persistence}); start it with --profile cluster to join a cluster", ApiErrorCodes.NotClustered);

    /// <summary>The 404 for a leave request naming <paramref name="nodeId"/>, which is not an up member; lists those that are.</summary>
    public static ApiError NodeNotFound(string nodeId, IEnumerable<string> upMembers)
    {
        var up = string.Join(", ", upMembers);
        return new($"no up member '{nodeId}' in the cluster; up members: {(up.Length == 0 ? "none" : up)}", ApiErrorCodes.NodeNotFound);
    }
}

/// <summary>The node: identity, uptime, store, venues with their breakers, actor counts, trading state.</summary>
public sealed record NodeInfo(
    string NodeId, string Profile, string Version, DateTimeOffset StartedAt, double UptimeSeconds,
    StoreInfo Store, IReadOnlyList<BreakerInfo> Venues, ActorCounts Actors, string TradingState);

/// <summary>The journal store: <c>sqlite</c> or <c>postgres</c>, and where it is.</summary>
public sealed record StoreInfo(string Kind, string Location);

/// <summary>Live actors: all under /user, market actors, order actors.</summary>
public sealed record ActorCounts(int Total, int Markets, int Orders);

/// <summary>A venue's circuit breaker: closed / open / half-open, failures in a row, when it may half-open.</summary>
public sealed record BreakerInfo(string Venue, string State, int ConsecutiveFailures, DateTimeOffset? OpenUntil, bool Reconciled, DateTimeOffset? LastReconciledAt);

/// <summary>One actor in the live tree.</summary>
public sealed record ActorNode(string Path, string Name, string Type, int ChildCount, IReadOnlyList<ActorNode> Children);

/// <summary>A market in the list: slot phase, cooldown, blacklist, open orders, net position, last execution.</summary>
public sealed record MarketSummary(
    string Market, string Phase, DateTimeOffset? InFlightSince, DateTimeOffset? CoolingDownUntil, DateTimeOffset? BlacklistedUntil,
    int OpenOrders, decimal Position, string? LastExecution, bool? LastSuccess, bool Live);

/// <summary>One market in full.</summary>
public sealed record MarketDetail(
    string Market, string Phase, DateTimeOffset? InFlightSince, DateTimeOffset? CoolingDownUntil, DateTimeOffset? BlacklistedUntil,
    int Mismatches, IReadOnlyList<string> OpenOrders, string? Hedge, IReadOnlyList<PositionInfo> Positions, IReadOnlyList<ExecutionInfo> Executions);

/// <summary>Contracts held in one market on one venue and outcome.</summary>
public sealed record PositionInfo(string Venue, string Outcome, decimal Contracts, decimal AverageEntryPrice, decimal RealizedPnl, decimal FeesPaid);

/// <summary>An execution as its market remembers it.</summary>
public sealed record ExecutionInfo(
    string Id, string Kind, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, bool? Success, string? ErrorCode, decimal? Profit, IReadOnlyList<string> Legs);

/// <summary>An order as its journal tells it.</summary>
public sealed record OrderSummary(
    string ClientOrderId, string Market, string Venue, string Side, string? Outcome, decimal Size, decimal? LimitPrice,
    decimal Filled, string Status, DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt);

/// <summary>An order with its full event history from the journal.</summary>
public sealed record OrderDetail(
    OrderSummary Order, string? VenueOrderId, decimal? AverageFillPrice, decimal Fees, string? Reason, IReadOnlyList<OrderEventInfo> Events);

/// <summary>One journaled event of an order: sequence number, type, when it was written, its JSON.</summary>
public sealed record OrderEventInfo(long SequenceNr, string Type, DateTimeOffset WrittenAt, JsonElement Payload);

/// <summary>A market with an execution in flight.</summary>
public sealed record InFlightInfo(string Market, DateTimeOffset Since, string? ExecutionId);

/// <summary>The outcome of an operator-requested reconciliation.</summary>
public sealed record ReconcileResult(IReadOnlyList<VenueReconciliation> Venues);

/// <summary>One venue's reconciliation: mismatches found (described) and resolved.</summary>
public sealed record VenueReconciliation(string Venue, int Resolved, IReadOnlyList<string> Mismatches, DateTimeOffset At);

/// <summary>The account's trading state: <c>active</c>, <c>reducing</c> (reduce-only) or <c>halted</c>.</summary>
public sealed record TradingStateInfo(string State);

/// <summary>A recent log event from the node's in-memory ring.</summary>
public sealed record LogEventInfo(DateTimeOffset Timestamp, string Level, string Message, string? EventType, IReadOnlyDictionary<string, string> Properties);

/// <summary>One instrument's current value (counters: total; histograms: count, p50, p99; gauges: last).</summary>
public sealed record MetricValue(string Name, string Kind, IReadOnlyDictionary<string, string> Tags, double Value, long? Count, double? P50, double? P99);
