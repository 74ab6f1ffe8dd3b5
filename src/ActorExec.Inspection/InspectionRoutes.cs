namespace ActorExec.Inspection;

/// <summary>
/// The inspection endpoint's routes (HTTP+JSON, loopback port 9110 by default). Every call carries
/// <c>Authorization: Bearer &lt;token&gt;</c> when the node binds a non-loopback address; mutating
/// calls (POST) always do. Errors answer an <see cref="ApiError"/> with a 4xx/5xx status.
/// </summary>
public static class InspectionRoutes
{
    /// <summary>The default port.</summary>
    public const int DefaultPort = 9110;

    /// <summary>The prefix of every route.</summary>
    public const string Prefix = "/api/v1";

    /// <summary>GET → <see cref="NodeInfo"/>.</summary>
    public const string Node = Prefix + "/node";

    /// <summary>GET <c>?depth=N</c> → <see cref="ActorNode"/> (the root).</summary>
    public const string Actors = Prefix + "/actors";

    /// <summary>GET → <see cref="MarketSummary"/>[].</summary>
    public const string Markets = Prefix + "/markets";

    /// <summary>GET <c>/markets/{id}</c> → <see cref="MarketDetail"/>.</summary>
    public static string Market(string id) => $"{Markets}/{Uri.EscapeDataString(id)}";

    /// <summary>GET <c>?market=&amp;state=&amp;since=&amp;limit=</c> → <see cref="OrderSummary"/>[], newest first.</summary>
    public const string Orders = Prefix + "/orders";

    /// <summary>GET <c>/orders/{clientOrderId}</c> → <see cref="OrderDetail"/>.</summary>
    public static string Order(string clientOrderId) => $"{Orders}/{Uri.EscapeDataString(clientOrderId)}";

    /// <summary>GET → <see cref="BreakerInfo"/>[].</summary>
    public const string Breakers = Prefix + "/breakers";

    /// <summary>GET → <see cref="InFlightInfo"/>[].</summary>
    public const string InFlight = Prefix + "/inflight";

    /// <summary>POST <c>?venue=</c> → <see cref="ReconcileResult"/>.</summary>
    public const string Reconcile = Prefix + "/reconcile";

    /// <summary>POST <c>/trading-state/{active|reduce-only|halted}</c> → <see cref="TradingStateInfo"/>.</summary>
    public const string TradingState = Prefix + "/trading-state";

    /// <summary>GET <c>?level=&amp;count=</c> → <see cref="LogEventInfo"/>[], oldest first.</summary>
    public const string Logs = Prefix + "/logs";

    /// <summary>GET → <see cref="MetricValue"/>[].</summary>
    public const string Metrics = Prefix + "/metrics";

    /// <summary>
    /// GET → <see cref="ClusterInfo"/>. A node that runs alone answers 409 with
    /// <see cref="ApiErrorCodes.NotClustered"/>, as do <see cref="Shards"/> and <see cref="ClusterLeave"/>.
    /// </summary>
    public const string Cluster = Prefix + "/cluster";

    /// <summary>GET <c>?owner=&lt;node-id&gt;</c> → <see cref="ShardInfo"/>[] by shard id; every shard, or those the owner holds.</summary>
    public const string Shards = Prefix + "/shards";

    /// <summary>
    /// POST <c>/cluster/leave/{nodeId}</c> → <see cref="LeaveResult"/>: the node hands its shards off, then exits.
    /// A node id that is not an up member answers 404 with <see cref="ApiErrorCodes.NodeNotFound"/>.
    /// </summary>
    public static string ClusterLeave(string nodeId) => $"{Cluster}/leave/{Uri.EscapeDataString(nodeId)}";
}
