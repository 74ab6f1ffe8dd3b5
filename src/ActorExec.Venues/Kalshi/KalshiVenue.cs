using System.Collections.Frozen;
using ActorExec.Trading.Execution;
using ActorExec.Trading.Orders;
using ActorExec.Venues.Http;

namespace ActorExec.Venues.Kalshi;

/// <summary>
/// Kalshi's trade API v2 (docs.kalshi.com/api-reference) behind <see cref="IVenueAdapter"/> and
/// <see cref="IMarketData"/>: every request is signed (see <see cref="KalshiRequestSigner"/>), every
/// answer read through <see cref="VenueHttp"/> and <see cref="KalshiErrors"/>, so expected failures are
/// typed values. Prices and counts travel as Kalshi's fixed-point strings. Kalshi settles on match, so
/// an executed order is Confirmed at once. Thread-safe; holds no state beyond the markets learned at
/// <see cref="ConnectAsync"/>.
/// </summary>
public sealed partial class KalshiVenue : IVenueAdapter, IMarketData, IDisposable
{
    private const int PageSize = 200;
    private const int MaxPages = 10_000;

    private readonly KalshiOptions _options;
    private readonly VenueHttp _http;
    private readonly KalshiRequestSigner _signer;
    private readonly FrozenDictionary<MarketId, KalshiListedMarket> _markets;
    private readonly FrozenDictionary<string, MarketId> _byTicker;

    private KalshiVenue(KalshiOptions options, VenueHttp http, KalshiRequestSigner signer, IEnumerable<KalshiListedMarket> markets)
    {
        _options = options;
        _http = http;
        _signer = signer;
        _markets = markets.ToFrozenDictionary(m => m.Market);
        _byTicker = _markets.Values.ToFrozenDictionary(m => m.Ticker, m => m.Market, StringComparer.Ordinal);
        Capabilities = new VenueCapabilities(
            SettlesOnChain: false,
            DefaultRules: InstrumentRules.BinaryCents,
            TakerFees: FeeSchedule.KalshiTaker,
            MakerFees: FeeSchedule.KalshiMaker,
            SupportsModify: true,
            OrderTypes: FrozenSet.Create(OrderType.Limit, OrderType.Market, OrderType.PostOnly),
            TimesInForce: FrozenSet.Create(TimeInForce.Gtc, TimeInForce.Gtd, TimeInForce.Ioc, TimeInForce.Fok, TimeInForce.Fak));
    }

    /// <inheritdoc cref="IVenueAdapter.Venue" />
    public VenueId Venue => _options.Venue;

    /// <summary>
    /// Settles on match; Kalshi's published fee formula (ceil to the cent of rate × C × P × (1 − P), taker
    /// 0.07, maker 0.0175: <see cref="FeeSchedule.KalshiStyle"/>); amend supported; every order type
    /// (market ones as marketable limits) with GTC, GTD, IOC, FOK and FAK (sent as IOC).
    /// </summary>
    public VenueCapabilities Capabilities { get; }

    /// <summary>
    /// Makes one authenticated read (<c>GET /portfolio/balance</c>) so that bad credentials fail at start,
    /// not at the first order, then loads every configured market (<c>GET /markets/{ticker}</c>: status
    /// and price rules). <paramref name="http"/> stays the caller's; its timeout is each call's limit.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid (the message names the option).</exception>
    /// <exception cref="VenueConnectionException">The private key is unusable, a ticker is unknown or no longer trades, Kalshi is unreachable or refused the credentials; the message names the venue, ticker, URL and answer, never the key.</exception>
    public static async Task<KalshiVenue> ConnectAsync(KalshiOptions options, HttpClient http, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        options.Validate();
        KalshiRequestSigner signer;
        try
        {
            signer = new KalshiRequestSigner(options.KeyId, options.PrivateKeyPem, options.TimeProvider);
        }
        catch (ArgumentException e)
        {
            throw new VenueConnectionException(options.Venue, e.Message);
        }
        try
        {
            var venueHttp = new VenueHttp("kalshi", http, options.ApiBase, KalshiJson.Options, signer, KalshiErrors.Read, options.TimeProvider);
            // Credentials first: a refused key would otherwise surface as a confusing market failure.
            var balance = await venueHttp.SendAsync<KalshiBalance>(HttpMethod.Get, "portfolio/balance", null, cancellationToken).ConfigureAwait(false);
            if (!balance.IsSuccess)
                throw new VenueConnectionException(options.Venue, $"an authenticated read with key id {options.KeyId} failed: {balance.Error.Message}", balance.Error);
            var markets = new List<KalshiListedMarket>(options.Markets.Count);
            foreach (var (market, ticker) in options.Markets)
            {
                var listed = await LoadMarketAsync(venueHttp, market, ticker, cancellationToken).ConfigureAwait(false);
                if (!listed.TryGetValue(out var value, out var error))
                    throw new VenueConnectionException(options.Venue, $"market {market}: ticker {ticker}: {error.Message}", error);
                if (KalshiMarketMapping.IsFinal(value.Status))
                    throw new VenueConnectionException(options.Venue, $"market {market}: ticker {ticker} is '{value.Status}' at {venueHttp.BaseAddress} and no longer trades");
                markets.Add(value.Listed);
            }
            return new KalshiVenue(options, venueHttp, signer, markets);
        }
        catch
        {
            signer.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask<VenueResult<VenueOrderReport>> PlaceAsync(OrderIntent intent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intent);
        if (intent.Venue != Venue)
            return new VenueRejected($"kalshi: order {intent.ClientOrderId} is for venue {intent.Venue}, not {Venue}", "wrong_venue");
        if (!_markets.TryGetValue(intent.Market, out var market))
            return new VenueRejected($"kalshi: market {intent.Market} of order {intent.ClientOrderId} is not configured for venue {Venue}", "unknown_market");
        var body = KalshiOrderMapping.ToCreate(intent, market.Ticker, market.Rules);
        if (!body.TryGetValue(out var create, out var refused))
            return refused;
        const string path = "portfolio/orders";
        var answer = await _http.SendAsync<KalshiOrderEnvelope>(HttpMethod.Post, path, create, cancellationToken).ConfigureAwait(false);
        return await ReportAsync(answer, Call(HttpMethod.Post, path), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>Kalshi refuses to cancel an order that is no longer resting; the order's current state is then reported instead.</remarks>
    public async ValueTask<VenueResult<VenueOrderReport>> CancelAsync(VenueOrderId order, CancellationToken cancellationToken = default)
    {
        RequireId(order.Value, nameof(order));
        var path = OrderPath(order);
        var answer = await _http.SendAsync<KalshiOrderEnvelope>(HttpMethod.Delete, path, null, cancellationToken).ConfigureAwait(false);
        if (answer.Error is VenueRejected or VenueNotFound)
        {
            var current = await GetOrderAsync(order, cancellationToken).ConfigureAwait(false);
            return current.IsSuccess && !current.Value.IsOpen ? current : answer.Error;
        }
        return await ReportAsync(answer, Call(HttpMethod.Delete, path), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Kalshi's amend (<c>POST /portfolio/orders/{order_id}/amend</c>) needs the order's ticker, side and
    /// action and takes the new total size (filled + resting) and price, so the order is read first.
    /// </remarks>
    public async ValueTask<VenueResult<VenueOrderReport>> ModifyAsync(VenueOrderId order, Price? newPrice, Quantity? newSize, CancellationToken cancellationToken = default)
    {
        RequireId(order.Value, nameof(order));
        if (newPrice is null && newSize is null)
            return new VenueRejected($"kalshi: an amendment of order {order} needs a new price or a new size", "invalid_amend");
        var current = await GetOrderAsync(order, cancellationToken).ConfigureAwait(false);
        if (!current.TryGetValue(out var report, out var error))
            return error;
        if (!report.IsOpen)
            return new VenueRejected($"kalshi: order {order} is {report.Status} and can no longer be amended", "order_not_open");
        if (!_markets.TryGetValue(report.Market, out var market) || report.Outcome is not { } outcome)
            return new VenueRejected($"kalshi: order {order} is in market {report.Market}, which is not configured for venue {Venue}", "unknown_market");
        if ((newPrice ?? report.LimitPrice) is not { } target)
            return new VenueRejected($"kalshi: order {order} reports no limit price; pass the new price to amend it", "invalid_amend");
        var price = KalshiJson.Dollars(target.Value);
        var amend = new KalshiAmendOrder(
            market.Ticker, KalshiOrderMapping.SideOf(outcome), KalshiOrderMapping.ActionOf(report.Side),
            KalshiJson.Count((newSize ?? report.Size).Value),
            outcome == Outcome.Yes ? price : null,
            outcome == Outcome.No ? price : null);
        var path = OrderPath(order) + "/amend";
        var answer = await _http.SendAsync<KalshiAmendEnvelope>(HttpMethod.Post, path, amend, cancellationToken).ConfigureAwait(false);
        if (!answer.TryGetValue(out var amended, out error))
            return error;
        return await ReportAsync(new KalshiOrderEnvelope(amended.Order), Call(HttpMethod.Post, path), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<VenueResult<VenueOrderReport>> GetOrderAsync(VenueOrderId order, CancellationToken cancellationToken = default)
    {
        RequireId(order.Value, nameof(order));
        var path = OrderPath(order);
        var answer = await _http.SendAsync<KalshiOrderEnvelope>(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        return await ReportAsync(answer, Call(HttpMethod.Get, path), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Kalshi's order list filters by ticker, event, time and status but not by client order id
    /// (docs.kalshi.com/api-reference/orders/get-orders), so the intent's market is paged through
    /// (every status) and matched on <c>client_order_id</c>.
    /// </remarks>
    public async ValueTask<VenueResult<VenueOrderReport>> FindOrderAsync(OrderIntent intent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intent);
        if (!_markets.TryGetValue(intent.Market, out var market))
            return new VenueNotFound($"kalshi: market {intent.Market} of order {intent.ClientOrderId} is not configured for venue {Venue}");
        var path = $"portfolio/orders?ticker={Uri.EscapeDataString(market.Ticker)}&limit={PageSize}";
        var orders = await PageAllAsync<KalshiOrdersPage, KalshiOrder>(path, p => p.Orders, p => p.Cursor,
            o => o.ClientOrderId == intent.ClientOrderId.Value, cancellationToken).ConfigureAwait(false);
        if (!orders.TryGetValue(out var found, out var error))
            return error;
        if (found.Count == 0)
            return new VenueNotFound($"kalshi: no order with client order id {intent.ClientOrderId} in {market.Ticker} (market {intent.Market})");
        return await ReportAsync(new KalshiOrderEnvelope(found[0]), Call(HttpMethod.Get, path), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<VenueResult<IReadOnlyList<VenueOrderReport>>> GetOpenOrdersAsync(MarketId? market = null, CancellationToken cancellationToken = default)
    {
        var path = $"portfolio/orders?status=resting&limit={PageSize}";
        if (market is { } id)
        {
            if (!_markets.TryGetValue(id, out var listed))
                return new VenueNotFound($"kalshi: market {id} is not configured for venue {Venue}");
            path += "&ticker=" + Uri.EscapeDataString(listed.Ticker);
        }
        var orders = await PageAllAsync<KalshiOrdersPage, KalshiOrder>(path, p => p.Orders, p => p.Cursor, null, cancellationToken).ConfigureAwait(false);
        if (!orders.TryGetValue(out var found, out var error))
            return error;
        var reports = new List<VenueOrderReport>(found.Count);
        foreach (var order in found)
        {
            var report = await ReportAsync(new KalshiOrderEnvelope(order), Call(HttpMethod.Get, path), cancellationToken).ConfigureAwait(false);
            if (!report.TryGetValue(out var value, out error))
                return error;
            reports.Add(value);
        }
        return reports;
    }

    /// <inheritdoc />
    /// <remarks>The cursor is a high-water mark, not Kalshi's own cursor: see <see cref="KalshiFillCursor"/> for why.</remarks>
    public async ValueTask<VenueResult<FillPage>> GetFillsAsync(string? cursor, int limit, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > 1000)
            return new VenueRejected($"kalshi: fill page limit {limit} is outside [1, 1000]", "invalid_limit");
        if (!KalshiFillCursor.TryParse(cursor, out var mark))
            return new VenueRejected($"kalshi: fill cursor '{cursor}' was not handed out by this adapter", "invalid_cursor");
        var path = $"portfolio/fills?limit={PageSize}";
        if (mark is not null)
            path += $"&min_ts={mark.Second - 1}"; // "after this Unix timestamp": one second earlier covers an inclusive or exclusive bound.
        var fills = await FillsAsync(path, null, cancellationToken).ConfigureAwait(false);
        if (!fills.TryGetValue(out var all, out var error))
            return error;
        var page = all.Where(f => mark is null || mark.IsNew(f)).Take(limit).ToList();
        return new FillPage(page, page.Count == 0 ? cursor : KalshiFillCursor.After(mark, page).ToString());
    }

    /// <inheritdoc />
    /// <remarks>Kalshi nets a market to one signed count (<c>position_fp</c>): positive holds YES, negative holds NO; both are reported as long positions in their outcome.</remarks>
    public async ValueTask<VenueResult<IReadOnlyList<VenuePosition>>> GetPositionsAsync(CancellationToken cancellationToken = default)
    {
        const string path = "portfolio/positions?count_filter=position&limit=200";
        var positions = await PageAllAsync<KalshiPositionsPage, KalshiMarketPosition>(path, p => p.MarketPositions, p => p.Cursor, null, cancellationToken).ConfigureAwait(false);
        if (!positions.TryGetValue(out var all, out var error))
            return error;
        var result = new List<VenuePosition>(all.Count);
        foreach (var position in all)
        {
            if (string.IsNullOrWhiteSpace(position.Ticker) || !KalshiJson.TryParse(position.PositionFp, out var contracts))
                return new VenueUnavailable($"kalshi: malformed answer to {Call(HttpMethod.Get, path)}: a market position without ticker or position_fp ('{position.PositionFp}')", 200);
            if (contracts != 0)
                result.Add(new VenuePosition(MarketOf(position.Ticker), contracts > 0 ? Outcome.Yes : Outcome.No, Math.Abs(contracts)));
        }
        return result;
    }

    /// <inheritdoc />
    /// <remarks><c>GET /exchange/status</c>: Up when exchange and trading are active, Degraded when only trading is paused, Down otherwise.</remarks>
    public async ValueTask<VenueResult<VenueHealth>> GetHealthAsync(CancellationToken cancellationToken = default)
    {
        var answer = await _http.SendAsync<KalshiExchangeStatus>(HttpMethod.Get, "exchange/status", null, cancellationToken).ConfigureAwait(false);
        if (!answer.TryGetValue(out var status, out var error))
            return error;
        var now = _options.TimeProvider.GetUtcNow();
        return (status.ExchangeActive, status.TradingActive) switch
        {
            (true, true) => new VenueHealth(VenueHealthStatus.Up, null, now),
            (true, _) => new VenueHealth(VenueHealthStatus.Degraded, "kalshi: the exchange is up but trading is paused", now),
            _ => new VenueHealth(VenueHealthStatus.Down, "kalshi: the exchange is not active", now),
        };
    }

    /// <inheritdoc />
    /// <remarks>The configured markets under our ids, each read again for its current status and rules.</remarks>
    public async ValueTask<VenueResult<IReadOnlyList<VenueMarket>>> GetMarketsAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<VenueMarket>(_markets.Count);
        foreach (var market in _markets.Values.OrderBy(m => m.Market.Value, StringComparer.Ordinal))
        {
            var answer = await LoadMarketAsync(_http, market.Market, market.Ticker, cancellationToken).ConfigureAwait(false);
            if (!answer.TryGetValue(out var loaded, out var error))
                return error;
            var listed = loaded.Listed;
            result.Add(new VenueMarket(listed.Market, InstrumentKind.Binary, listed.Rules, listed.Title, listed.IsOpen));
        }
        return result;
    }

    /// <inheritdoc />
    public async ValueTask<VenueResult<MarketBook>> GetBookAsync(MarketId market, CancellationToken cancellationToken = default)
    {
        RequireId(market.Value, nameof(market));
        if (!_markets.TryGetValue(market, out var listed))
            return new VenueNotFound($"kalshi: market {market} is not configured for venue {Venue}");
        var path = $"markets/{Uri.EscapeDataString(listed.Ticker)}/orderbook";
        var answer = await _http.SendAsync<KalshiOrderbookEnvelope>(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        if (!answer.TryGetValue(out var book, out var error))
            return error;
        return KalshiMarketMapping.ToBook(market, book.OrderbookFp, Call(HttpMethod.Get, path), _options.TimeProvider.GetUtcNow());
    }

    /// <inheritdoc />
    public void Dispose() => _signer.Dispose();

    /// <summary>Names the venue, API root and key id; never the key.</summary>
    public override string ToString() => $"KalshiVenue({Venue}, {_http.BaseAddress}, key id {_options.KeyId})";

    private static void RequireId(string? value, string parameter)
    {
        if (value is null)
            throw new ArgumentException($"{parameter} is a default (empty) id", parameter);
    }
}
