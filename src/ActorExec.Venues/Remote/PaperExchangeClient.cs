using ActorExec.Trading.Orders;
using ActorExec.Venues.Http;
using ActorExec.Venues.Paper;

namespace ActorExec.Venues.Remote;

/// <summary>
/// One venue of a paper exchange (<c>actorexec-node paper-exchange</c>), traded over HTTP/JSON: each
/// <see cref="IVenueAdapter"/> and <see cref="IMarketData"/> call is one request to
/// <c>{exchange}/venues/{venue}/…</c> (see <see cref="PaperExchangeRoutes"/>). Several processes
/// connected to the same exchange trade on the same books and the same records, so one can ask about
/// orders another placed. Expected failures, transport ones included, are <see cref="VenueError"/>
/// values (see <see cref="PaperExchangeCall"/>); the client holds no state beyond its capabilities.
/// </summary>
public sealed class PaperExchangeClient : IVenueAdapter, IMarketData
{
    private readonly VenueHttp _http;

    private PaperExchangeClient(Uri address, VenueId venue, VenueCapabilities capabilities, VenueHttp http)
    {
        Address = address;
        Venue = venue;
        Capabilities = capabilities;
        _http = http;
    }

    /// <inheritdoc cref="IVenueAdapter.Venue" />
    public VenueId Venue { get; }

    /// <inheritdoc />
    public VenueCapabilities Capabilities { get; }

    /// <summary>The venue's base address on the exchange, e.g. <c>http://127.0.0.1:9300/venues/kalshi/</c>.</summary>
    public Uri Address { get; }

    /// <summary>
    /// Fetches the venue's capabilities once (they must be known synchronously afterwards) and returns the
    /// connected client. <paramref name="http"/> is used for every call and stays the caller's to dispose.
    /// </summary>
    /// <param name="exchange">The exchange's address, e.g. <c>http://127.0.0.1:9300</c>.</param>
    /// <param name="venue">The venue to trade on.</param>
    /// <param name="http">The HTTP client; its <see cref="HttpClient.Timeout"/> is the calls' timeout.</param>
    /// <param name="cancellationToken">Cancels the connection attempt.</param>
    /// <exception cref="PaperExchangeConnectionException">The exchange is unreachable, does not serve the venue, or answered nonsense; the message names the URL.</exception>
    /// <exception cref="ArgumentException">The exchange address is not an absolute http(s) URL, or the venue is a default id.</exception>
    public static async Task<PaperExchangeClient> ConnectAsync(Uri exchange, VenueId venue, HttpClient http, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(http);
        if (!exchange.IsAbsoluteUri || (exchange.Scheme != Uri.UriSchemeHttp && exchange.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"the paper exchange address must be an absolute http:// or https:// URL, got '{exchange}'", nameof(exchange));
        RequireId(venue.Value, nameof(venue));
        var root = exchange.AbsoluteUri.EndsWith('/') ? exchange : new Uri(exchange.AbsoluteUri + "/");
        var address = new Uri(root, PaperExchangeRoutes.VenuePath(venue));
        var venueHttp = PaperExchangeCall.Http(http, address);
        var capabilities = await venueHttp.SendAsync<VenueCapabilities>(HttpMethod.Get, PaperExchangeRoutes.Capabilities, null, cancellationToken).ConfigureAwait(false);
        if (!capabilities.TryGetValue(out var value, out var error))
            throw new PaperExchangeConnectionException(new Uri(address, PaperExchangeRoutes.Capabilities), error);
        return new PaperExchangeClient(address, venue, value, venueHttp);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The intent is null or carries a default id.</exception>
    public ValueTask<VenueResult<VenueOrderReport>> PlaceAsync(OrderIntent intent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intent);
        if (intent.OrderId.Value is null || intent.ClientOrderId.Value is null || intent.Venue.Value is null || intent.Market.Value is null)
            throw new ArgumentException("intent carries a default id: OrderId, ClientOrderId, Venue and Market must all be set", nameof(intent));
        return Send<VenueOrderReport>(HttpMethod.Post, PaperExchangeRoutes.Orders, intent, cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The id is a default value.</exception>
    public ValueTask<VenueResult<VenueOrderReport>> CancelAsync(VenueOrderId order, CancellationToken cancellationToken = default)
    {
        RequireId(order.Value, nameof(order));
        return Send<VenueOrderReport>(HttpMethod.Post, PaperExchangeRoutes.CancelPath(order), null, cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The id or price is a default value.</exception>
    public ValueTask<VenueResult<VenueOrderReport>> ModifyAsync(VenueOrderId order, Price? newPrice, Quantity? newSize, CancellationToken cancellationToken = default)
    {
        RequireId(order.Value, nameof(order));
        if (newPrice is { Value: 0 })
            throw new ArgumentException("newPrice is a default Price (zero); pass null to keep the price", nameof(newPrice));
        return Send<VenueOrderReport>(HttpMethod.Post, PaperExchangeRoutes.ModifyPath(order), new ModifyOrderRequest(newPrice, newSize), cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The id is a default value.</exception>
    public ValueTask<VenueResult<VenueOrderReport>> GetOrderAsync(VenueOrderId order, CancellationToken cancellationToken = default)
    {
        RequireId(order.Value, nameof(order));
        return Send<VenueOrderReport>(HttpMethod.Get, PaperExchangeRoutes.OrderPath(order), null, cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException">The intent is null.</exception>
    public ValueTask<VenueResult<VenueOrderReport>> FindOrderAsync(OrderIntent intent, CancellationToken cancellationToken = default)
        => GetOrderByClientIdAsync((intent ?? throw new ArgumentNullException(nameof(intent))).ClientOrderId, cancellationToken);

    /// <summary>The venue's current view of an order, by our client order id; <see cref="VenueErrorKind.NotFound"/> when the venue never saw it.</summary>
    /// <exception cref="ArgumentException">The id is a default value.</exception>
    public ValueTask<VenueResult<VenueOrderReport>> GetOrderByClientIdAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken = default)
    {
        RequireId(clientOrderId.Value, nameof(clientOrderId));
        return Send<VenueOrderReport>(HttpMethod.Get, PaperExchangeRoutes.OrderByClientIdPath(clientOrderId), null, cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The market is a default id.</exception>
    public ValueTask<VenueResult<IReadOnlyList<VenueOrderReport>>> GetOpenOrdersAsync(MarketId? market = null, CancellationToken cancellationToken = default)
    {
        if (market is { } id)
            RequireId(id.Value, nameof(market));
        return Send<IReadOnlyList<VenueOrderReport>>(HttpMethod.Get, PaperExchangeRoutes.OpenOrdersPath(market), null, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<VenueResult<FillPage>> GetFillsAsync(string? cursor, int limit, CancellationToken cancellationToken = default)
        => Send<FillPage>(HttpMethod.Get, PaperExchangeRoutes.FillsPath(cursor, limit), null, cancellationToken);

    /// <inheritdoc />
    public ValueTask<VenueResult<IReadOnlyList<VenuePosition>>> GetPositionsAsync(CancellationToken cancellationToken = default)
        => Send<IReadOnlyList<VenuePosition>>(HttpMethod.Get, PaperExchangeRoutes.Positions, null, cancellationToken);

    /// <inheritdoc />
    public ValueTask<VenueResult<VenueHealth>> GetHealthAsync(CancellationToken cancellationToken = default)
        => Send<VenueHealth>(HttpMethod.Get, PaperExchangeRoutes.Health, null, cancellationToken);

    /// <inheritdoc />
    public ValueTask<VenueResult<IReadOnlyList<VenueMarket>>> GetMarketsAsync(CancellationToken cancellationToken = default)
        => Send<IReadOnlyList<VenueMarket>>(HttpMethod.Get, PaperExchangeRoutes.Markets, null, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The market is a default id.</exception>
    public ValueTask<VenueResult<MarketBook>> GetBookAsync(MarketId market, CancellationToken cancellationToken = default)
    {
        RequireId(market.Value, nameof(market));
        return Send<MarketBook>(HttpMethod.Get, PaperExchangeRoutes.BookPath(market), null, cancellationToken);
    }

    /// <summary>What the venue recorded: every placement (whoever placed it), duplicates refused, calls received.</summary>
    public ValueTask<VenueResult<PaperVenueRecordsSnapshot>> GetRecordsAsync(CancellationToken cancellationToken = default)
        => Send<PaperVenueRecordsSnapshot>(HttpMethod.Get, PaperExchangeRoutes.Records, null, cancellationToken);

    private ValueTask<VenueResult<T>> Send<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
        => new(_http.SendAsync<T>(method, path, body, cancellationToken));

    private static void RequireId(string? value, string parameter)
    {
        if (value is null)
            throw new ArgumentException($"{parameter} is a default (empty) id", parameter);
    }
}
