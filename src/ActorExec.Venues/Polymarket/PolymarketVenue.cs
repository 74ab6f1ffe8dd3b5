using System.Collections.Concurrent;
using System.Collections.Frozen;
using ActorExec.Trading.Execution;
using ActorExec.Venues.Http;
using ActorExec.Venues.Polymarket.Signing;

namespace ActorExec.Venues.Polymarket;

/// <summary>
/// The live Polymarket CLOB (V2 since 2026-04-28): CTF Exchange V2 orders signed with EIP-712 and posted with L2 (HMAC) authentication,
/// statuses read back from the CLOB and its trades (settlement MATCHED → MINED → CONFIRMED, or FAILED),
/// positions from the data API, books per outcome token, and the order-safety heartbeat kept alive in
/// the background. Thread-safe. Orders are deterministic in their intent (see <see cref="PolymarketOrderBuilder"/>),
/// so an order whose placement answer was lost is found again by rebuilding its hash.
/// </summary>
public sealed partial class PolymarketVenue : IVenueAdapter, IMarketData, IAsyncDisposable
{
    private const string Name = "polymarket";

    private readonly PolymarketOptions _options;
    private readonly EthereumKey _key;
    private readonly VenueHttp _clob;
    private readonly VenueHttp _public;
    private readonly VenueHttp _data;
    private readonly FrozenDictionary<MarketId, PolymarketMarket> _markets;
    private readonly FrozenDictionary<string, PolymarketMarket> _byCondition;
    private readonly PolymarketHeartbeat _heartbeat;
    private readonly ConcurrentDictionary<string, VenueOrderStatus> _settlement = new(StringComparer.Ordinal);
    private readonly string _maker;

    private PolymarketVenue(PolymarketOptions options, EthereumKey key, VenueHttp clob, VenueHttp @public, VenueHttp data, IReadOnlyList<PolymarketMarket> markets)
    {
        _options = options;
        _key = key;
        _clob = clob;
        _public = @public;
        _data = data;
        _markets = markets.ToFrozenDictionary(m => m.Market);
        _byCondition = markets.ToFrozenDictionary(m => m.ConditionId, StringComparer.OrdinalIgnoreCase);
        _maker = options.FunderAddress ?? key.Address;
        _heartbeat = new PolymarketHeartbeat(clob, options.TimeProvider, options.HeartbeatInterval);
        Capabilities = new VenueCapabilities(
            SettlesOnChain: true,
            DefaultRules: new InstrumentRules(0.01m, PolymarketMarket.SizeIncrement, 0.01m, 0.99m, PolymarketMarket.SizeIncrement),
            TakerFees: FeeSchedule.Free,
            MakerFees: FeeSchedule.Free,
            SupportsModify: false,
            OrderTypes: FrozenSet.Create(OrderType.Limit, OrderType.PostOnly),
            TimesInForce: FrozenSet.Create(TimeInForce.Gtc, TimeInForce.Gtd, TimeInForce.Fok, TimeInForce.Fak, TimeInForce.Ioc));
    }

    /// <inheritdoc cref="IVenueAdapter.Venue" />
    public VenueId Venue => _options.Venue;

    /// <inheritdoc />
    public VenueCapabilities Capabilities { get; }

    /// <summary>The address that signs orders and API requests (never the key).</summary>
    public string SignerAddress => _key.Address;

    /// <summary>The markets as loaded at connection (tokens, tick, minimum size, neg-risk, fee rate).</summary>
    public IReadOnlyCollection<PolymarketMarket> Markets => _markets.Values;

    /// <summary>
    /// Connects: loads every configured market (<c>GET /markets/{condition_id}</c>), makes one
    /// authenticated read (<c>GET /data/orders</c>) so wrong credentials fail here, sends the first
    /// heartbeat and starts the heartbeat loop.
    /// </summary>
    /// <param name="options">Where and as whom to trade.</param>
    /// <param name="http">The client; its timeout is each call's limit. Stays the caller's to dispose.</param>
    /// <param name="cancellationToken">Cancels the connection.</param>
    /// <exception cref="VenueConnectionException">A market is unknown, closed or not binary, the credentials are refused, or the CLOB cannot be reached; the message names the venue, market, URL and answer, never a secret.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static async Task<PolymarketVenue> ConnectAsync(PolymarketOptions options, HttpClient http, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        options.Validate();
        EthereumKey key;
        try
        {
            key = EthereumKey.FromPrivateKey(options.PrivateKey);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or System.Security.Cryptography.CryptographicException)
        {
            throw new VenueConnectionException(options.Venue, $"the private key from {options.PrivateKey.Source} is not a valid secp256k1 key");
        }
        try
        {
            return await ConnectAsync(options, http, key, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    private static async Task<PolymarketVenue> ConnectAsync(PolymarketOptions options, HttpClient http, EthereumKey key, CancellationToken cancellationToken)
    {
        PolymarketL2Signer signer;
        try
        {
            signer = new PolymarketL2Signer(key.Address, options.ApiKey, options.ApiSecret, options.ApiPassphrase, options.TimeProvider);
        }
        catch (ArgumentException e)
        {
            throw new VenueConnectionException(options.Venue, e.Message);
        }
        var clob = new VenueHttp(Name, http, options.ClobBase, PolymarketJson.Options, signer, PolymarketErrors.Read, options.TimeProvider);
        var @public = new VenueHttp(Name, http, options.ClobBase, PolymarketJson.Options, null, PolymarketErrors.Read, options.TimeProvider);
        var data = new VenueHttp(Name, http, options.DataApiBase, PolymarketJson.Options, null, PolymarketErrors.Read, options.TimeProvider);

        var markets = new List<PolymarketMarket>();
        foreach (var (market, condition) in options.Markets)
        {
            var path = $"markets/{condition}";
            var answer = await @public.SendAsync<ClobMarket>(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
            if (!answer.TryGetValue(out var loaded, out var error))
                throw new VenueConnectionException(options.Venue, $"market {market}: GET {new Uri(clob.BaseAddress, path)} failed: {error}", error);
            if (PolymarketMarket.From(market, loaded, out var problem) is not { } info)
                throw new VenueConnectionException(options.Venue, $"market {market} (condition {condition}): {problem}");
            if (!info.IsOpen)
                throw new VenueConnectionException(options.Venue, $"market {market} (condition {condition}) is not accepting orders (active={loaded.Active}, closed={loaded.Closed}, accepting_orders={loaded.AcceptingOrders})");
            markets.Add(info);
        }

        var check = await clob.SendAsync<ClobPage<ClobOrder>>(HttpMethod.Get, $"data/orders?next_cursor={PolymarketDefaults.FirstCursor}", null, cancellationToken).ConfigureAwait(false);
        if (check.Error is { } authError)
            throw new VenueConnectionException(options.Venue, $"the authenticated read GET {new Uri(clob.BaseAddress, "data/orders")} failed (API key {options.ApiKey}, address {key.Address}): {authError}", authError);

        var venue = new PolymarketVenue(options, key, clob, @public, data, markets);
        if (await venue._heartbeat.BeatAsync(cancellationToken).ConfigureAwait(false) is { } beatError)
        {
            await venue._heartbeat.DisposeAsync().ConfigureAwait(false);
            throw new VenueConnectionException(options.Venue, $"the first heartbeat POST {new Uri(clob.BaseAddress, "v1/heartbeats")} failed: {beatError}", beatError);
        }
        venue._heartbeat.Start();
        return venue;
    }

    /// <inheritdoc />
    /// <remarks>Down while the heartbeat has lapsed (the CLOB may be cancelling our orders), with the reason; Up otherwise.</remarks>
    public ValueTask<VenueResult<VenueHealth>> GetHealthAsync(CancellationToken cancellationToken = default)
    {
        var now = _options.TimeProvider.GetUtcNow();
        var health = _heartbeat.Lapse() is { } lapse
            ? new VenueHealth(VenueHealthStatus.Down, $"polymarket: heartbeat lapsed: {lapse}", now)
            : new VenueHealth(VenueHealthStatus.Up, $"heartbeat acknowledged at {_heartbeat.LastAcknowledged:O}", now);
        return new ValueTask<VenueResult<VenueHealth>>(health);
    }

    /// <summary>Stops the heartbeat loop (the CLOB then cancels our open orders after its window) and forgets the key.</summary>
    public async ValueTask DisposeAsync()
    {
        await _heartbeat.DisposeAsync().ConfigureAwait(false);
        _key.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"PolymarketVenue({Venue}, {_options.ClobBase}, signer {_key.Address})";

    private PolymarketMarket? MarketOf(MarketId market) => _markets.GetValueOrDefault(market);
}
