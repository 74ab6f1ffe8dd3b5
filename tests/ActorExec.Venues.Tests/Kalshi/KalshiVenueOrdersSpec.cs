using ActorExec.Trading.Orders;
using ActorExec.Venues.Kalshi;

namespace ActorExec.Venues.Tests.Kalshi;

/// <summary>Order entry against the Kalshi test server: orders really rest, fill, cancel and are found again.</summary>
public sealed class KalshiVenueOrdersSpec(KalshiKeysFixture fixture) : IClassFixture<KalshiKeysFixture>
{
    [Fact]
    public async Task PlaceAsync_NothingToMatch_RestsOpenWithFixedPointFields()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);

        var report = (await s.Venue.PlaceAsync(KalshiSession.Intent("c-rest", Side.Buy, Outcome.Yes, 5, 0.40m))).Value;

        report.Status.Should().Be(VenueOrderStatus.Open);
        report.Filled.Should().Be(Quantity.Zero);
        report.Size.Should().Be(new Quantity(5));
        report.LimitPrice.Should().Be(new Price(0.40m));
        report.ClientOrderId.Should().Be(new ClientOrderId("c-rest"));
        report.Market.Should().Be(KalshiSession.Fed);
        s.Server.Paper.OrderBookOf(new MarketId(KalshiSession.FedTicker)).Bids.Should().ContainSingle(b => b.Order == report.VenueOrderId);
        var body = s.Server.Requests.Single(r => r.Method == "POST").Body;
        body.Should().Contain("\"ticker\":\"KXFED-25DEC-T4.00\"").And.Contain("\"client_order_id\":\"c-rest\"")
            .And.Contain("\"side\":\"yes\"").And.Contain("\"action\":\"buy\"").And.Contain("\"count_fp\":\"5.00\"")
            .And.Contain("\"yes_price_dollars\":\"0.4000\"").And.Contain("\"time_in_force\":\"good_till_canceled\"")
            .And.NotContain("\"count\":").And.NotContain("\"yes_price\":");
    }

    [Fact]
    public async Task PlaceAsync_Crossing_IsConfirmedWithTakerFillAtTheRestingPrice()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);
        s.Liquidity(KalshiSession.FedTicker, Side.Sell, 0.45m, 10);

        var report = (await s.Venue.PlaceAsync(KalshiSession.Intent("c-fill", Side.Buy, Outcome.Yes, 5, 0.50m))).Value;

        report.Status.Should().Be(VenueOrderStatus.Confirmed, "Kalshi settles on match");
        report.Filled.Should().Be(new Quantity(5));
        report.Fills.Should().ContainSingle().Which.Should().Match<VenueFill>(f =>
            f.Price == new Price(0.45m) && f.Quantity == new Quantity(5) && !f.IsMaker && f.Outcome == Outcome.Yes && f.Side == Side.Buy
            && f.VenueOrderId == report.VenueOrderId && f.ClientOrderId == new ClientOrderId("c-fill") && f.Market == KalshiSession.Fed);
    }

    [Fact]
    public async Task PlaceAsync_NoOrder_PricesInNoTerms()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);
        s.Liquidity(KalshiSession.CpiTicker, Side.Buy, 0.42m, 10); // a YES bid at 0.42 is a NO ask at 0.58

        var report = (await s.Venue.PlaceAsync(KalshiSession.Intent("c-no", Side.Buy, Outcome.No, 3, 0.60m, market: KalshiSession.Cpi))).Value;

        report.Outcome.Should().Be(Outcome.No);
        report.LimitPrice.Should().Be(new Price(0.60m));
        report.Fills.Should().ContainSingle().Which.Price.Should().Be(new Price(0.58m));
        s.Server.Requests.Single(r => r.Method == "POST").Body.Should().Contain("\"no_price_dollars\":\"0.6000\"").And.NotContain("yes_price_dollars");
    }

    [Fact]
    public async Task PlaceAsync_IocPartlyMatched_CancelsTheRemainderKeepingTheFill()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);
        s.Liquidity(KalshiSession.FedTicker, Side.Sell, 0.45m, 3);

        var report = (await s.Venue.PlaceAsync(KalshiSession.Intent("c-ioc", Side.Buy, Outcome.Yes, 5, 0.50m, TimeInForce.Ioc))).Value;

        report.Status.Should().Be(VenueOrderStatus.Cancelled);
        report.Filled.Should().Be(new Quantity(3));
        report.Size.Should().Be(new Quantity(5));
        report.Fills.Sum(f => f.Quantity.Value).Should().Be(3);
        s.Server.Requests.Single(r => r.Method == "POST").Body.Should().Contain("\"time_in_force\":\"immediate_or_cancel\"");
    }

    [Fact]
    public async Task PlaceAsync_FokNotFillable_CancelledWithNothingFilled()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);
        s.Liquidity(KalshiSession.FedTicker, Side.Sell, 0.45m, 3);

        var report = (await s.Venue.PlaceAsync(KalshiSession.Intent("c-fok", Side.Buy, Outcome.Yes, 5, 0.50m, TimeInForce.Fok))).Value;

        report.Status.Should().Be(VenueOrderStatus.Cancelled);
        report.Filled.Should().Be(Quantity.Zero);
        s.Server.Paper.OrderBookOf(new MarketId(KalshiSession.FedTicker)).Asks.Single().Remaining.Should().Be(new Quantity(3));
        s.Server.Requests.Single(r => r.Method == "POST").Body.Should().Contain("\"time_in_force\":\"fill_or_kill\"");
    }

    [Fact]
    public async Task PlaceAsync_MarketOrder_IsAMarketableIocLimitAtTheWorstValidPrice()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);
        s.Liquidity(KalshiSession.FedTicker, Side.Sell, 0.45m, 10);

        var report = (await s.Venue.PlaceAsync(KalshiSession.Intent("c-mkt", Side.Buy, Outcome.Yes, 2, null, type: OrderType.Market))).Value;

        report.Status.Should().Be(VenueOrderStatus.Confirmed);
        report.Fills.Single().Price.Should().Be(new Price(0.45m));
        s.Server.Requests.Single(r => r.Method == "POST").Body.Should().Contain("\"yes_price_dollars\":\"0.9900\"").And.Contain("\"time_in_force\":\"immediate_or_cancel\"");
    }

    [Fact]
    public async Task PlaceAsync_GtdOrder_SendsExpirationSeconds()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);
        var expires = DateTimeOffset.UtcNow.AddHours(1);

        var report = (await s.Venue.PlaceAsync(KalshiSession.Intent("c-gtd", Side.Buy, Outcome.Yes, 1, 0.30m, TimeInForce.Gtd, expiresAt: expires))).Value;

        report.Status.Should().Be(VenueOrderStatus.Open);
        s.Server.Requests.Single(r => r.Method == "POST").Body.Should().Contain($"\"expiration_ts\":{expires.ToUnixTimeSeconds()}").And.Contain("good_till_canceled");
    }

    [Fact]
    public async Task PlaceAsync_DuplicateClientOrderId_RejectedWithKalshiCodeAndPlacedOnce()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);
        var intent = KalshiSession.Intent("c-dup", Side.Buy, Outcome.Yes, 1, 0.30m);
        (await s.Venue.PlaceAsync(intent)).IsSuccess.Should().BeTrue();

        var again = await s.Venue.PlaceAsync(intent);

        again.Error.Should().BeOfType<VenueRejected>().Which.VenueCode.Should().Be("order_already_exists");
        s.Server.Paper.Records.PlacementCount(intent.ClientOrderId).Should().Be(1);
    }

    [Fact]
    public async Task PlaceAsync_InvalidPrice_RejectedWithTheVenueCode()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);

        var result = await s.Venue.PlaceAsync(KalshiSession.Intent("c-bad", Side.Buy, Outcome.Yes, 1, 0.405m));

        result.Error.Should().BeOfType<VenueRejected>().Which.VenueCode.Should().Be("invalid_price");
        result.Error!.Message.Should().Contain("HTTP 400").And.Contain("POST");
    }

    [Fact]
    public async Task CancelAsync_Resting_CancelledAndAgainReportsCurrentState()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);
        var placed = (await s.Venue.PlaceAsync(KalshiSession.Intent("c-cxl", Side.Sell, Outcome.Yes, 4, 0.70m))).Value;

        var cancelled = (await s.Venue.CancelAsync(placed.VenueOrderId)).Value;
        var again = (await s.Venue.CancelAsync(placed.VenueOrderId)).Value;

        cancelled.Status.Should().Be(VenueOrderStatus.Cancelled);
        again.Status.Should().Be(VenueOrderStatus.Cancelled);
        s.Server.Paper.OrderBookOf(new MarketId(KalshiSession.FedTicker)).Asks.Should().BeEmpty();
        s.Server.Requests.Should().Contain(r => r.Method == "DELETE" && r.PathAndQuery == $"/trade-api/v2/portfolio/orders/{placed.VenueOrderId}");
    }

    [Fact]
    public async Task CancelAsync_PartlyFilled_CancelledKeepsFilled()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);
        s.Liquidity(KalshiSession.FedTicker, Side.Sell, 0.45m, 2);
        var placed = (await s.Venue.PlaceAsync(KalshiSession.Intent("c-part", Side.Buy, Outcome.Yes, 5, 0.45m))).Value;
        placed.Status.Should().Be(VenueOrderStatus.PartiallyFilled);

        var cancelled = (await s.Venue.CancelAsync(placed.VenueOrderId)).Value;

        cancelled.Status.Should().Be(VenueOrderStatus.Cancelled);
        cancelled.Filled.Should().Be(new Quantity(2));
        cancelled.Fills.Should().HaveCount(1);
    }

    [Fact]
    public async Task GetOrderAsync_Known_MatchesPlacement_UnknownIsNotFound()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);
        var placed = (await s.Venue.PlaceAsync(KalshiSession.Intent("c-get", Side.Buy, Outcome.No, 2, 0.35m))).Value;

        var got = (await s.Venue.GetOrderAsync(placed.VenueOrderId)).Value;
        var unknown = await s.Venue.GetOrderAsync(new VenueOrderId("no-such-order"));

        got.Should().BeEquivalentTo(placed, o => o.Excluding(r => r.UpdatedAt));
        unknown.Error.Should().BeOfType<VenueNotFound>();
    }

    [Fact]
    public async Task FindOrderAsync_ByClientOrderId_FoundAmongManyOrAbsentIsNotFound()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);
        for (var i = 0; i < 5; i++)
            await s.Venue.PlaceAsync(KalshiSession.Intent($"c-other-{i}", Side.Buy, Outcome.Yes, 1, 0.10m + i * 0.01m));
        var wanted = KalshiSession.Intent("c-wanted", Side.Buy, Outcome.Yes, 3, 0.20m);
        var placed = (await s.Venue.PlaceAsync(wanted)).Value;

        var found = (await s.Venue.FindOrderAsync(wanted)).Value;
        var absent = await s.Venue.FindOrderAsync(KalshiSession.Intent("c-never", Side.Buy, Outcome.Yes, 1, 0.2m));

        found.VenueOrderId.Should().Be(placed.VenueOrderId);
        absent.Error.Should().BeOfType<VenueNotFound>().Which.Message.Should().Contain("c-never");
    }

    [Fact]
    public async Task GetOpenOrdersAsync_OnlyResting_OptionallyOneMarket()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);
        s.Liquidity(KalshiSession.FedTicker, Side.Sell, 0.45m, 1);
        await s.Venue.PlaceAsync(KalshiSession.Intent("c-done", Side.Buy, Outcome.Yes, 1, 0.50m));
        var fed = (await s.Venue.PlaceAsync(KalshiSession.Intent("c-open-fed", Side.Buy, Outcome.Yes, 1, 0.30m))).Value;
        var cpi = (await s.Venue.PlaceAsync(KalshiSession.Intent("c-open-cpi", Side.Buy, Outcome.Yes, 1, 0.30m, market: KalshiSession.Cpi))).Value;

        var all = (await s.Venue.GetOpenOrdersAsync()).Value;
        var onlyCpi = (await s.Venue.GetOpenOrdersAsync(KalshiSession.Cpi)).Value;

        all.Select(o => o.VenueOrderId).Should().BeEquivalentTo([fed.VenueOrderId, cpi.VenueOrderId]);
        onlyCpi.Should().ContainSingle().Which.Market.Should().Be(KalshiSession.Cpi);
    }

    [Fact]
    public async Task ModifyAsync_Resting_AmendsPriceAndSize()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);
        var placed = (await s.Venue.PlaceAsync(KalshiSession.Intent("c-amend", Side.Buy, Outcome.Yes, 5, 0.30m))).Value;

        var amended = (await s.Venue.ModifyAsync(placed.VenueOrderId, new Price(0.32m), new Quantity(7))).Value;

        amended.LimitPrice.Should().Be(new Price(0.32m));
        amended.Size.Should().Be(new Quantity(7));
        s.Venue.Capabilities.SupportsModify.Should().BeTrue();
        s.Server.Requests.Should().Contain(r => r.Method == "POST" && r.PathAndQuery.EndsWith("/amend", StringComparison.Ordinal)
            && r.Body.Contains("\"yes_price_dollars\":\"0.3200\"", StringComparison.Ordinal) && r.Body.Contains("\"count_fp\":\"7.00\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Capabilities_SettleOnMatchWithKalshiFees()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);

        s.Venue.Capabilities.SettlesOnChain.Should().BeFalse();
        s.Venue.Capabilities.TakerFees.Should().Be(ActorExec.Trading.Execution.FeeSchedule.KalshiTaker);
        s.Venue.Capabilities.MakerFees.Should().Be(ActorExec.Trading.Execution.FeeSchedule.KalshiMaker);
        s.Venue.Capabilities.Supports(OrderType.Limit, TimeInForce.Fak).Should().BeTrue();
    }

    [Fact]
    public void KalshiTiers_Limits_MatchTheRateLimitPage()
    {
        var tiers = Enum.GetValues<KalshiTier>().Select(t => t.Limits());

        tiers.Should().Equal(new(20, 10), new(30, 30), new(100, 100), new(400, 400));
    }
}
