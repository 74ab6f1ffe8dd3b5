using ActorExec.Node.Configuration;
using ActorExec.Venues.Paper;
using ActorExec.Venues.Remote;

namespace ActorExec.Node.Demo;

/// <summary>
/// The paper venues a node trades on, each listing the same simulated binary markets: in-process, or
/// served by the paper exchange at <c>actorexec.paper-exchange.url</c> (which builds them with
/// <see cref="Create"/> from the same configuration).
/// </summary>
internal static class PaperVenues
{
    // One client for the process's life, as HttpClient is meant to be used. Pooled connections are
    // recycled, so an exchange restarted on the same address is reached again. The venue supervisor's
    // call-timeout answers a slow call first; this timeout only bounds a request that never ends.
    private static readonly HttpClient ExchangeHttp = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static IReadOnlyList<MarketId> Markets(int count) => [.. Enumerable.Range(1, count).Select(i => new MarketId($"demo-{i}"))];

    /// <summary>Every configured venue with its supervisor options: in-process, or connected to the paper exchange when one is configured.</summary>
    /// <exception cref="NodeConfigurationException">A venue is of a live kind (connect those with <see cref="VenueConnections.LiveVenues"/>), or the exchange is unreachable or does not serve a venue (the message names the URL).</exception>
    public static async Task<IReadOnlyList<VenueConnection>> ConnectAsync(NodeSettings settings, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (settings.PaperExchange.Url is not { } exchange)
            return [.. Create(settings, clock).Zip(settings.Venues, (venue, configured) => new VenueConnection(venue, venue, configured.Supervisor))];
        RefuseLive(settings);
        var connections = new List<VenueConnection>();
        var problems = new List<string>();
        foreach (var configured in settings.Venues)
        {
            try
            {
                var client = await PaperExchangeClient.ConnectAsync(exchange, new VenueId(configured.Name), ExchangeHttp, cancellationToken).ConfigureAwait(false);
                connections.Add(new VenueConnection(client, client, configured.Supervisor));
            }
            catch (PaperExchangeConnectionException e)
            {
                problems.Add($"actorexec.paper-exchange.url = {exchange}: venue {configured.Name}: {e.Message}; is `actorexec-node paper-exchange` running there on the same configuration?");
            }
        }
        return problems.Count == 0 ? connections : throw new NodeConfigurationException(problems);
    }

    /// <exception cref="NodeConfigurationException">A venue is of a live kind.</exception>
    public static IReadOnlyList<PaperVenue> Create(NodeSettings settings, TimeProvider clock)
    {
        RefuseLive(settings);
        // Anchors spread over the price range, so the demo trades markets at different prices; each
        // further venue prices every market a few cents lower, as two real venues often disagree, so
        // the sample strategy finds YES on one plus NO on the other below 1.
        return [.. settings.Venues.Select((v, index) => new PaperVenue(Options(v, Listing(settings.Demo.Markets, index * VenueDisagreement)) with
        {
            TimeProvider = clock,
            Latency = new PaperLatencyOptions { Base = v.Latency, Jitter = v.Latency / 2 },
            Liquidity = new PaperLiquidityOptions { Volatility = v.Volatility },
        }))];
    }

    private static void RefuseLive(NodeSettings settings)
    {
        var live = settings.Venues.Where(v => v.Kind.StartsWith("live-", StringComparison.Ordinal)).ToList();
        if (live.Count > 0)
            throw new NodeConfigurationException([.. live.Select(v =>
                $"actorexec.venues.{v.Name}.kind: '{v.Kind}' is a live venue; the paper exchange and in-process paper trading serve paper-* kinds only")]);
    }

    private const decimal VenueDisagreement = 0.04m;

    private static List<PaperMarket> Listing(int count, decimal offset)
        => [.. Markets(count).Select((m, i) => PaperMarket.Binary(m.Value, 0.2m + 0.6m * (i % 10) / 10m - offset))];

    private static PaperVenueOptions Options(VenueSettings venue, List<PaperMarket> markets) => venue.Kind switch
    {
        "paper-kalshi" => PaperVenueOptions.KalshiLike(new VenueId(venue.Name), markets, venue.Seed),
        _ => PaperVenueOptions.PolymarketLike(new VenueId(venue.Name), markets, venue.Seed),
    };
}
