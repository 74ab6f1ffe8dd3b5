using ActorExec.TestKit;
using ActorExec.Venues.Paper;

namespace ActorExec.Venues.Tests.Paper;

/// <summary>Two paper venues with the same anchors and different seeds drift apart often enough to trade across.</summary>
public sealed class ArbitrageOpportunitySpec
{
    [Fact]
    public async Task GetBookAsync_TwoVenuesOverASimulatedHour_OfferArbitrageAndNeverCross()
    {
        var time = new ManualTimeProvider();
        var markets = Enumerable.Range(0, 20).Select(i => PaperMarket.Binary($"m-{i}", 0.20m + (i * 0.03m))).ToList();
        var a = new PaperVenue(PaperVenueOptions.KalshiLike(new VenueId("paper-a"), markets, seed: 1) with { TimeProvider = time });
        var b = new PaperVenue(PaperVenueOptions.PolymarketLike(new VenueId("paper-b"), markets, seed: 2) with { TimeProvider = time });

        int samples = 0, opportunities = 0;
        for (var second = 0; second < 3600; second += 2)
        {
            time.Advance(TimeSpan.FromSeconds(2));
            foreach (var market in markets)
            {
                var bookA = (await a.GetBookAsync(market.Market)).Value;
                var bookB = (await b.GetBookAsync(market.Market)).Value;
                NotCrossed(bookA);
                NotCrossed(bookB);
                samples++;
                if (Profit(bookA, bookB) >= 0.01m || Profit(bookB, bookA) >= 0.01m)
                    opportunities++;
            }
        }

        opportunities.Should().BeGreaterThan(0);
        ((double)opportunities / samples).Should().BeLessThan(0.5, "arbitrage should be an occasional event, not the norm");
    }

    /// <summary>Buying YES on one venue and NO on the other pays 1 at settlement: the profit per contract before fees.</summary>
    private static decimal Profit(MarketBook yesVenue, MarketBook noVenue)
        => yesVenue.BestAsk(Outcome.Yes) is { } yes && noVenue.BestAsk(Outcome.No) is { } no ? 1m - yes.Price.Value - no.Price.Value : decimal.MinValue;

    private static void NotCrossed(MarketBook book)
    {
        if (book.BestBid(Outcome.Yes) is { } bid && book.BestAsk(Outcome.Yes) is { } ask)
            bid.Price.Should().BeLessThan(ask.Price, "the YES book of {0} must not be crossed", book.Market);
        if (book.BestBid(Outcome.No) is { } noBid && book.BestAsk(Outcome.No) is { } noAsk)
            noBid.Price.Should().BeLessThan(noAsk.Price, "the NO book of {0} must not be crossed", book.Market);
    }
}
