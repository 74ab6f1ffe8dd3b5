using System.Text;
using ActorExec.Trading.Orders;
using ActorExec.Venues.Http;
using ActorExec.Venues.Kalshi;

namespace ActorExec.Venues.Tests.Kalshi;

/// <summary>Kalshi's JSON in our terms, without a server: statuses, fills, order bodies, errors, rules and the fill cursor.</summary>
public sealed class KalshiMappingSpec
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 5, 0, 0, TimeSpan.Zero);
    private static readonly MarketId Fed = new("fed-dec");

    [Theory]
    [InlineData("resting", "0.00", VenueOrderStatus.Open)]
    [InlineData("resting", "2.00", VenueOrderStatus.PartiallyFilled)]
    [InlineData("pending", "0.00", VenueOrderStatus.Open)]
    [InlineData("canceled", "2.00", VenueOrderStatus.Cancelled)]
    [InlineData("executed", "5.00", VenueOrderStatus.Confirmed)]
    public void ToReport_DocumentedStatus_Mapped(string status, string filled, VenueOrderStatus expected)
    {
        var report = KalshiOrderMapping.ToReport(Order(status, filled), "GET x", _ => Fed, [], Now).Value;

        report.Status.Should().Be(expected);
        report.Filled.Should().Be(new Quantity(decimal.Parse(filled, System.Globalization.CultureInfo.InvariantCulture)));
        report.Size.Should().Be(new Quantity(5));
        report.LimitPrice.Should().Be(new Price(0.44m), "a NO order's price is its no_price_dollars");
        report.Outcome.Should().Be(Outcome.No);
        report.Side.Should().Be(Side.Sell);
    }

    [Theory]
    [InlineData("")]
    [InlineData("RESTING")]
    [InlineData("partially_filled")]
    public void ToReport_UnknownStatus_UnavailableNamingStatusOrderAndCall(string status)
    {
        var result = KalshiOrderMapping.ToReport(Order(status, "0.00"), "GET https://k/trade-api/v2/portfolio/orders/ord-1", _ => Fed, [], Now);

        result.Error.Should().BeOfType<VenueUnavailable>().Which.Message.Should()
            .Contain($"'{status}'").And.Contain("ord-1").And.Contain("GET https://k/trade-api/v2/portfolio/orders/ord-1");
    }

    [Fact]
    public void ToReport_MissingFillCount_MalformedNamingTheField()
    {
        var result = KalshiOrderMapping.ToReport(Order("resting", null), "GET x", _ => Fed, [], Now);

        result.Error.Should().BeOfType<VenueUnavailable>().Which.Message.Should().Contain("fill_count_fp");
    }

    [Fact]
    public void ToFill_NoSideTaker_PriceInNoTermsTakerIsNotMaker()
    {
        var fill = new KalshiFill("f-1", "t-1", "ord-1", "KXFED", "no", "buy", "3.00", "0.4200", "0.5800", true, "0.0500", Now);

        var mapped = KalshiOrderMapping.ToFill(fill, "GET x", _ => Fed, null).Value;

        mapped.Should().Be(new VenueFill(new FillId("f-1"), new VenueOrderId("ord-1"), null, Fed, Side.Buy, Outcome.No, new Quantity(3), new Price(0.58m), 0.05m, false, Now));
    }

    [Fact]
    public void ToFill_OnlyLegacyTradeId_UsesIt()
    {
        var fill = new KalshiFill(null, "t-9", "ord-1", "KXFED", "yes", "sell", "1.00", "0.4200", "0.5800", false, null, Now);

        var mapped = KalshiOrderMapping.ToFill(fill, "GET x", _ => Fed, null).Value;

        mapped.FillId.Should().Be(new FillId("t-9"));
        mapped.IsMaker.Should().BeTrue();
        mapped.Fee.Should().Be(0m);
    }

    [Theory]
    [InlineData(TimeInForce.Gtc, "good_till_canceled")]
    [InlineData(TimeInForce.Ioc, "immediate_or_cancel")]
    [InlineData(TimeInForce.Fak, "immediate_or_cancel")]
    [InlineData(TimeInForce.Fok, "fill_or_kill")]
    public void ToCreate_TimeInForce_Mapped(TimeInForce tif, string expected)
    {
        var body = KalshiOrderMapping.ToCreate(Intent(OrderType.Limit, tif, 0.565m), "KXFED", InstrumentRules.BinaryCents).Value;

        body.TimeInForce.Should().Be(expected);
        body.ExpirationTs.Should().BeNull();
        body.YesPriceDollars.Should().Be("0.5650");
    }

    [Fact]
    public void ToCreate_PostOnlySellYes_FlagsPostOnly()
    {
        var body = KalshiOrderMapping.ToCreate(Intent(OrderType.PostOnly, TimeInForce.Gtc, 0.5m) with { Side = Side.Sell }, "KXFED", InstrumentRules.BinaryCents).Value;

        body.Should().Be(new KalshiCreateOrder("KXFED", "c-1", "yes", "sell", "2.00", "good_till_canceled", "0.5000", null, null, true));
    }

    [Fact]
    public void ToCreate_MarketSell_LowestValidPriceImmediate()
    {
        var body = KalshiOrderMapping.ToCreate(Intent(OrderType.Market, TimeInForce.Gtc, null) with { Side = Side.Sell }, "KXFED", InstrumentRules.BinaryCents).Value;

        body.YesPriceDollars.Should().Be("0.0100");
        body.TimeInForce.Should().Be("immediate_or_cancel");
    }

    [Fact]
    public void ToCreate_NoOutcome_Rejected()
    {
        KalshiOrderMapping.ToCreate(Intent(OrderType.Limit, TimeInForce.Gtc, 0.5m) with { Outcome = null }, "KXFED", InstrumentRules.BinaryCents)
            .Error.Should().BeOfType<VenueRejected>().Which.VenueCode.Should().Be("invalid_outcome");
    }

    [Theory]
    [InlineData(401, typeof(VenueAuthFailed))]
    [InlineData(403, typeof(VenueAuthFailed))]
    [InlineData(404, typeof(VenueNotFound))]
    [InlineData(400, typeof(VenueRejected))]
    [InlineData(409, typeof(VenueRejected))]
    [InlineData(429, typeof(VenueRateLimited))]
    [InlineData(500, typeof(VenueUnavailable))]
    [InlineData(503, typeof(VenueUnavailable))]
    public void KalshiErrors_ErrorBody_TypedByStatusWithKalshiCode(int status, Type expected)
    {
        var body = Encoding.UTF8.GetBytes("{\"error\":{\"code\":\"order_already_exists\",\"message\":\"duplicate\",\"details\":\"c-1\"}}");

        var error = KalshiErrors.Read(new VenueHttpAnswer("POST https://k/trade-api/v2/portfolio/orders", status, TimeSpan.FromSeconds(2), body));

        error.Should().BeOfType(expected);
        error!.Message.Should().Contain("order_already_exists").And.Contain("duplicate").And.Contain("POST https://k/trade-api/v2/portfolio/orders");
        if (error is VenueRejected rejected)
            rejected.VenueCode.Should().Be("order_already_exists");
        if (error is VenueRateLimited limited)
            limited.RetryAfter.Should().Be(TimeSpan.FromSeconds(2));
    }

    [Theory]
    [InlineData("{\"error\":\"too many requests\"}")]
    [InlineData("<html>503</html>")]
    [InlineData("")]
    public void KalshiErrors_OtherBody_LeftToStatusRules(string body)
    {
        KalshiErrors.Read(new VenueHttpAnswer("GET x", 429, null, Encoding.UTF8.GetBytes(body))).Should().BeNull();
    }

    [Fact]
    public void RulesOf_TaperedDeciCentFractional_CoarsestTickAndCentiContracts()
    {
        var market = new KalshiMarket("T", "t", "active", "tapered_deci_cent",
            [new("0.0000", "0.1000", "0.0010"), new("0.1000", "0.9000", "0.0100"), new("0.9000", "1.0000", "0.0010")], true);

        var rules = KalshiMarketMapping.RulesOf(market);

        (rules.TickSize, rules.MinPrice, rules.MaxPrice, rules.SizeIncrement, rules.MinQuantity).Should().Be((0.01m, 0.01m, 0.99m, 0.01m, 0.01m));
    }

    [Fact]
    public void RulesOf_DeciCentWithoutRanges_ThousandthTick()
    {
        var rules = KalshiMarketMapping.RulesOf(new KalshiMarket("T", "t", "active", "deci_cent", null, false));

        (rules.TickSize, rules.MinPrice, rules.MaxPrice, rules.SizeIncrement).Should().Be((0.001m, 0.001m, 0.999m, 1m));
    }

    [Fact]
    public void ToBook_MalformedLevel_UnavailableNamingTheField()
    {
        var book = new KalshiOrderbook([["0.4000", "10.00"]], [["0.5500"]]);

        KalshiMarketMapping.ToBook(Fed, book, "GET x", Now).Error.Should().BeOfType<VenueUnavailable>().Which.Message.Should().Contain("no_dollars[0]");
    }

    [Fact]
    public void FillCursor_SameSecond_RemembersEveryIdReturnedAtIt()
    {
        var at = Now;
        var first = KalshiFillCursor.After(null, [FillAt("a", at.AddSeconds(-1)), FillAt("b", at)]);
        var second = KalshiFillCursor.After(first, [FillAt("c", at.AddMilliseconds(300))]);

        KalshiFillCursor.TryParse(second.ToString(), out var parsed).Should().BeTrue();
        parsed!.Second.Should().Be(at.ToUnixTimeSeconds());
        parsed.SeenAtSecond.Should().BeEquivalentTo(["b", "c"]);
        parsed.IsNew(FillAt("d", at.AddMilliseconds(900))).Should().BeTrue();
        parsed.IsNew(FillAt("b", at)).Should().BeFalse();
        parsed.IsNew(FillAt("z", at.AddSeconds(-1))).Should().BeFalse();
    }

    [Theory]
    [InlineData("17")]
    [InlineData("v1:abc:x")]
    [InlineData("v1:17:")]
    public void FillCursor_NotOurs_Refused(string text) => KalshiFillCursor.TryParse(text, out _).Should().BeFalse();

    private static KalshiOrder Order(string status, string? filled)
        => new("ord-1", "c-1", "KXFED", "no", "sell", status, "0.5600", "0.4400", filled, "3.00", "5.00", Now, Now);

    private static OrderIntent Intent(OrderType type, TimeInForce tif, decimal? price)
        => new(new OrderId("o-1"), new ClientOrderId("c-1"), new VenueId("kalshi"), Fed, Side.Buy, Outcome.Yes, type, tif, new Quantity(2), price is { } p ? new Price(p) : null);

    private static VenueFill FillAt(string id, DateTimeOffset at)
        => new(new FillId(id), new VenueOrderId("o"), null, Fed, Side.Buy, Outcome.Yes, new Quantity(1), new Price(0.5m), 0m, false, at);
}
