using ActorExec.Trading.Orders;
using ActorExec.Venues.Credentials;
using ActorExec.Venues.Kalshi;
using ActorExec.Venues.TestServers.Kalshi;

namespace ActorExec.Venues.Tests.Kalshi;

/// <summary>One RSA key pair per test class: generating RSA keys is slow and cannot be seeded.</summary>
public sealed class KalshiKeysFixture
{
    /// <summary>The pair the server trusts.</summary>
    public KalshiTestKeys Keys { get; } = KalshiTestKeys.Generate();
}

/// <summary>A Kalshi test server over a paper venue and an adapter connected to it.</summary>
internal sealed class KalshiSession : IAsyncDisposable
{
    public const string FedTicker = "KXFED-25DEC-T4.00";
    public const string CpiTicker = "KXCPI-25NOV-T3.0";
    public static readonly MarketId Fed = new("fed-dec");
    public static readonly MarketId Cpi = new("cpi-nov");
    public static readonly VenueId VenueId = new("kalshi");

    private KalshiSession(KalshiTestServer server, HttpClient http, KalshiOptions options, KalshiVenue venue)
    {
        Server = server;
        Http = http;
        Options = options;
        Venue = venue;
    }

    public KalshiTestServer Server { get; }

    public HttpClient Http { get; }

    public KalshiOptions Options { get; }

    public KalshiVenue Venue { get; }

    public static async Task<KalshiSession> StartAsync(KalshiTestKeys keys, TimeSpan? timeout = null)
    {
        var server = KalshiTestServer.Create(keys, seed: 7, FedTicker, CpiTicker);
        await server.StartAsync();
        var http = new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(10) };
        var options = OptionsFor(server, keys.PrivatePkcs1Pem);
        var venue = await KalshiVenue.ConnectAsync(options, http);
        return new KalshiSession(server, http, options, venue);
    }

    public static KalshiOptions OptionsFor(KalshiTestServer server, string pem, string keyId = KalshiTestServer.DefaultKeyId, TimeProvider? clock = null) => new()
    {
        Venue = VenueId,
        ApiBase = server.ApiBase,
        KeyId = keyId,
        PrivateKeyPem = new Secret(pem, "file /run/secrets/kalshi.pem"),
        Markets = new Dictionary<MarketId, string> { [Fed] = FedTicker, [Cpi] = CpiTicker },
        TimeProvider = clock ?? TimeProvider.System,
    };

    public static OrderIntent Intent(string clientId, Side side, Outcome outcome, decimal size, decimal? price, TimeInForce tif = TimeInForce.Gtc,
        OrderType type = OrderType.Limit, MarketId? market = null, DateTimeOffset? expiresAt = null)
        => new(new OrderId("o-" + clientId), new ClientOrderId(clientId), VenueId, market ?? Fed, side, outcome, type, tif,
            new Quantity(size), price is { } p ? new Price(p) : null, expiresAt);

    /// <summary>Adds liquidity provider orders in YES terms: Sell is a YES ask, Buy a YES bid.</summary>
    public void Liquidity(string ticker, Side side, decimal yesPrice, decimal size)
        => Server.Paper.AddLiquidity(new MarketId(ticker), side, new Price(yesPrice), new Quantity(size));

    public async ValueTask DisposeAsync()
    {
        Venue.Dispose();
        Http.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>A clock shifted from the system clock, for stale-timestamp tests.</summary>
internal sealed class ShiftedClock(TimeSpan shift) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
}
