using ActorExec.Trading.Orders;

namespace ActorExec.Venues.Tests.Kalshi;

/// <summary>Fills, positions, markets, books and health read from the Kalshi test server.</summary>
public sealed class KalshiVenueAccountSpec(KalshiKeysFixture fixture) : IClassFixture<KalshiKeysFixture>
{
    [Fact]
    public async Task GetFillsAsync_SmallPages_EveryFillOnceOldestFirstThenOnlyNewOnes()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);
        s.Liquidity(KalshiSession.FedTicker, Side.Sell, 0.45m, 100);
        for (var i = 0; i < 7; i++)
            (await s.Venue.PlaceAsync(KalshiSession.Intent($"c-f{i}", Side.Buy, Outcome.Yes, 1, 0.50m, TimeInForce.Ioc))).IsSuccess.Should().BeTrue();

        var seen = new List<VenueFill>();
        string? cursor = null;
        var pages = 0;
        while (true)
        {
            var page = (await s.Venue.GetFillsAsync(cursor, 2)).Value;
            if (page.Fills.Count == 0)
            {
                page.NextCursor.Should().Be(cursor, "an empty page keeps the caller's place");
                break;
            }
            pages++;
            seen.AddRange(page.Fills);
            cursor = page.NextCursor;
        }
        s.Liquidity(KalshiSession.CpiTicker, Side.Sell, 0.45m, 5);
        var later = (await s.Venue.PlaceAsync(KalshiSession.Intent("c-later", Side.Buy, Outcome.Yes, 1, 0.50m, market: KalshiSession.Cpi))).Value;
        var next = (await s.Venue.GetFillsAsync(cursor, 2)).Value;

        pages.Should().Be(4);
        var paper = (await s.Server.Paper.GetFillsAsync(null, 1000)).Value.Fills;
        seen.Select(f => f.FillId).Should().Equal(paper.Take(7).Select(f => f.FillId), "no fill lost or repeated, oldest first");
        seen.Should().OnlyContain(f => f.Market == KalshiSession.Fed && f.Price == new Price(0.45m) && !f.IsMaker);
        next.Fills.Should().ContainSingle().Which.VenueOrderId.Should().Be(later.VenueOrderId);
    }

    [Fact]
    public async Task GetFillsAsync_ForeignCursorOrBadLimit_Rejected()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);

        (await s.Venue.GetFillsAsync("kalshi-native-cursor", 10)).Error.Should().BeOfType<VenueRejected>().Which.VenueCode.Should().Be("invalid_cursor");
        (await s.Venue.GetFillsAsync(null, 0)).Error.Should().BeOfType<VenueRejected>();
    }

    [Fact]
    public async Task GetFillsAsync_MakerFill_IsMakerWithTheOrdersClientId()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);
        var resting = (await s.Venue.PlaceAsync(KalshiSession.Intent("c-maker", Side.Buy, Outcome.Yes, 2, 0.40m))).Value;
        s.Liquidity(KalshiSession.FedTicker, Side.Sell, 0.40m, 2);

        var report = (await s.Venue.GetOrderAsync(resting.VenueOrderId)).Value;

        report.Status.Should().Be(VenueOrderStatus.Confirmed);
        report.Fills.Should().ContainSingle().Which.Should().Match<VenueFill>(f => f.IsMaker && f.ClientOrderId == new ClientOrderId("c-maker"));
    }

    [Fact]
    public async Task GetPositionsAsync_NetYesAndNo_AsLongPositionsInTheirOutcome()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);
        s.Liquidity(KalshiSession.FedTicker, Side.Sell, 0.45m, 10);
        s.Liquidity(KalshiSession.CpiTicker, Side.Buy, 0.42m, 10);
        await s.Venue.PlaceAsync(KalshiSession.Intent("c-py", Side.Buy, Outcome.Yes, 5, 0.50m));
        await s.Venue.PlaceAsync(KalshiSession.Intent("c-pn", Side.Buy, Outcome.No, 3, 0.60m, market: KalshiSession.Cpi));

        var positions = (await s.Venue.GetPositionsAsync()).Value;

        positions.Should().BeEquivalentTo([new VenuePosition(KalshiSession.Fed, Outcome.Yes, 5), new VenuePosition(KalshiSession.Cpi, Outcome.No, 3)]);
    }

    [Fact]
    public async Task GetMarketsAsync_ConfiguredMarketsUnderOurIdsWithKalshiRules()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);
        s.Server.Paper.SetMarketOpen(new MarketId(KalshiSession.CpiTicker), false);

        var markets = (await s.Venue.GetMarketsAsync()).Value;

        markets.Select(m => (m.Market, m.IsOpen)).Should().BeEquivalentTo([(KalshiSession.Fed, true), (KalshiSession.Cpi, false)]);
        markets.Should().OnlyContain(m => m.Kind == InstrumentKind.Binary && m.Rules.TickSize == 0.01m && m.Rules.SizeIncrement == 1m
                                          && m.Rules.MinPrice == 0.01m && m.Rules.MaxPrice == 0.99m);
    }

    [Fact]
    public async Task GetBookAsync_BidsOfBothOutcomes_AsksDerivedBestFirst()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);
        s.Liquidity(KalshiSession.FedTicker, Side.Buy, 0.40m, 10);
        s.Liquidity(KalshiSession.FedTicker, Side.Buy, 0.38m, 5);
        s.Liquidity(KalshiSession.FedTicker, Side.Sell, 0.45m, 7);
        s.Liquidity(KalshiSession.FedTicker, Side.Sell, 0.47m, 4);

        var book = (await s.Venue.GetBookAsync(KalshiSession.Fed)).Value;

        static (decimal, decimal)[] Levels(IReadOnlyList<ActorExec.Trading.Slippage.BookLevel> levels) => [.. levels.Select(l => (l.Price.Value, l.Size.Value))];
        Levels(book.YesBids).Should().Equal((0.40m, 10m), (0.38m, 5m));
        Levels(book.YesAsks).Should().Equal((0.45m, 7m), (0.47m, 4m));
        Levels(book.NoBids).Should().Equal((0.55m, 7m), (0.53m, 4m));
        Levels(book.NoAsks).Should().Equal((0.60m, 10m), (0.62m, 5m));
        book.Market.Should().Be(KalshiSession.Fed);
        var paper = (await s.Server.Paper.GetBookAsync(new MarketId(KalshiSession.FedTicker))).Value;
        Levels(book.YesAsks).Should().Equal(Levels(paper.YesAsks));
    }

    [Fact]
    public async Task GetBookAsync_UnconfiguredMarket_NotFound()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);

        (await s.Venue.GetBookAsync(new MarketId("elsewhere"))).Error.Should().BeOfType<VenueNotFound>();
    }

    [Fact]
    public async Task GetHealthAsync_ExchangeActive_Up()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);

        (await s.Venue.GetHealthAsync()).Value.Status.Should().Be(VenueHealthStatus.Up);
    }
}
