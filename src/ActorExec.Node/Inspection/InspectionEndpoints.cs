using System.Globalization;
using ActorExec.Engine.Persistence;
using ActorExec.Inspection;
using ActorExec.Node.Hosting;
using ActorExec.Node.Logging;
using ActorExec.Node.Metrics;
using ActorExec.Trading.Risk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serilog.Events;

namespace ActorExec.Node.Inspection;

/// <summary>The inspection API (routes in <see cref="InspectionRoutes"/>): reads of the live node, and the operator's few commands.</summary>
internal static class InspectionEndpoints
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ReconcileTimeout = TimeSpan.FromSeconds(30);

    public static void Map(IEndpointRouteBuilder app, NodeRuntime node, LogRing logs, MetricsCollector metrics)
    {
        var orders = new OrderQueries(node.Stores.Queries, EngineSerialization.Serializer());

        app.MapGet(InspectionRoutes.Node, () => Ok(NodeInfo(node)));
        app.MapGet(InspectionRoutes.Actors, (int? depth) => depth is < 1
            ? Error(StatusCodes.Status400BadRequest, $"depth must be at least 1, got {depth}")
            : Ok(ToNode(node.System.Hierarchy(depth ?? int.MaxValue))));
        app.MapGet(InspectionRoutes.Markets, async () => Ok(await MarketsAsync(node)));
        app.MapGet(InspectionRoutes.Markets + "/{id}", async (string id) => await MarketAsync(node, id));
        app.MapGet(InspectionRoutes.Orders, async (string? market, string? state, string? since, int? limit, CancellationToken ct) =>
        {
            DateTimeOffset? from = null;
            if (since is not null)
            {
                if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                    return Error(StatusCodes.Status400BadRequest, $"since must be an ISO-8601 time, got '{since}'");
                from = parsed;
            }
            if (limit is < 1 or > 100_000)
                return Error(StatusCodes.Status400BadRequest, $"limit must be between 1 and 100000, got {limit}");
            return Ok(await orders.ListAsync(market, state, from, limit ?? 50, ct));
        });
        app.MapGet(InspectionRoutes.Orders + "/{id}", async (string id, CancellationToken ct)
            => await orders.ShowAsync(id, ct) is { } order ? Ok(order) : Error(StatusCodes.Status404NotFound, $"no order '{id}' in the journal"));
        app.MapGet(InspectionRoutes.Breakers, () => Ok(Breakers(node)));
        app.MapGet(InspectionRoutes.InFlight, async () => Ok((await node.InFlightAsync())
            .Select(m => new InFlightInfo(m.Market.Value, m.InFlightSince!.Value, m.RecentExecutions.FirstOrDefault(e => e.FinishedAt is null)?.Id)).ToList()));
        app.MapPost(InspectionRoutes.Reconcile, async (string? venue) => await ReconcileAsync(node, venue));
        app.MapPost(InspectionRoutes.TradingState + "/{state}", async (string state) => await SetTradingStateAsync(node, state));
        app.MapGet(InspectionRoutes.Logs, (string? level, int? count) =>
        {
            var minimum = LogEventLevel.Verbose;
            if (level is not null && !Enum.TryParse(level, ignoreCase: true, out minimum))
                return Error(StatusCodes.Status400BadRequest, $"level must be one of {string.Join(", ", Enum.GetNames<LogEventLevel>())}, got '{level}'");
            return count is < 1 ? Error(StatusCodes.Status400BadRequest, $"count must be at least 1, got {count}") : Ok(logs.Peek(minimum, count ?? 50));
        });
        app.MapGet(InspectionRoutes.Metrics, () => Ok(metrics.Snapshot()));
        ClusterEndpoints.Map(app, node);
        app.MapFallback((HttpContext context) => Error(StatusCodes.Status404NotFound, $"no route {context.Request.Method} {context.Request.Path}"));
    }

    private static IResult Ok<T>(T document) => Results.Json(document, InspectionJson.Options);

    private static IResult Error(int status, string message) => Results.Json(new ApiError(message), InspectionJson.Options, statusCode: status);

    private static NodeInfo NodeInfo(NodeRuntime node)
    {
        var tree = node.System.Hierarchy().DescendantsAndSelf().ToList();
        var counts = new ActorCounts(node.System.CountUserActors(), tree.Count(n => n.ActorType == "MarketActor"), tree.Count(n => n.ActorType == "OrderActor"));
        var version = typeof(InspectionEndpoints).Assembly.GetName().Version?.ToString() ?? "0.0.0";
        return new NodeInfo(node.Settings.NodeId, node.Settings.Profile, version, node.StartedAt, (DateTimeOffset.UtcNow - node.StartedAt).TotalSeconds,
            new StoreInfo(node.Settings.Persistence.Store, node.Settings.Persistence.Location), Breakers(node), counts, TradingStateName(node.Engine.Risk.State));
    }

    private static List<BreakerInfo> Breakers(NodeRuntime node)
        => [.. node.Engine.Venues.All.Select(v =>
        {
            var breaker = v.Status.Breaker;
            return new BreakerInfo(v.Venue.Value, Kebab(breaker.State.ToString()), breaker.ConsecutiveFailures,
                breaker.State == BreakerState.Closed ? null : breaker.OpenUntil, v.Status.IsReconciled, node.Observer.LastReconciliation(v.Venue)?.At);
        })];

    private static ActorNode ToNode(Actors.Inspection.ActorTreeNode node)
        => new(node.Path, node.Name, node.ActorType, node.ChildCount, [.. node.Children.Select(ToNode)]);

    private static async Task<List<MarketSummary>> MarketsAsync(NodeRuntime node)
    {
        var live = (await node.LiveMarketStatesAsync()).ToDictionary(m => m.Market);
        var listed = node.Engine.Venues.All.SelectMany(v => v.Markets.Keys).Concat(live.Keys).Distinct().OrderBy(m => m.Value, StringComparer.Ordinal);
        return [.. listed.Select(market => live.TryGetValue(market, out var state)
            ? new MarketSummary(market.Value, Kebab(state.Phase.ToString()), state.InFlightSince, state.CoolingDownUntil, state.BlacklistedUntil,
                state.OpenOrders.Count, node.Engine.Risk.PositionOf(market), state.RecentExecutions.FirstOrDefault()?.Id, state.RecentExecutions.FirstOrDefault()?.Success, Live: true)
            : new MarketSummary(market.Value, "idle", null, null, null, 0, node.Engine.Risk.PositionOf(market), null, null, Live: false))];
    }

    private static async Task<IResult> MarketAsync(NodeRuntime node, string id)
    {
        var market = new MarketId(id);
        var listed = node.Engine.Venues.All.Any(v => v.Markets.ContainsKey(market));
        var active = await node.Engine.Region.Ask<ActiveMarkets>(GetActiveMarkets.Instance, AskTimeout);
        if (!listed && !active.Live.Contains(market) && !active.Remembered.Contains(market))
            return Error(StatusCodes.Status404NotFound, $"no market '{id}': no venue lists it and the node has never traded it");
        var state = await node.Engine.Region.Ask<MarketStateReport>(new GetMarketState(market), AskTimeout);
        var positions = await node.Engine.Positions.Ask<PositionsReport>(GetPositions.Instance, AskTimeout);
        return Ok(new MarketDetail(id, Kebab(state.Phase.ToString()), state.InFlightSince, state.CoolingDownUntil, state.BlacklistedUntil, state.Mismatches,
            [.. state.OpenOrders.Select(o => o.Value)], state.Hedge,
            [.. positions.Book.Positions.Values.Where(p => p.Key.Market == market)
                .Select(p => new PositionInfo(p.Key.Venue.Value, p.Key.Outcome.ToString().ToUpperInvariant(), p.Contracts, p.AverageEntryPrice, p.RealizedPnl, p.FeesPaid))],
            [.. state.RecentExecutions.Select(e => new ExecutionInfo(e.Id, Kebab(e.Kind.ToString()), e.StartedAt, e.FinishedAt, e.Success, e.ErrorCode, e.Profit,
                [.. e.Legs.Select(l => l.Value)]))]));
    }

    private static async Task<IResult> ReconcileAsync(NodeRuntime node, string? venue)
    {
        var venues = venue is null ? node.Engine.Venues.All.Select(v => v.Venue).ToList() : [new VenueId(venue)];
        if (venue is not null && node.Engine.Venues.Find(venues[0]) is null)
            return Error(StatusCodes.Status404NotFound, $"no venue '{venue}'; configured: {string.Join(", ", node.Engine.Venues.All.Select(v => v.Venue.Value))}");
        var requestedAt = DateTimeOffset.UtcNow;
        node.Engine.Reconciliation.Tell(new ReconcileNow(venue is null ? null : venues[0]), ActorRefs.NoSender);
        var deadline = requestedAt + ReconcileTimeout;
        while (venues.Any(v => node.Observer.LastReconciliation(v) is not { } last || last.At < requestedAt))
        {
            if (DateTimeOffset.UtcNow > deadline)
                return Error(StatusCodes.Status504GatewayTimeout, $"reconciliation did not finish within {ReconcileTimeout.TotalSeconds:0} s; it goes on in the background");
            await Task.Delay(50);
        }
        return Ok(new ReconcileResult([.. venues.Select(v =>
        {
            var done = node.Observer.LastReconciliation(v)!;
            var mismatches = done.Mismatches.Select(m => m.ToString()).ToList();
            if (done.Error is { } error)
                mismatches.Insert(0, "not completed: " + error);
            return new VenueReconciliation(v.Value, done.Resolved, mismatches, done.At);
        })]));
    }

    private static async Task<IResult> SetTradingStateAsync(NodeRuntime node, string state)
    {
        TradingState? target = state switch
        {
            "active" => TradingState.Active,
            "reduce-only" or "reducing" => TradingState.Reducing,
            "halted" => TradingState.Halted,
            _ => null,
        };
        if (target is not { } chosen)
            return Error(StatusCodes.Status400BadRequest, $"trading state must be active, reduce-only or halted, got '{state}'");
        var report = await node.Engine.Positions.Ask<PositionsReport>(new SetTradingState(chosen), AskTimeout);
        return Ok(new TradingStateInfo(TradingStateName(report.Risk.State)));
    }

    private static string TradingStateName(TradingState state) => state == TradingState.Reducing ? "reduce-only" : Kebab(state.ToString());

    private static string Kebab(string name) => System.Text.RegularExpressions.Regex.Replace(name, "(?<=[a-z])([A-Z])", "-$1").ToLowerInvariant();
}
