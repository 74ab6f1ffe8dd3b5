namespace ActorExec.Venues.Tests.Polymarket;

/// <summary>Cancelling, finding and listing orders; fills, positions and market data.</summary>
public sealed class PolymarketVenueOrdersSpec
{
    private static readonly string A = PolymarketFixture.ConditionA;

    [Fact]
    public async Task CancelAsync_RestingOrder_Cancelled()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        var placed = (await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.40m))).Value;

        var cancelled = (await fx.Venue.CancelAsync(placed.VenueOrderId)).Value;

        cancelled.Status.Should().Be(VenueOrderStatus.Cancelled);
        (await fx.Venue.GetOpenOrdersAsync()).Value.Should().BeEmpty();
    }

    [Fact]
    public async Task CancelAllAndCancelMarket_CancelWhatTheyName()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        var a1 = (await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.40m))).Value;
        var a2 = (await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.No, 10m, 0.30m))).Value;
        var b1 = (await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.2m, market: PolymarketFixture.Fed))).Value;
        (await fx.Venue.GetOpenOrdersAsync()).Value.Should().HaveCount(3);

        var byMarket = (await fx.Venue.CancelMarketAsync(PolymarketFixture.Election)).Value;

        byMarket.Should().BeEquivalentTo([a1.VenueOrderId, a2.VenueOrderId]);
        (await fx.Venue.GetOpenOrdersAsync()).Value.Select(o => o.VenueOrderId).Should().Equal(b1.VenueOrderId);
        (await fx.Venue.CancelAllAsync()).Value.Should().Equal(b1.VenueOrderId);
        (await fx.Venue.GetOpenOrdersAsync()).Value.Should().BeEmpty();
    }

    [Fact]
    public async Task GetOpenOrdersAsync_MoreThanOnePage_AllOfThemInOneMarket()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        for (var i = 0; i < 5; i++)
            (await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.30m + (i * 0.01m)))).IsSuccess.Should().BeTrue();
        await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.2m, market: PolymarketFixture.Fed));

        var open = (await fx.Venue.GetOpenOrdersAsync(PolymarketFixture.Election)).Value;

        open.Should().HaveCount(5).And.OnlyContain(o => o.Market == PolymarketFixture.Election && o.Status == VenueOrderStatus.Open);
    }

    [Fact]
    public async Task FindOrderAsync_PlacedBefore_FoundByItsRebuiltHash()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        var intent = fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.40m);
        var placed = (await fx.Venue.PlaceAsync(intent)).Value;

        var found = (await fx.Venue.FindOrderAsync(intent)).Value;

        found.VenueOrderId.Should().Be(placed.VenueOrderId);
        found.ClientOrderId.Should().Be(intent.ClientOrderId);
        found.Status.Should().Be(VenueOrderStatus.Open);
    }

    [Fact]
    public async Task FindOrderAsync_NeverPlaced_NotFound()
    {
        await using var fx = await PolymarketFixture.StartAsync();

        var result = await fx.Venue.FindOrderAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.40m));

        result.Error!.Kind.Should().Be(VenueErrorKind.NotFound);
    }

    [Fact]
    public async Task GetFillsAsync_AcrossThreeOrMorePages_EveryFillOnceOldestFirst()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        fx.Liquidity(A, Side.Sell, 0.55m, 100m);
        for (var i = 0; i < 5; i++)
        {
            fx.Clock.Advance(TimeSpan.FromSeconds(1));
            (await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 5m, 0.55m, TimeInForce.Fok))).Value.Status.Should().Be(VenueOrderStatus.Filled);
        }

        var fills = new List<VenueFill>();
        string? cursor = null;
        var pages = 0;
        while (true)
        {
            var page = (await fx.Venue.GetFillsAsync(cursor, 2)).Value;
            if (page.Fills.Count == 0)
            {
                page.NextCursor.Should().Be(cursor, "an empty page keeps the cursor where the fills stopped");
                break;
            }
            pages++;
            fills.AddRange(page.Fills);
            cursor = page.NextCursor;
        }

        pages.Should().BeGreaterThanOrEqualTo(3);
        fills.Should().HaveCount(5);
        fills.Select(f => f.FillId).Should().OnlyHaveUniqueItems();
        fills.Select(f => f.At).Should().BeInAscendingOrder();

        fx.Clock.Advance(TimeSpan.FromSeconds(1));
        await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 5m, 0.55m, TimeInForce.Fok));
        (await fx.Venue.GetFillsAsync(cursor, 2)).Value.Fills.Should().ContainSingle("only the fill after the cursor comes back");
    }

    [Fact]
    public async Task GetPositionsAsync_AfterAFill_TheOutcomeHeld()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        fx.Liquidity(A, Side.Buy, 0.45m, 100m);

        await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.No, 10m, 0.55m, TimeInForce.Fok));

        (await fx.Venue.GetPositionsAsync()).Value.Should().Equal(new VenuePosition(PolymarketFixture.Election, Outcome.No, 10m));
    }

    [Fact]
    public async Task GetMarketsAsync_ConfiguredMarkets_WithTheirTickAndMinimumSize()
    {
        await using var fx = await PolymarketFixture.StartAsync();

        var markets = (await fx.Venue.GetMarketsAsync()).Value;

        markets.Select(m => m.Market).Should().Equal(PolymarketFixture.Election, PolymarketFixture.Fed);
        markets.Should().OnlyContain(m => m.Kind == InstrumentKind.Binary && m.IsOpen && m.Rules.MinQuantity == 5m);
        markets[0].Rules.TickSize.Should().Be(0.01m);
        markets[1].Rules.TickSize.Should().Be(0.001m);
        markets[1].Rules.MaxPrice.Should().Be(0.999m);
    }

    [Fact]
    public async Task GetBookAsync_BothTokens_BestFirstOnEverySide()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        fx.Liquidity(A, Side.Sell, 0.57m, 50m);
        fx.Liquidity(A, Side.Sell, 0.55m, 100m);
        fx.Liquidity(A, Side.Buy, 0.43m, 20m);
        fx.Liquidity(A, Side.Buy, 0.45m, 30m);

        var book = (await fx.Venue.GetBookAsync(PolymarketFixture.Election)).Value;

        book.YesAsks.Select(l => l.Price.Value).Should().Equal(0.55m, 0.57m);
        book.YesBids.Select(l => l.Price.Value).Should().Equal(0.45m, 0.43m);
        book.NoAsks.Select(l => l.Price.Value).Should().Equal(0.55m, 0.57m);
        book.NoBids.Select(l => l.Price.Value).Should().Equal(0.45m, 0.43m);
        book.BestAsk()!.Value.Size.Value.Should().Be(100m);
    }
}
