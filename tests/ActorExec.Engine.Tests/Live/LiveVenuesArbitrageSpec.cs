using ActorExec.Engine.Tests.Fixtures;
using ActorExec.Engine.Venues;
using ActorExec.Trading.Orders;
using ActorExec.Trading.Slippage;
using ActorExec.Venues.Credentials;
using ActorExec.Venues.Kalshi;
using ActorExec.Venues.Paper;
using ActorExec.Venues.Polymarket;
using ActorExec.Venues.Polymarket.Signing;
using ActorExec.Venues.TestServers.Kalshi;
using ActorExec.Venues.TestServers.Polymarket;
using Xunit.Abstractions;

namespace ActorExec.Engine.Tests.Live;

/// <summary>
/// The engine's end-to-end arbitrage, once with the two LIVE adapters instead of the paper venues: the
/// Kalshi trade API v2 adapter (RSA-PSS signed requests) and the Polymarket CLOB adapter (L2 HMAC,
/// EIP-712 signed orders), each against a local server that follows the venue's public API, verifies
/// every signature and matches orders on a paper venue. Real HTTP on loopback, so real time.
/// </summary>
public sealed class LiveVenuesArbitrageSpec : TestKit.TestKit, IAsyncLifetime
{
    private const string Ticker = "KXLIVE-26DEC-T1";
    private const string Condition = "0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1";
    // Hardhat's first well-known test key: public, holds nothing anywhere.
    private const string WalletKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private const string ApiSecret = "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0wMTIzNDU2Nzg5X19fXw==";
    private static readonly MarketId Market = new("live-1");
    private static readonly VenueId KalshiId = new("kalshi");
    private static readonly VenueId PolyId = new("polymarket");
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly EngineStores _stores;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private KalshiTestServer _kalshiServer = null!;
    private PolymarketTestServer _polyServer = null!;
    private KalshiVenue _kalshi = null!;
    private PolymarketVenue _poly = null!;
    private ExecutionEngine _engine = null!;

    public LiveVenuesArbitrageSpec(ITestOutputHelper output) : this(EngineStores.Create(), output)
    {
    }

    private LiveVenuesArbitrageSpec(EngineStores stores, ITestOutputHelper output)
        : base(new TestKitOptions { DefaultTimeout = Deadline, SystemOptions = new ActorSystemOptions { Persistence = stores.Options } }, output)
        => _stores = stores;

    public async Task InitializeAsync()
    {
        var keys = KalshiTestKeys.Generate();
        _kalshiServer = KalshiTestServer.Create(keys, seed: 11, Ticker);
        await _kalshiServer.StartAsync();
        _kalshi = await KalshiVenue.ConnectAsync(new KalshiOptions
        {
            Venue = KalshiId,
            ApiBase = _kalshiServer.ApiBase,
            KeyId = KalshiTestServer.DefaultKeyId,
            PrivateKeyPem = new Secret(keys.PrivatePkcs8Pem, "test key"),
            Markets = new Dictionary<MarketId, string> { [Market] = Ticker },
        }, _http);

        using var wallet = EthereumKey.FromPrivateKey(new Secret(WalletKey, "test wallet"));
        _polyServer = new PolymarketTestServer(new PolymarketTestServerOptions
        {
            Markets = [new PolymarketServerMarket(Condition, "7" + new string('1', 75), "8" + new string('2', 75))],
            ApiKey = "11111111-2222-3333-4444-555555555555",
            ApiSecret = new Secret(ApiSecret, "test secret"),
            ApiPassphrase = new Secret("test-passphrase", "test passphrase"),
            SignerAddress = wallet.Address,
            // Mined well before the first fill poll (500 ms after the answer), confirmed seconds later: the journal sees every step.
            Settlement = new PaperSettlementOptions { MineDelay = TimeSpan.FromMilliseconds(200), ConfirmDelay = TimeSpan.FromSeconds(4) },
        });
        await _polyServer.StartAsync();
        _poly = await PolymarketVenue.ConnectAsync(new PolymarketOptions
        {
            Venue = PolyId,
            ClobBase = _polyServer.Address,
            DataApiBase = _polyServer.Address,
            PrivateKey = new Secret(WalletKey, "test wallet"),
            ApiKey = "11111111-2222-3333-4444-555555555555",
            ApiSecret = new Secret(ApiSecret, "test secret"),
            ApiPassphrase = new Secret("test-passphrase", "test passphrase"),
            Markets = new Dictionary<MarketId, string> { [Market] = Condition },
        }, _http);

        // Reconciliation before trading runs too, so the live positions and open-order reads are part of the path.
        _engine = await ExecutionEngine.StartAsync(Sys, _stores.Queries,
        [
            new VenueConnection(_kalshi, _kalshi, VenueSupervisorOptions.KalshiLike),
            new VenueConnection(_poly, _poly, VenueSupervisorOptions.PolymarketLike),
        ], new EngineOptions()).WaitAsync(Deadline);
        await AwaitConditionAsync(() => _engine.Venues.All.All(v => v.Status.IsReconciled), Deadline, message: "both live venues reconciled");
    }

    [Fact]
    public async Task ExecuteArbitrage_OverTheLiveAdapters_PlacesEachLegOnceFillsAndConfirmsOnChain()
    {
        // YES offered on Kalshi at 0.40; NO offered on Polymarket at 0.50 (a YES bid at 0.50).
        _kalshiServer.Paper.AddLiquidity(new MarketId(Ticker), Side.Sell, new Price(0.40m), new Quantity(50m));
        _polyServer.Paper.AddLiquidity(new MarketId(Condition), Side.Buy, new Price(0.50m), new Quantity(50m));

        var result = await _engine.Region.Ask<ExecutionResult>(new ExecuteArbitrage(new ExecutionId("live-arb-1"), Market,
            new VenueQuote(KalshiId, new BookLevel(new Price(0.40m), new Quantity(50m)), null),
            new VenueQuote(PolyId, null, new BookLevel(new Price(0.50m), new Quantity(50m))),
            new Quantity(20m)), Deadline);

        result.Success.Should().BeTrue(result.ToString());
        result.Legs.Should().HaveCount(2).And.OnlyContain(l => l.Filled.Value == 20m);
        var yes = result.Legs.Single(l => l.Outcome == Outcome.Yes);
        yes.Venue.Should().Be(KalshiId);
        yes.Status.Should().Be(OrderStatus.Confirmed, "Kalshi settles on match");
        var no = result.Legs.Single(l => l.Outcome == Outcome.No);
        no.Venue.Should().Be(PolyId);
        result.Profit.Should().Be(20m * (1m - 0.40m - 0.50m) - yes.Fees - no.Fees);

        // Placed exactly once at each venue, as the venues' own records say.
        _kalshiServer.Paper.Records.PlacementCount(yes.ClientOrderId).Should().Be(1);
        _polyServer.Paper.Records.Placements.Should().ContainSingle("one NO order reached the CLOB");
        _kalshiServer.AuthFailures.Should().Be(0, "every request was signed as Kalshi requires");

        // The Polymarket leg settles on chain: MATCHED → MINED → CONFIRMED, read back through the live adapter.
        await AwaitConditionAsync(() => JournaledOrders.StatusAsync(_stores.Queries, no.ClientOrderId).GetAwaiter().GetResult() == OrderStatus.Confirmed,
            Deadline, message: "the Polymarket leg to confirm on chain");
        var events = await JournaledOrders.EventsOfAsync(_stores.Queries, no.ClientOrderId);
        JournaledOrders.Statuses(events).Should().Equal(OrderStatus.Pending, OrderStatus.Placed, OrderStatus.Matched, OrderStatus.Mined, OrderStatus.Confirmed);
        await AwaitConditionAsync(() => _engine.Risk.PositionOf(Market) == 40m, Deadline, message: "positions to include both legs");
    }

    public async Task DisposeAsync()
    {
        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        await _poly.DisposeAsync();
        _kalshi.Dispose();
        await _polyServer.DisposeAsync();
        await _kalshiServer.DisposeAsync();
        _http.Dispose();
        await _stores.DisposeAsync();
    }
}
