using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using ActorExec.Trading.Orders;
using ActorExec.Venues.Paper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ActorExec.Venues.TestServers.Kalshi;

/// <summary>
/// A local Kalshi trade API v2 (the endpoints of docs.kalshi.com/api-reference the adapter uses, under
/// <c>/trade-api/v2</c>) backed by a real <see cref="PaperVenue"/> whose market ids are the Kalshi
/// tickers, so orders really match, fill, rest and cancel. Every request's signature is verified with the
/// public key (see <see cref="KalshiSignatureCheck"/>); a wrong key id, stale timestamp or bad signature
/// is a 401 in Kalshi's error format. Answers carry Kalshi's fixed-point fields (and a few legacy integer
/// ones, which a correct client ignores).
/// </summary>
public sealed partial class KalshiTestServer : LoopbackServer
{
    /// <summary>The key id the server accepts unless told otherwise.</summary>
    public const string DefaultKeyId = "3f1c2a9e-kalshi-test-key";

    private const string Root = "/trade-api/v2";
    private readonly KalshiSignatureCheck _auth;
    private readonly ConcurrentDictionary<string, string> _forcedStatus = new(StringComparer.Ordinal);
    private int _authFailures;

    /// <param name="paper">The exchange behind the API; its market ids are the tickers.</param>
    /// <param name="publicKeyPem">The public key of the one API key the server knows.</param>
    /// <param name="keyId">That key's id.</param>
    /// <param name="clock">The server's clock for timestamp checks (system clock when null).</param>
    public KalshiTestServer(PaperVenue paper, string publicKeyPem, string keyId = DefaultKeyId, TimeProvider? clock = null)
    {
        Paper = paper ?? throw new ArgumentNullException(nameof(paper));
        _auth = new KalshiSignatureCheck(keyId, publicKeyPem, clock ?? TimeProvider.System);
    }

    /// <summary>A Kalshi-like paper venue without a liquidity provider (tests seed the books) listing binary markets with these tickers.</summary>
    public static KalshiTestServer Create(KalshiTestKeys keys, int seed, params string[] tickers)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var options = PaperVenueOptions.KalshiLike(new VenueId("kalshi-paper"), tickers.Select(t => PaperMarket.Binary(t, 0.5m)), seed)
            with { Liquidity = new PaperLiquidityOptions { Enabled = false } };
        return new KalshiTestServer(new PaperVenue(options), keys.PublicPem);
    }

    /// <summary>The exchange behind the API: tests read its records and books to prove what happened.</summary>
    public PaperVenue Paper { get; }

    /// <summary>The API root to configure a client with: <c>http://127.0.0.1:{port}/trade-api/v2/</c>.</summary>
    public Uri ApiBase => new(Address, "trade-api/v2/");

    /// <summary>Requests refused with 401 so far.</summary>
    public int AuthFailures => Volatile.Read(ref _authFailures);

    /// <summary>While true, <c>GET /portfolio/fills</c> lists nothing, as if Kalshi's fill list trailed its orders.</summary>
    public bool FillsLag { get; set; }

    /// <summary>From now on, answers about this order carry <paramref name="status"/> instead of its real status.</summary>
    public void AnswerStatus(VenueOrderId order, string status) => _forcedStatus[order.Value] = status;

    /// <inheritdoc />
    protected override void Map(WebApplication app)
    {
        app.Use(Authenticate);
        Get(app, "/markets/{ticker}", GetMarket);
        Get(app, "/markets/{ticker}/orderbook", GetOrderbook);
        Get(app, "/exchange/status", ctx => Json(ctx, 200, new { exchange_active = true, trading_active = true }));
        Get(app, "/portfolio/balance", ctx => Json(ctx, 200, new { balance = 1_000_000, portfolio_value = 0 }));
        app.MapPost(Root + "/portfolio/orders", CreateOrder);
        Get(app, "/portfolio/orders", GetOrders);
        Get(app, "/portfolio/orders/{id}", GetOrder);
        app.MapDelete(Root + "/portfolio/orders/{id}", CancelOrder);
        app.MapPost(Root + "/portfolio/orders/{id}/amend", AmendOrder);
        Get(app, "/portfolio/fills", GetFills);
        Get(app, "/portfolio/positions", GetPositions);
    }

    private static void Get(WebApplication app, string pattern, RequestDelegate handler) => app.MapGet(Root + pattern, handler);

    private async Task Authenticate(HttpContext context, Func<Task> next)
    {
        if (_auth.Problem(context.Request) is { } problem)
        {
            Interlocked.Increment(ref _authFailures);
            await Json(context, 401, KalshiServerJson.Error("authentication_error", "authentication failed", problem)).ConfigureAwait(false);
            return;
        }
        await next().ConfigureAwait(false);
    }

    private async Task GetMarket(HttpContext context)
    {
        var ticker = Route(context, "ticker");
        var market = Paper.Options.Markets.FirstOrDefault(m => m.Market.Value == ticker);
        if (market is null)
        {
            await Json(context, 404, KalshiServerJson.Error("not_found", "market not found", ticker)).ConfigureAwait(false);
            return;
        }
        var listed = await Paper.GetMarketsAsync().ConfigureAwait(false);
        var isOpen = listed.Value.First(m => m.Market == market.Market).IsOpen;
        await Json(context, 200, new { market = KalshiServerJson.Market(market, isOpen) }).ConfigureAwait(false);
    }

    private async Task GetOrderbook(HttpContext context)
    {
        var ticker = Route(context, "ticker");
        if (!IsListed(ticker))
        {
            await Json(context, 404, KalshiServerJson.Error("not_found", "market not found", ticker)).ConfigureAwait(false);
            return;
        }
        var book = (await Paper.GetBookAsync(new MarketId(ticker)).ConfigureAwait(false)).Value;
        // Kalshi lists bids only, ascending by price: [price_dollars, count_fp].
        static string[][] Ascending(IReadOnlyList<Trading.Slippage.BookLevel> bids)
            => [.. bids.OrderBy(l => l.Price.Value).Select(l => new[] { KalshiServerJson.Dollars(l.Price.Value), KalshiServerJson.Count(l.Size.Value) })];
        await Json(context, 200, new { orderbook_fp = new { yes_dollars = Ascending(book.YesBids), no_dollars = Ascending(book.NoBids) } }).ConfigureAwait(false);
    }

    private async Task GetOrder(HttpContext context)
    {
        var report = await Paper.GetOrderAsync(new VenueOrderId(Route(context, "id"))).ConfigureAwait(false);
        if (!report.IsSuccess)
        {
            await Failure(context, report.Error).ConfigureAwait(false);
            return;
        }
        await Json(context, 200, new { order = OrderJson(report.Value) }).ConfigureAwait(false);
    }

    private async Task CancelOrder(HttpContext context)
    {
        var id = new VenueOrderId(Route(context, "id"));
        var before = await Paper.GetOrderAsync(id).ConfigureAwait(false);
        if (!before.IsSuccess || !before.Value.IsOpen)
        {
            // Kalshi does not cancel what is no longer resting.
            await Json(context, 404, KalshiServerJson.Error("not_found", "order not found or not resting", id.Value)).ConfigureAwait(false);
            return;
        }
        var report = await Paper.CancelAsync(id).ConfigureAwait(false);
        if (!report.IsSuccess)
        {
            await Failure(context, report.Error).ConfigureAwait(false);
            return;
        }
        await Json(context, 200, new { order = OrderJson(report.Value), reduced_by_fp = KalshiServerJson.Count(before.Value.Remaining.Value) }).ConfigureAwait(false);
    }

    private async Task GetOrders(HttpContext context)
    {
        var query = context.Request.Query;
        var ticker = query["ticker"].ToString();
        var status = query["status"].ToString();
        var limit = Limit(query["limit"].ToString(), 100);
        var placements = Paper.Records.Placements;
        var start = Cursor(query["cursor"].ToString(), placements.Count);
        var orders = new List<object>();
        var next = "";
        // Newest first; the cursor is the acceptance index of the last order returned (a keyset, so
        // orders placed while paging neither shift nor repeat a page).
        for (var i = start - 1; i >= 0; i--)
        {
            var placement = placements[i];
            if (ticker.Length > 0 && placement.Intent.Market.Value != ticker)
                continue;
            var report = (await Paper.GetOrderAsync(placement.VenueOrderId).ConfigureAwait(false)).Value;
            if (status.Length > 0 && KalshiServerJson.Status(report.Status) != status)
                continue;
            if (orders.Count == limit)
            {
                next = (i + 1).ToString(CultureInfo.InvariantCulture);
                break;
            }
            orders.Add(OrderJson(report));
        }
        await Json(context, 200, new { orders, cursor = next }).ConfigureAwait(false);
    }

    private static bool TryBool(JsonElement root, string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static string? Text(JsonElement root, string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Route(HttpContext context, string name) => context.GetRouteValue(name)?.ToString() ?? "";

    private bool IsListed(string ticker) => Paper.Options.Markets.Any(m => m.Market.Value == ticker);

    private object OrderJson(VenueOrderReport report)
        => KalshiServerJson.Order(report, report.Market.Value, _forcedStatus.TryGetValue(report.VenueOrderId.Value, out var forced) ? forced : null);

    private static int Limit(string text, int fallback)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= 1000 ? limit : fallback;

    private static int Cursor(string text, int end)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor) && cursor >= 0 && cursor <= end ? cursor : end;

    private static Task Failure(HttpContext context, VenueError error) => error switch
    {
        VenueNotFound => Json(context, 404, KalshiServerJson.Error("not_found", error.Message)),
        VenueRejected { VenueCode: PaperRejectCodes.DuplicateClientOrderId } => Json(context, 409, KalshiServerJson.Error("order_already_exists", error.Message)),
        VenueRejected rejected => Json(context, 400, KalshiServerJson.Error(rejected.VenueCode ?? "invalid_parameters", error.Message)),
        _ => Json(context, 503, KalshiServerJson.Error("service_unavailable", error.Message)),
    };

    private static async Task Json(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, body, body.GetType(), KalshiServerJson.Options).ConfigureAwait(false);
    }
}
