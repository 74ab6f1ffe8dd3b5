using ActorExec.Node.Configuration;
using ActorExec.Venues.Paper;

namespace ActorExec.Node.Demo;

/// <summary>The paper venues a node trades on, each listing the same simulated binary markets.</summary>
internal static class PaperVenues
{
    public static IReadOnlyList<MarketId> Markets(int count) => [.. Enumerable.Range(1, count).Select(i => new MarketId($"demo-{i}"))];

    /// <exception cref="NodeConfigurationException">A venue is of a live kind (not built yet).</exception>
    public static IReadOnlyList<PaperVenue> Create(NodeSettings settings, TimeProvider clock)
    {
        var live = settings.Venues.Where(v => v.Kind.StartsWith("live-", StringComparison.Ordinal)).ToList();
        if (live.Count > 0)
            throw new NodeConfigurationException([.. live.Select(v =>
                $"actorexec.venues.{v.Name}.kind: '{v.Kind}' needs the live {v.Kind["live-".Length..]} adapter, which is not available yet; use a paper-* kind")]);
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

    private const decimal VenueDisagreement = 0.04m;

    private static List<PaperMarket> Listing(int count, decimal offset)
        => [.. Markets(count).Select((m, i) => PaperMarket.Binary(m.Value, 0.2m + 0.6m * (i % 10) / 10m - offset))];

    private static PaperVenueOptions Options(VenueSettings venue, List<PaperMarket> markets) => venue.Kind switch
    {
        "paper-kalshi" => PaperVenueOptions.KalshiLike(new VenueId(venue.Name), markets, venue.Seed),
        _ => PaperVenueOptions.PolymarketLike(new VenueId(venue.Name), markets, venue.Seed),
    };
}
