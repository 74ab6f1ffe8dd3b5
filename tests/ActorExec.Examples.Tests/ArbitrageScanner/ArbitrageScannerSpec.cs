using ActorExec.Examples.Arbitrage;
using ActorExec.Examples.Tests.Fixtures;
using ActorExec.Venues.Paper;
using Xunit.Abstractions;

namespace ActorExec.Examples.Tests.Arbitrage;

/// <summary>The scanner over a Kalshi-like and a Polymarket-like paper venue, books set by hand.</summary>
public sealed class ArbitrageScannerSpec(ITestOutputHelper output) : StrategyTestKit(output)
{
    private static readonly VenueId KalshiId = new("kalshi");
    private static readonly VenueId PolyId = new("poly");
    private static readonly MarketId M1 = new("m-1");
    private static readonly MarketId M2 = new("m-2");
    private static readonly MarketId M3 = new("m-3");
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private static IReadOnlyList<PaperMarket> Markets => [PaperMarket.Binary(M1.Value, 0.5m), PaperMarket.Binary(M2.Value, 0.5m), PaperMarket.Binary(M3.Value, 0.5m)];

    protected override PaperVenueOptions FirstVenueOptions() => PaperVenueOptions.KalshiLike(KalshiId, Markets, seed: 11);

    protected override PaperVenueOptions SecondVenueOptions() => PaperVenueOptions.PolymarketLike(PolyId, Markets, seed: 22);

    [Fact]
    public async Task Scan_TwoCrossedMarketsAndOneFair_ExecutesOnlyTheCrossedOnes()
    {
        OfferYes(First, M1, 0.40m, 50m);
        OfferNo(Second, M1, 0.50m, 50m);   // YES on Kalshi + NO on Poly = 0.90
        OfferYes(Second, M2, 0.30m, 50m);
        OfferNo(First, M2, 0.55m, 50m);    // the other direction: YES on Poly + NO on Kalshi = 0.85
        foreach (var venue in new[] { First, Second })
        {
            OfferYes(venue, M3, 0.52m, 50m);
            OfferNo(venue, M3, 0.52m, 50m); // 1.04 whichever way round
        }
        var scanner = ActorOf(Scanner(M1, M2, M3), "scanner");

        var stats = await DriveUntilAsync<ScannerStats>(scanner, GetScannerStats.Instance, s => s.Successes >= 2, "both crossed markets executed", step: Interval);

        stats.Successes.Should().Be(2, stats.ToString());
        stats.Failures.Should().Be(0);
        stats.Profit.Should().BeGreaterThan(0m);
        stats.SentByMarket.Keys.Should().BeEquivalentTo([M1, M2]);
        foreach (var venue in new[] { First, Second })
        {
            venue.Records.Placements.Select(p => p.Intent.Market).Should().BeEquivalentTo([M1, M2], $"{venue.Venue} trades one leg of each crossed market and nothing on {M3}");
            venue.Records.Placements.Should().OnlyContain(p => p.Intent.Size.Value == 10m, "the scanner asks for at most 10 contracts per leg");
        }
    }

    [Fact]
    public async Task Scan_SameOpportunityWhileInFlightThenCoolingDown_ExecutesOnceAndCountsTheRestAsRefusals()
    {
        OfferYes(First, M1, 0.40m, 100m);
        OfferNo(Second, M1, 0.50m, 100m); // deep enough to stay crossed after the first 10 pairs
        First.Faults.LoseNextAcks(1);      // the YES leg fills but its answer times out: the execution stays in flight for seconds
        var scanner = ActorOf(Scanner(M1), "scanner");

        var stats = await DriveUntilAsync<ScannerStats>(scanner, GetScannerStats.Instance,
            s => s.Successes == 1 && s.RefusalsByCode.ContainsKey("COOLING_DOWN"), "the execution and a repeat in its cooldown", step: Interval);

        stats.Failures.Should().Be(0, stats.ToString());
        stats.RefusalsByCode.Keys.Should().BeEquivalentTo(["ALREADY_IN_FLIGHT", "COOLING_DOWN"]);
        stats.RefusalsByCode["ALREADY_IN_FLIGHT"].Should().BeGreaterThanOrEqualTo(2, "ticks kept finding the opportunity while the first execution waited for its leg");
        stats.Sent.Should().Be(stats.Successes + stats.Refusals, "every command was answered");
        First.Records.Placements.Should().ContainSingle();
        Second.Records.Placements.Should().ContainSingle();
    }

    private Props Scanner(params MarketId[] markets)
        => ArbitrageScanner.PropsFor(Engine.Region, First, Second, new ArbitrageScannerOptions { Markets = markets, Interval = Interval, MaxSize = 10m });

    /// <summary>Offers YES at <paramref name="price"/>: a YES ask in the book's own terms.</summary>
    private static void OfferYes(PaperVenue venue, MarketId market, decimal price, decimal size)
        => venue.AddLiquidity(market, Side.Sell, new Price(price), new Quantity(size));

    /// <summary>Offers NO at <paramref name="price"/>: binary books are kept in YES terms, where that is a YES bid at 1 − price.</summary>
    private static void OfferNo(PaperVenue venue, MarketId market, decimal price, decimal size)
        => venue.AddLiquidity(market, Side.Buy, new Price(1m - price), new Quantity(size));
}
