using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ActorExec.Inspection;

namespace ActorExec.Cli.Http;

/// <summary>
/// Typed calls to one node's inspection endpoint. Every failure leaves as a <see cref="CliException"/>
/// whose exit code says what went wrong (see <see cref="ExitCodes"/>).
/// </summary>
internal sealed class InspectionClient : IDisposable
{
    private readonly HttpClient http;
    private readonly NodeAddress node;
    private readonly TimeSpan timeout;
    private readonly bool tokenSent;

    public InspectionClient(NodeAddress node, string? token, TimeSpan timeout)
    {
        this.node = node;
        this.timeout = timeout;
        // No proxy: the endpoint is the operator's own node (loopback or a private address), and
        // the bearer token must not travel through whatever HTTP_PROXY the shell happens to set.
        http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = node.BaseUri, Timeout = timeout };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("actorexec", typeof(InspectionClient).Assembly.GetName().Version?.ToString(3)));
        if (!string.IsNullOrEmpty(token))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            tokenSent = true;
        }
    }

    public Task<NodeInfo> GetNodeAsync(CancellationToken ct) => GetAsync<NodeInfo>(InspectionRoutes.Node, ct);

    public Task<ActorNode> GetActorsAsync(int? depth, CancellationToken ct) =>
        GetAsync<ActorNode>(InspectionRoutes.Actors + new QueryBuilder().Add("depth", depth), ct);

    public Task<IReadOnlyList<MarketSummary>> GetMarketsAsync(CancellationToken ct) =>
        GetAsync<IReadOnlyList<MarketSummary>>(InspectionRoutes.Markets, ct);

    public Task<MarketDetail> GetMarketAsync(string market, CancellationToken ct) =>
        GetAsync<MarketDetail>(InspectionRoutes.Market(market), ct);

    public Task<IReadOnlyList<OrderSummary>> GetOrdersAsync(OrderFilter filter, CancellationToken ct) =>
        GetAsync<IReadOnlyList<OrderSummary>>(
            InspectionRoutes.Orders + new QueryBuilder()
                .Add("market", filter.Market).Add("state", filter.State).Add("since", filter.Since).Add("limit", filter.Limit),
            ct);

    public Task<OrderDetail> GetOrderAsync(string clientOrderId, CancellationToken ct) =>
        GetAsync<OrderDetail>(InspectionRoutes.Order(clientOrderId), ct);

    public Task<IReadOnlyList<BreakerInfo>> GetBreakersAsync(CancellationToken ct) =>
        GetAsync<IReadOnlyList<BreakerInfo>>(InspectionRoutes.Breakers, ct);

    public Task<IReadOnlyList<InFlightInfo>> GetInFlightAsync(CancellationToken ct) =>
        GetAsync<IReadOnlyList<InFlightInfo>>(InspectionRoutes.InFlight, ct);

    public Task<ReconcileResult> ReconcileAsync(string? venue, CancellationToken ct) =>
        SendAsync<ReconcileResult>(HttpMethod.Post, InspectionRoutes.Reconcile + new QueryBuilder().Add("venue", venue), ct);

    /// <summary>POSTs to <c>/trading-state/{state}</c>; <paramref name="state"/> is a route segment: active, reduce-only or halted.</summary>
    public Task<TradingStateInfo> SetTradingStateAsync(string state, CancellationToken ct) =>
        SendAsync<TradingStateInfo>(HttpMethod.Post, $"{InspectionRoutes.TradingState}/{state}", ct);

    public Task<IReadOnlyList<LogEventInfo>> GetLogsAsync(string? level, int? count, CancellationToken ct) =>
        GetAsync<IReadOnlyList<LogEventInfo>>(InspectionRoutes.Logs + new QueryBuilder().Add("level", level).Add("count", count), ct);

    public Task<IReadOnlyList<MetricValue>> GetMetricsAsync(CancellationToken ct) =>
        GetAsync<IReadOnlyList<MetricValue>>(InspectionRoutes.Metrics, ct);

    public Task<ClusterInfo> GetClusterAsync(CancellationToken ct) => GetAsync<ClusterInfo>(InspectionRoutes.Cluster, ct);

    public Task<IReadOnlyList<ShardInfo>> GetShardsAsync(string? owner, CancellationToken ct) =>
        GetAsync<IReadOnlyList<ShardInfo>>(InspectionRoutes.Shards + new QueryBuilder().Add("owner", owner), ct);

    public Task<LeaveResult> LeaveAsync(string nodeId, CancellationToken ct) =>
        SendAsync<LeaveResult>(HttpMethod.Post, InspectionRoutes.ClusterLeave(nodeId), ct);

    public void Dispose() => http.Dispose();

    private Task<T> GetAsync<T>(string pathAndQuery, CancellationToken ct) where T : class =>
        SendAsync<T>(HttpMethod.Get, pathAndQuery, ct);

    private async Task<T> SendAsync<T>(HttpMethod method, string pathAndQuery, CancellationToken ct) where T : class
    {
        var request = $"{method} {pathAndQuery}";
        string body;
        HttpStatusCode status;
        string? reasonPhrase;
        bool success;
        try
        {
            using var message = new HttpRequestMessage(method, pathAndQuery);
            using var response = await http.SendAsync(message, ct).ConfigureAwait(false);
            (status, reasonPhrase, success) = (response.StatusCode, response.ReasonPhrase, response.IsSuccessStatusCode);
            body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        }
        catch (HttpRequestException error)
        {
            throw NodeFailures.Unreachable(node, error);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            // HttpClient reports its own Timeout as a cancellation the caller did not ask for.
            throw NodeFailures.TimedOut(node, request, timeout);
        }
        if (!success)
        {
            throw NodeFailures.FromStatus(status, reasonPhrase, body, request, tokenSent);
        }
        return Read<T>(body, request);
    }

    private static T Read<T>(string body, string request) where T : class
    {
        T? document;
        try
        {
            document = JsonSerializer.Deserialize<T>(body, InspectionJson.Options);
        }
        catch (JsonException error)
        {
            throw NodeFailures.Malformed(request, error.Message);
        }
        if (document is null)
        {
            throw NodeFailures.Malformed(request, "the document is null");
        }
        if (DocumentShape.FindMissing(document) is { } missing)
        {
            throw NodeFailures.Malformed(request, $"'{missing}' is missing");
        }
        return document;
    }
}
