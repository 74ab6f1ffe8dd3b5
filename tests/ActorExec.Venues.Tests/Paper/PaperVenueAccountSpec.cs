using ActorExec.Venues.Paper;

namespace ActorExec.Venues.Tests.Paper;

public sealed class PaperVenueAccountSpec
{
    [Fact]
    public async Task GetPositions_BuysAndSells_AreSignedPerMarketAndOutcome()
    {
        var f = new PaperFixture();
        f.Lp(Side.Sell, 0.40m, 10);
        f.Lp(Side.Buy, 0.30m, 10);
        await f.Place(f.BuyYes(6, 0.40m, TimeInForce.Ioc));
        await f.Place(f.SellYes(8, 0.30m, TimeInForce.Ioc));
        await f.Place(f.Intent(Side.Buy, Outcome.No, 2, 0.70m, tif: TimeInForce.Ioc));

        var positions = (await f.Venue.GetPositionsAsync()).Value;

        positions.Should().Equal(
            new VenuePosition(PaperFixture.Binary, Outcome.Yes, -2),
            new VenuePosition(PaperFixture.Binary, Outcome.No, 2));
    }

    [Fact]
    public async Task GetFills_WithCursor_PagesThroughOurFillsInExecutionOrder()
    {
        var f = new PaperFixture();
        for (var i = 0; i < 5; i++)
            f.Lp(Side.Sell, 0.40m + (i * 0.01m), 1);
        await f.Place(f.BuyYes(5, 0.44m, TimeInForce.Ioc));

        var first = (await f.Venue.GetFillsAsync(null, 2)).Value;
        var second = (await f.Venue.GetFillsAsync(first.NextCursor, 2)).Value;
        var third = (await f.Venue.GetFillsAsync(second.NextCursor, 2)).Value;
        var empty = (await f.Venue.GetFillsAsync(third.NextCursor, 2)).Value;

        first.Fills.Concat(second.Fills).Concat(third.Fills).Select(x => x.Price.Value).Should().Equal(0.40m, 0.41m, 0.42m, 0.43m, 0.44m);
        third.Fills.Should().ContainSingle();
        empty.Fills.Should().BeEmpty();
        empty.NextCursor.Should().Be(third.NextCursor);
    }

    [Fact]
    public async Task GetFills_NoFillsYet_ReturnsAnEmptyPageWithoutCursor()
    {
        var f = new PaperFixture();

        var page = (await f.Venue.GetFillsAsync(null, 10)).Value;

        page.Fills.Should().BeEmpty();
        page.NextCursor.Should().BeNull();
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("99")]
    public async Task GetFills_MalformedCursor_IsRejectedNamingIt(string cursor)
    {
        var f = new PaperFixture();
        f.Lp(Side.Sell, 0.40m, 1);
        await f.Place(f.BuyYes(1, 0.40m));

        var result = await f.Venue.GetFillsAsync(cursor, 10);

        result.Error.Should().BeOfType<VenueRejected>().Which.VenueCode.Should().Be(PaperRejectCodes.InvalidCursor);
        result.Error!.Message.Should().Contain($"'{cursor}'");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1001)]
    public async Task GetFills_LimitOutsideOneToAThousand_IsRejectedNamingIt(int limit)
    {
        var f = new PaperFixture();

        var result = await f.Venue.GetFillsAsync(null, limit);

        result.Error.Should().BeOfType<VenueRejected>().Which.VenueCode.Should().Be(PaperRejectCodes.InvalidLimit);
        result.Error!.Message.Should().Contain($"limit {limit}");
    }

    [Fact]
    public async Task GetOrderByClientId_KnownAndUnknown_FindsOrReportsNotFound()
    {
        var f = new PaperFixture();
        var placed = await f.Place(f.Intent(Side.Buy, Outcome.Yes, 1, 0.40m, clientId: "known"));

        var found = await f.Venue.GetOrderByClientIdAsync(new ClientOrderId("known"));
        var missing = await f.Venue.GetOrderByClientIdAsync(new ClientOrderId("unknown"));

        found.Value.VenueOrderId.Should().Be(placed.VenueOrderId);
        missing.Error.Should().BeOfType<VenueNotFound>().Which.Message.Should().Contain("unknown");
        f.Venue.Records.QueryCalls.Should().Be(2);
    }

    [Fact]
    public async Task GetOpenOrders_ByMarket_ListsOurRestingOrdersInPlacementOrder()
    {
        var f = new PaperFixture();
        var a = await f.Place(f.BuyYes(1, 0.40m));
        var b = await f.Place(f.SellYes(1, 0.60m));
        var c = await f.Place(f.Intent(Side.Buy, null, 1, 2900m, market: PaperFixture.Linear));
        await f.Venue.CancelAsync(b.VenueOrderId);

        var binary = (await f.Venue.GetOpenOrdersAsync(PaperFixture.Binary)).Value;
        var all = (await f.Venue.GetOpenOrdersAsync()).Value;
        var unknown = await f.Venue.GetOpenOrdersAsync(new MarketId("nope"));

        binary.Select(r => r.VenueOrderId).Should().Equal(a.VenueOrderId);
        all.Select(r => r.VenueOrderId).Should().Equal(a.VenueOrderId, c.VenueOrderId);
        unknown.Error.Should().BeOfType<VenueNotFound>();
    }

    [Fact]
    public async Task Records_Placements_AreImmutableSnapshotsInAcceptanceOrder()
    {
        var f = new PaperFixture();
        var first = await f.Place(f.BuyYes(1, 0.40m));
        var snapshot = f.Venue.Records.Placements;

        var second = await f.Place(f.BuyYes(1, 0.41m));

        snapshot.Should().ContainSingle();
        f.Venue.Records.Placements.Select(p => p.VenueOrderId).Should().Equal(first.VenueOrderId, second.VenueOrderId);
        f.Venue.Records.Placements[0].At.Should().Be(f.Now);
    }
}
