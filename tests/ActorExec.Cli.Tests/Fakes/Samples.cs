using System.Text.Json;
using ActorExec.Inspection;

namespace ActorExec.Cli.Tests.Fakes;

/// <summary>Contract documents with recognisable values for the fake node to serve.</summary>
public static class Samples
{
    public static readonly DateTimeOffset Started = new(2025, 6, 1, 9, 56, 50, TimeSpan.Zero);

    public static NodeInfo Node() => new(
        NodeId: "node-a1",
        Profile: "paper",
        Version: "0.4.2",
        StartedAt: Started,
        UptimeSeconds: 2 * 3600 + 3 * 60 + 10,
        Store: new StoreInfo("sqlite", "/var/lib/actorexec/journal.db"),
        Venues:
        [
            new BreakerInfo("paper", "closed", 0, null, true, Started.AddMinutes(5)),
            new BreakerInfo("kalshi", "open", 3, new DateTimeOffset(2025, 6, 1, 12, 0, 30, TimeSpan.Zero), false, null),
        ],
        Actors: new ActorCounts(1234, 17, 208),
        TradingState: "active");

    public static ActorNode Actors() => new(
        "/user", "user", "Guardian", 2,
        [
            new ActorNode("/user/markets", "markets", "MarketRegion", 17,
            [
                new ActorNode("/user/markets/btc-100k", "btc-100k", "MarketActor", 0, []),
            ]),
            new ActorNode("/user/orders", "orders", "OrderSupervisor", 208, []),
        ]);

    public static IReadOnlyList<MarketSummary> Markets() =>
    [
        new MarketSummary("btc-100k", "in-flight", Started.AddHours(2), null, null, 2, 150m, "exec-77", true, true),
        new MarketSummary("eth-5k", "idle", null, Started.AddHours(1), Started.AddHours(3), 0, -20.5m, null, null, false),
    ];

    public static MarketDetail Market() => new(
        "btc-100k", "in-flight", Started.AddHours(2), null, null, 1, ["c-101", "c-102"], "hedge-9",
        [new PositionInfo("kalshi", "yes", 150m, 0.42m, 12.5m, 0.75m)],
        [new ExecutionInfo("exec-77", "arbitrage", Started.AddHours(1), Started.AddHours(1).AddSeconds(2), true, null, 3.25m, ["c-99", "c-100"])]);

    public static IReadOnlyList<OrderSummary> Orders() =>
    [
        new OrderSummary("c-101", "btc-100k", "kalshi", "buy", "yes", 100m, 0.42m, 60m, "partially-filled", Started.AddHours(2), Started.AddHours(2).AddSeconds(1)),
        new OrderSummary("c-102", "btc-100k", "polymarket", "sell", null, 50m, null, 0m, "working", Started.AddHours(2), Started.AddHours(2)),
    ];

    public static OrderDetail Order() => new(
        Orders()[0], "V-555", 0.41m, 0.12m, null,
        [
            new OrderEventInfo(1, "OrderSubmitted", Started.AddHours(2), Json("""{ "size": 100, "limit": 0.42 }""")),
            new OrderEventInfo(2, "OrderPartiallyFilled", Started.AddHours(2).AddSeconds(1), Json("""{ "filled": 60, "price": 0.41 }""")),
        ]);

    public static IReadOnlyList<InFlightInfo> InFlight() => [new InFlightInfo("btc-100k", Started.AddHours(2), "exec-78")];

    public static ReconcileResult Reconcile() => new(
    [
        new VenueReconciliation("kalshi", 1, ["order c-55 open at the venue but unknown to the journal", "position yes: venue 10, journal 0"], Started.AddHours(2)),
        new VenueReconciliation("paper", 0, [], Started.AddHours(2)),
    ]);

    public static IReadOnlyList<LogEventInfo> Logs() =>
    [
        new LogEventInfo(new DateTimeOffset(2025, 6, 1, 11, 59, 58, 123, TimeSpan.Zero), "Information", "Market btc-100k placed c-101", "OrderPlaced", new Dictionary<string, string> { ["market"] = "btc-100k" }),
        new LogEventInfo(new DateTimeOffset(2025, 6, 1, 11, 59, 59, 7, TimeSpan.Zero), "Warning", "Venue kalshi breaker opened", null, new Dictionary<string, string>()),
    ];

    public static IReadOnlyList<MetricValue> Metrics() =>
    [
        new MetricValue("orders.placed", "counter", new Dictionary<string, string> { ["venue"] = "kalshi" }, 42, null, null, null),
        new MetricValue("order.latency.ms", "histogram", new Dictionary<string, string>(), 3.5, 1000, 2.25, 9.875),
    ];

    /// <summary>Three up members (the answering node-a among them) and an old incarnation declared dead; 256 shards spread 85/85/86.</summary>
    public static ClusterInfo Cluster() => new(
        Schema: "actorexec",
        ShardCount: 256,
        SelfNodeId: "node-a",
        SelfIncarnation: 3,
        Members:
        [
            new ClusterMemberInfo("node-d", 2, "10.0.0.14:9120", "dead", Started.AddDays(-1), 754.2, 0, "missed heartbeats for 10.0 s (lease timeout 3 s)"),
            new ClusterMemberInfo("node-c", 7, "10.0.0.13:9120", "up", Started.AddMinutes(30), 0.2, 86, null),
            new ClusterMemberInfo("node-a", 3, "10.0.0.11:9120", "up", Started, 0.4, 85, null),
            new ClusterMemberInfo("node-b", 5, "10.0.0.12:9120", "up", Started.AddMinutes(1), 0.93, 85, null),
        ]);

    /// <summary>
    /// 256 shards mid-failover: shard <c>i</c> held by node-c, node-a or node-b as <c>i mod 3</c> is 0, 1 or 2,
    /// except 254 (still leased to dead node-d #2, expired) and 255 (unowned).
    /// </summary>
    public static IReadOnlyList<ShardInfo> Shards() =>
    [
        .. Enumerable.Range(0, 254).Select(i => (i % 3) switch
        {
            0 => Owned(i, "node-c", 7),
            1 => Owned(i, "node-a", 3),
            _ => Owned(i, "node-b", 5),
        }),
        new ShardInfo(254, "node-d", 2, 2, FixedTime.Now.AddSeconds(-3), LeaseValid: false),
        new ShardInfo(255, null, null, 4, null, LeaseValid: false),
    ];

    private static ShardInfo Owned(int shard, string node, long incarnation) =>
        new(shard, node, incarnation, Epoch: 1 + shard / 100, FixedTime.Now.AddSeconds(10), LeaseValid: true);

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
