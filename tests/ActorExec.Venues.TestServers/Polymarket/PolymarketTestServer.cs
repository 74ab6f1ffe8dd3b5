using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using ActorExec.Venues.Paper;
using ActorExec.Venues.Polymarket;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ActorExec.Venues.TestServers.Polymarket;

/// <summary>
/// A local Polymarket CLOB (and data API) backed by a real <see cref="PaperVenue"/> with on-chain
/// settlement: it verifies the L2 HMAC of every authenticated request and the CLOB V2 EIP-712 signature of
/// every order (for the market's V2 exchange, neg-risk or not; V1 orders are refused as the production CLOB
/// refuses them since 2026-04-28), checks tick and minimum size with the CLOB's error codes, uses the order's
/// V2 EIP-712 hash as its id, refuses a hash placed before
/// (INVALID_ORDER_DUPLICATED) and serves heartbeats, which it records and can be told to refuse.
/// </summary>
public sealed partial class PolymarketTestServer : LoopbackServer
{
    private readonly ConcurrentDictionary<string, ServerOrder> _orders = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<VenueOrderId, string> _byPaperId = new();
    private readonly ConcurrentDictionary<string, string> _forcedStatus = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<DateTimeOffset> _heartbeats = new();
    private readonly SemaphoreSlim _heartbeatArrived = new(0);
    private readonly Dictionary<string, (PolymarketServerMarket Market, Outcome Outcome)> _tokens;
    private readonly Dictionary<string, PolymarketServerMarket> _markets;
    private readonly Lock _heartbeatGate = new();
    private string _heartbeatId = "";
    private int _heartbeatCount;
    private string? _nextPlacementStatus;

    /// <summary>Builds the server and its paper venue; call <see cref="LoopbackServer.StartAsync"/> to listen.</summary>
    public PolymarketTestServer(PolymarketTestServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _markets = options.Markets.ToDictionary(m => m.ConditionId, StringComparer.OrdinalIgnoreCase);
        _tokens = options.Markets.SelectMany(m => new[] { (m.YesToken, (m, Outcome.Yes)), (m.NoToken, (m, Outcome.No)) }).ToDictionary(t => t.Item1, t => t.Item2);
        var paperMarkets = options.Markets.Select(m => new PaperMarket(new MarketId(m.ConditionId), InstrumentKind.Binary, m.Anchor, m.Question,
            new InstrumentRules(m.TickSize, 0.01m, m.TickSize, 1m - m.TickSize, 0.01m)));
        Paper = new PaperVenue(PaperVenueOptions.PolymarketLike(PaperVenueId, paperMarkets, options.Seed) with
        {
            TimeProvider = options.TimeProvider,
            Settlement = options.Settlement,
            Liquidity = new PaperLiquidityOptions { Enabled = options.Liquidity },
        });
    }

    /// <summary>The id of the backing paper venue.</summary>
    public static readonly VenueId PaperVenueId = new("polymarket-paper");

    /// <summary>What the server accepts.</summary>
    public PolymarketTestServerOptions Options { get; }

    /// <summary>The exchange behind the API, for assertions (records, books, liquidity).</summary>
    public PaperVenue Paper { get; }

    /// <summary>While true, heartbeats are answered 400 (as the CLOB answers an invalid one), so the client's heartbeat lapses.</summary>
    public bool RefuseHeartbeats { get; set; }

    /// <summary>When each acknowledged heartbeat arrived, on the server's clock.</summary>
    public IReadOnlyCollection<DateTimeOffset> Heartbeats => _heartbeats;

    /// <summary>Completes once <paramref name="count"/> heartbeats have been acknowledged, woken by each one (no polling).</summary>
    /// <exception cref="TimeoutException">Fewer arrived within <paramref name="within"/>.</exception>
    public async Task WaitForHeartbeatsAsync(int count, TimeSpan within)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        while (_heartbeats.Count < count)
        {
            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero || !await _heartbeatArrived.WaitAsync(left).ConfigureAwait(false))
                throw new TimeoutException($"{_heartbeats.Count} of {count} heartbeats arrived within {within}");
        }
    }

    /// <summary>The ids (EIP-712 hashes) of the orders the CLOB holds, in no order.</summary>
    public IReadOnlyCollection<string> OrderIds => [.. _orders.Keys];

    /// <summary>Makes <c>GET /data/order/{id}</c> report <paramref name="status"/> for one order (e.g. one the client does not know).</summary>
    public void ForceOrderStatus(string orderId, string status) => _forcedStatus[orderId] = status;

    /// <summary>Makes the next accepted placement answer <paramref name="status"/> (e.g. <c>delayed</c>) instead of the status it earned; the order is placed as usual.</summary>
    public void ForceNextPlacementStatus(string status) => _nextPlacementStatus = status;

    /// <summary>The paper order behind a CLOB order id.</summary>
    public VenueOrderId PaperOrderOf(string orderId) => _orders[orderId].PaperId;

    /// <inheritdoc />
    protected override void Map(WebApplication app)
    {
        app.MapGet("/markets/{conditionId}", (string conditionId) => _markets.TryGetValue(conditionId, out var m)
            ? Json(new ClobMarket(m.ConditionId, m.Question, [new ClobToken(m.YesToken, "Yes"), new ClobToken(m.NoToken, "No")], m.TickSize, m.MinimumOrderSize,
                m.NegRisk, true, false, true, 0m))
            : Error(404, "market not found"));
        app.MapGet("/book", (Delegate)GetBookAsync);
        app.MapGet("/positions", (Delegate)GetPositionsAsync);
        app.MapPost("/order", Authenticated(PostOrderAsync));
        app.MapDelete("/order", Authenticated(CancelAsync));
        app.MapDelete("/cancel-all", Authenticated(CancelAllAsync));
        app.MapDelete("/cancel-market-orders", Authenticated(CancelMarketAsync));
        app.MapGet("/data/order/{id}", Authenticated(GetOrderAsync));
        app.MapGet("/data/orders", Authenticated(GetOrdersAsync));
        app.MapGet("/data/trades", Authenticated(GetTradesAsync));
        app.MapPost("/v1/heartbeats", Authenticated(HeartbeatAsync));
    }

    private Task<IResult> HeartbeatAsync(HttpContext context, string body)
    {
        var sent = System.Text.Json.JsonSerializer.Deserialize<ClobHeartbeat>(body, PolymarketJson.Options);
        lock (_heartbeatGate)
        {
            if (RefuseHeartbeats)
                return Task.FromResult(Error(400, "Invalid Heartbeat ID"));
            if (sent is null || (sent.HeartbeatId ?? "") != _heartbeatId && sent.HeartbeatId != "")
                return Task.FromResult(Error(400, $"Invalid Heartbeat ID '{sent?.HeartbeatId}'"));
            _heartbeatId = "hb-" + (++_heartbeatCount).ToString(CultureInfo.InvariantCulture);
            _heartbeats.Enqueue(Options.TimeProvider.GetUtcNow());
            _heartbeatArrived.Release();
            return Task.FromResult(Json(new ClobHeartbeat(_heartbeatId)));
        }
    }

    private async Task<IResult> GetBookAsync(HttpContext context)
    {
        var token = context.Request.Query["token_id"].ToString();
        if (!_tokens.TryGetValue(token, out var t))
            return Error(400, "Invalid token id");
        var book = (await Paper.GetBookAsync(new MarketId(t.Market.ConditionId)).ConfigureAwait(false)).Value;
        var (bids, asks) = t.Outcome == Outcome.Yes ? (book.YesBids, book.YesAsks) : (book.NoBids, book.NoAsks);
        // The CLOB lists bids from the lowest and asks from the highest price (best last); clients sort.
        return Json(new ClobBook(t.Market.ConditionId, token,
            [.. bids.Reverse().Select(l => new ClobLevel(l.Price.Value, l.Size.Value))],
            [.. asks.Reverse().Select(l => new ClobLevel(l.Price.Value, l.Size.Value))]));
    }

    private async Task<IResult> GetPositionsAsync(HttpContext context)
    {
        var user = context.Request.Query["user"].ToString();
        var owner = Options.FunderAddress ?? Options.SignerAddress;
        if (!string.Equals(user, owner, StringComparison.OrdinalIgnoreCase))
            return Json(Array.Empty<DataApiPosition>());
        var positions = (await Paper.GetPositionsAsync().ConfigureAwait(false)).Value;
        return Json(positions.Select(p =>
        {
            var market = _markets[p.Market.Value];
            var outcome = p.Outcome ?? Outcome.Yes;
            return new DataApiPosition(outcome == Outcome.Yes ? market.YesToken : market.NoToken, market.ConditionId, p.Contracts, outcome == Outcome.Yes ? "Yes" : "No");
        }).ToArray());
    }

    internal static IResult Json(object value, int status = 200) => Results.Json(value, PolymarketJson.Options, statusCode: status);

    internal static IResult Error(int status, string error, string? code = null) => Json(new ClobErrorBody(error, code), status);

    /// <summary>Pages of <paramref name="items"/>: the cursor is base64 of the offset, "LTE=" after the last page.</summary>
    private ClobPage<T> Page<T>(IReadOnlyList<T> items, string? cursor)
    {
        var offset = 0;
        if (!string.IsNullOrEmpty(cursor))
            _ = int.TryParse(Encoding.ASCII.GetString(Convert.FromBase64String(cursor)), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out offset);
        if (offset < 0)
            return new ClobPage<T>([], PolymarketDefaults.EndCursor, Options.PageSize, 0);
        var data = items.Skip(offset).Take(Options.PageSize).ToArray();
        var next = offset + data.Length >= items.Count
            ? PolymarketDefaults.EndCursor
            : Convert.ToBase64String(Encoding.ASCII.GetBytes((offset + data.Length).ToString(CultureInfo.InvariantCulture)));
        return new ClobPage<T>(data, next, Options.PageSize, data.Length);
    }

    /// <summary>An order the CLOB holds: its paper twin and its terms.</summary>
    private sealed record ServerOrder(string Id, VenueOrderId PaperId, PolymarketServerMarket Market, Outcome Outcome, string TokenId, string OrderType, DateTimeOffset CreatedAt, long Expiration);
}
