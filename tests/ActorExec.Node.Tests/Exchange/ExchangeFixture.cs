using System.Net;
using ActorExec.Node.Exchange;
using ActorExec.TestKit;
using ActorExec.Trading;
using ActorExec.Trading.Orders;
using ActorExec.Venues;
using ActorExec.Venues.Paper;
using ActorExec.Venues.Remote;

namespace ActorExec.Node.Tests.Exchange;

/// <summary>
/// A paper exchange on Kestrel (127.0.0.1, a free port) serving two venues, a client connected to each,
/// and an in-process twin of each venue: same options, same seed, its own clock at the same time. The
/// same calls on a client and on its twin must give the same answers.
/// </summary>
internal sealed class ExchangeFixture : IAsyncDisposable
{
    public static readonly VenueId KalshiLike = new("paper-k");
    public static readonly VenueId PolymarketLike = new("paper-p");
    public static readonly MarketId Even = new("m-1");
    public static readonly MarketId Cheap = new("m-2");

    private int _next;

    private ExchangeFixture(PaperExchangeServer server, HttpClient http, IReadOnlyList<PaperVenue> served, IReadOnlyList<PaperVenue> twins, IReadOnlyList<PaperExchangeClient> clients)
    {
        Server = server;
        Http = http;
        Served = served;
        Twins = twins;
        Clients = clients;
    }

    public PaperExchangeServer Server { get; }

    public HttpClient Http { get; }

    /// <summary>The venues behind the exchange (for faults and records).</summary>
    public IReadOnlyList<PaperVenue> Served { get; }

    /// <summary>In-process twins of <see cref="Served"/>, in the same order.</summary>
    public IReadOnlyList<PaperVenue> Twins { get; }

    /// <summary>Clients of <see cref="Served"/> through the exchange, in the same order.</summary>
    public IReadOnlyList<PaperExchangeClient> Clients { get; }

    public ManualTimeProvider ServedClock { get; private init; } = null!;

    public ManualTimeProvider TwinClock { get; private init; } = null!;

    public static async Task<ExchangeFixture> StartAsync()
    {
        var servedClock = new ManualTimeProvider();
        var twinClock = new ManualTimeProvider();
        var served = Venues(servedClock);
        var server = await PaperExchangeServer.StartAsync(served, new IPEndPoint(IPAddress.Loopback, 0), logger: null, CancellationToken.None);
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var clients = new List<PaperExchangeClient>();
        foreach (var venue in served)
            clients.Add(await PaperExchangeClient.ConnectAsync(server.Address, venue.Venue, http));
        return new ExchangeFixture(server, http, served, Venues(twinClock), clients) { ServedClock = servedClock, TwinClock = twinClock };
    }

    /// <summary>Moves both clocks, so that settlement and requotes happen on both sides alike.</summary>
    public void Advance(TimeSpan by)
    {
        ServedClock.Advance(by);
        TwinClock.Advance(by);
    }

    public OrderIntent Intent(VenueId venue, MarketId market, Side side, Outcome outcome, decimal size, decimal? price,
        OrderType type = OrderType.Limit, TimeInForce tif = TimeInForce.Gtc, string? clientId = null)
    {
        var n = Interlocked.Increment(ref _next);
        return new OrderIntent(new OrderId($"o-{n}"), new ClientOrderId(clientId ?? $"c-{n}"), venue, market, side, outcome, type, tif,
            new Quantity(size), price is { } p ? new Price(p) : null);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Http.Dispose();
    }

    private static List<PaperVenue> Venues(TimeProvider clock)
    {
        PaperMarket[] markets = [PaperMarket.Binary(Even.Value, 0.50m), PaperMarket.Binary(Cheap.Value, 0.20m)];
        return
        [
            new PaperVenue(PaperVenueOptions.KalshiLike(KalshiLike, markets, seed: 11) with { TimeProvider = clock }),
            new PaperVenue(PaperVenueOptions.PolymarketLike(PolymarketLike, markets, seed: 12) with { TimeProvider = clock }),
        ];
    }
}
