using System.Diagnostics;
using ActorExec.TestKit;
using ActorExec.Trading.Orders;
using ActorExec.Venues.Credentials;
using ActorExec.Venues.Polymarket;
using ActorExec.Venues.TestServers.Polymarket;

namespace ActorExec.Venues.Tests.Polymarket;

/// <summary>A <see cref="PolymarketTestServer"/> and a <see cref="PolymarketVenue"/> connected to it, on one manual clock.</summary>
internal sealed class PolymarketFixture : IAsyncDisposable
{
    /// <summary>Hardhat's first well-known test key (public, holds nothing); its address is 0xf39F…2266.</summary>
    public const string PrivateKeyHex = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    public const string ApiKey = "11111111-2222-3333-4444-555555555555";
    public const string ApiSecretText = "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0wMTIzNDU2Nzg5X19fXw==";
    public const string PassphraseText = "test-passphrase-4d8c1f";
    public const string ConditionA = "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    public const string ConditionB = "0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    public static readonly VenueId VenueName = new("polymarket");
    public static readonly MarketId Election = new("election");
    public static readonly MarketId Fed = new("fed-cut");

    private int _orders;

    private PolymarketFixture(ManualTimeProvider clock, PolymarketTestServer server, HttpClient http, PolymarketOptions options)
    {
        Clock = clock;
        Server = server;
        Http = http;
        Options = options;
    }

    public ManualTimeProvider Clock { get; }

    public PolymarketTestServer Server { get; }

    public HttpClient Http { get; }

    public PolymarketOptions Options { get; }

    public PolymarketVenue Venue { get; private set; } = null!;

    public static PolymarketServerMarket MarketA { get; } = new(ConditionA, "1111111111111111111111111111111111111111111111111111111111111111111111111111", "2222222222222222222222222222222222222222222222222222222222222222222222222222");

    /// <summary>A neg-risk market with a 0.001 tick.</summary>
    public static PolymarketServerMarket MarketB { get; } = new(ConditionB, "3333333333333333333333333333333333333333333333333333333333333333333333333333", "4444444444444444444444444444444444444444444444444444444444444444444444444444",
        TickSize: 0.001m, MinimumOrderSize: 5m, NegRisk: true, Question: "Will the Fed cut?");

    /// <summary>Starts the server and connects the venue; <paramref name="server"/> adjusts the server's options.</summary>
    public static async Task<PolymarketFixture> StartAsync(Func<PolymarketTestServerOptions, PolymarketTestServerOptions>? server = null, TimeSpan? httpTimeout = null, Func<PolymarketOptions, PolymarketOptions>? venue = null)
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 22, 6, 0, 0, TimeSpan.Zero));
        using var key = ActorExec.Venues.Polymarket.Signing.EthereumKey.FromPrivateKey(new Secret(PrivateKeyHex, "test"));
        var serverOptions = new PolymarketTestServerOptions
        {
            Markets = [MarketA, MarketB],
            ApiKey = ApiKey,
            ApiSecret = new Secret(ApiSecretText, "test secret"),
            ApiPassphrase = new Secret(PassphraseText, "test passphrase"),
            SignerAddress = key.Address,
            TimeProvider = clock,
        };
        var testServer = new PolymarketTestServer(server?.Invoke(serverOptions) ?? serverOptions);
        await testServer.StartAsync();
        var http = new HttpClient { Timeout = httpTimeout ?? TimeSpan.FromSeconds(20) };
        var options = new PolymarketOptions
        {
            Venue = VenueName,
            ClobBase = testServer.Address,
            DataApiBase = testServer.Address,
            PrivateKey = new Secret(PrivateKeyHex, "env POLY_PRIVATE_KEY"),
            ApiKey = ApiKey,
            ApiSecret = new Secret(ApiSecretText, "env POLY_API_SECRET"),
            ApiPassphrase = new Secret(PassphraseText, "env POLY_PASSPHRASE"),
            Markets = new Dictionary<MarketId, string> { [Election] = ConditionA, [Fed] = ConditionB },
            TimeProvider = clock,
        };
        options = venue?.Invoke(options) ?? options;
        var fixture = new PolymarketFixture(clock, testServer, http, options);
        try
        {
            fixture.Venue = await PolymarketVenue.ConnectAsync(options, http);
        }
        catch
        {
            await testServer.DisposeAsync();
            http.Dispose();
            throw;
        }
        return fixture;
    }

    /// <summary>A liquidity provider order in a market's YES book (Sell = a YES ask).</summary>
    public void Liquidity(string condition, Side side, decimal price, decimal size)
        => Server.Paper.AddLiquidity(new MarketId(condition), side, new Price(price), new Quantity(size));

    /// <summary>A fresh intent (its own client order id).</summary>
    public OrderIntent Intent(Side side, Outcome outcome, decimal size, decimal price, TimeInForce tif = TimeInForce.Gtc, MarketId? market = null, OrderType type = OrderType.Limit)
    {
        var n = Interlocked.Increment(ref _orders);
        return new OrderIntent(new OrderId($"o-{n}"), new ClientOrderId($"c-{n}"), VenueName, market ?? Election, side, outcome, type, tif, new Quantity(size), new Price(price));
    }

    /// <summary>Waits (real time) until <paramref name="condition"/> holds, failing after 10 s.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(10))
                throw new TimeoutException($"timed out waiting until {what}");
            await Task.Yield();
            await Task.Delay(5);
        }
    }

    /// <summary>Lets one heartbeat period pass: waits for the loop to be waiting, advances the clock, waits for the beat to finish.</summary>
    public async Task BeatAsync()
    {
        await UntilAsync(() => Clock.ActiveTimerCount == 1, "the heartbeat loop waits");
        Clock.Advance(Options.HeartbeatInterval);
        await UntilAsync(() => Clock.ActiveTimerCount == 1, "the heartbeat was sent and the loop waits again");
    }

    public async ValueTask DisposeAsync()
    {
        if (Venue is not null)
            await Venue.DisposeAsync();
        await Server.DisposeAsync();
        Http.Dispose();
    }
}
