using System.Collections.Frozen;
using System.Text.Json;
using ActorExec.Trading.Execution;
using ActorExec.Trading.Orders;
using ActorExec.Trading.Slippage;
using ActorExec.Venues.Paper;
using ActorExec.Venues.Remote;

namespace ActorExec.Venues.Tests.Remote;

/// <summary>Every type on the paper exchange's wire comes back equal, and bad JSON is refused naming the field.</summary>
public sealed class PaperExchangeJsonSpec
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 30, 15, 123, TimeSpan.Zero);
    private static readonly VenueId Venue = new("paper-a");
    private static readonly MarketId Market = new("m-1");

    private static readonly OrderIntent Intent = new(
        new OrderId("o-1"), new ClientOrderId("c-1:x.y_z"), Venue, Market, Side.Buy, Outcome.No, OrderType.Limit, TimeInForce.Gtd,
        new Quantity(12m), new Price(0.37m), At.AddMinutes(5));

    private static readonly VenueFill Fill = new(new FillId("paper-a-f1"), new VenueOrderId("paper-a-o1"), new ClientOrderId("c-1"), Market,
        Side.Sell, Outcome.Yes, new Quantity(3m), new Price(0.42m), 0.02m, IsMaker: true, At);

    private static readonly VenueOrderReport Report = new(new VenueOrderId("paper-a-o1"), new ClientOrderId("c-1"), Market, Side.Sell, Outcome.Yes,
        VenueOrderStatus.PartiallyFilled, new Quantity(10m), new Quantity(3m), new Price(0.42m), [Fill], "partly", "0xabc", At);

    private static T RoundTrip<T>(T value)
        => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, PaperExchangeJson.Options), PaperExchangeJson.Options)!;

    [Fact]
    public void RoundTrip_OrderIntent_IsEqual()
    {
        RoundTrip(Intent).Should().Be(Intent);
        var market = Intent with { Type = OrderType.Market, TimeInForce = TimeInForce.Ioc, LimitPrice = null, ExpiresAt = null, Outcome = null };
        RoundTrip(market).Should().Be(market);
    }

    [Fact]
    public void RoundTrip_ReportsAndFills_AreEquivalent()
    {
        RoundTrip(Report).Should().BeEquivalentTo(Report, o => o.ComparingRecordsByMembers());
        var bare = Report with { ClientOrderId = null, Outcome = null, LimitPrice = null, Fills = [], Detail = null, TransactionHash = null, Filled = Quantity.Zero };
        RoundTrip(bare).Should().BeEquivalentTo(bare, o => o.ComparingRecordsByMembers());
        var page = new FillPage([Fill, Fill with { FillId = new FillId("paper-a-f2"), ClientOrderId = null, Outcome = null }], "2");
        RoundTrip(page).Should().BeEquivalentTo(page, o => o.ComparingRecordsByMembers());
        RoundTrip(new FillPage([], null)).Fills.Should().BeEmpty();
    }

    [Fact]
    public void RoundTrip_PositionsHealthMarketsAndBook_AreEqual()
    {
        var position = new VenuePosition(Market, Outcome.No, -4.5m);
        RoundTrip(position).Should().Be(position);
        var health = new VenueHealth(VenueHealthStatus.Degraded, "slow", At);
        RoundTrip(health).Should().Be(health);
        var linearRules = new InstrumentRules(tickSize: 0.01m, sizeIncrement: 0.001m, minPrice: 0.01m, maxPrice: 1_000_000m, minQuantity: 0.001m, maxQuantity: 50m);
        var market = new VenueMarket(new MarketId("eth"), InstrumentKind.Linear, linearRules, "Ether", IsOpen: false);
        RoundTrip(market).Should().Be(market);
        var book = new MarketBook(Market, InstrumentKind.Binary,
            [new BookLevel(new Price(0.40m), new Quantity(10m))], [new BookLevel(new Price(0.42m), new Quantity(7m)), new BookLevel(new Price(0.43m), new Quantity(1m))],
            [new BookLevel(new Price(0.58m), new Quantity(7m))], [], At);
        RoundTrip(book).Should().BeEquivalentTo(book, o => o.ComparingRecordsByMembers().WithStrictOrdering());
    }

    [Fact]
    public void RoundTrip_Capabilities_KeepsFeesRulesAndSets()
    {
        var capabilities = new VenueCapabilities(true, InstrumentRules.BinaryCents, FeeSchedule.KalshiTaker, new FeeSchedule.ProportionalToNotional(0.002m), false,
            FrozenSet.Create(OrderType.Limit, OrderType.PostOnly), FrozenSet.Create(TimeInForce.Gtc, TimeInForce.Fak));

        var back = RoundTrip(capabilities);

        back.SettlesOnChain.Should().BeTrue();
        back.SupportsModify.Should().BeFalse();
        back.DefaultRules.Should().Be(InstrumentRules.BinaryCents);
        back.TakerFees.Should().Be(FeeSchedule.KalshiTaker);
        back.MakerFees.Should().Be(new FeeSchedule.ProportionalToNotional(0.002m));
        back.OrderTypes.Should().BeEquivalentTo([OrderType.Limit, OrderType.PostOnly]);
        back.TimesInForce.Should().BeEquivalentTo([TimeInForce.Gtc, TimeInForce.Fak]);
        RoundTrip(FeeSchedule.Free).Should().Be(FeeSchedule.Free);
    }

    public static TheoryData<VenueError> Errors => new()
    {
        new VenueRejected("bad price", PaperRejectCodes.InvalidPrice),
        new VenueRejected("no code"),
        new VenueRateLimited("slow down", TimeSpan.FromMilliseconds(1500)),
        new VenueRateLimited("slow down"),
        new VenueNetworkError("refused", RequestSent: false),
        new VenueNetworkError("reset"),
        new VenueTimeout("no answer", TimeSpan.FromSeconds(5)),
        new VenueAuthFailed("expired"),
        new VenueNotFound("no order"),
        new VenueUnavailable("down", 503),
        new VenueUnavailable("down"),
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void RoundTrip_VenueError_IsTheSameTypedError(VenueError error)
    {
        var back = RoundTrip(new PaperExchangeErrorBody(error)).Error;

        back.Should().Be(error);
        back.IsRetryable.Should().Be(error.IsRetryable);
        back.MayHaveTakenEffect.Should().Be(error.MayHaveTakenEffect);
    }

    [Fact]
    public void Serialize_VenueError_WritesKindAndStableCode()
    {
        var json = JsonSerializer.Serialize<VenueError>(new VenueRateLimited("slow down", TimeSpan.FromSeconds(2)), PaperExchangeJson.Options);

        json.Should().Be("""{"kind":"RateLimited","code":"RATE_LIMITED","message":"slow down","retryAfter":"00:00:02"}""");
    }

    [Fact]
    public void RoundTrip_Records_KeepPlacementsAndDuplicates()
    {
        var records = new PaperVenueRecordsSnapshot(
            [new PaperPlacement(Intent.ClientOrderId, new VenueOrderId("paper-a-o1"), Intent, At)],
            [new PaperDuplicateAttempt(Intent.ClientOrderId, At.AddSeconds(1))],
            PlaceCalls: 2, CancelCalls: 1, ModifyCalls: 0, QueryCalls: 5);

        RoundTrip(records).Should().BeEquivalentTo(records, o => o.ComparingRecordsByMembers());
        var modify = new ModifyOrderRequest(new Price(0.5m), null);
        RoundTrip(modify).Should().Be(modify);
    }

    [Fact]
    public void Deserialize_ModifyWithOnlyAPrice_LeavesTheSizeUnchanged()
        => JsonSerializer.Deserialize<ModifyOrderRequest>("""{"newPrice":0.45}""", PaperExchangeJson.Options).Should().Be(new ModifyOrderRequest(new Price(0.45m)));

    [Fact]
    public void Serialize_Intent_WritesIdsAsStringsPricesAsNumbersEnumsAsNames()
    {
        var json = JsonSerializer.Serialize(Intent, PaperExchangeJson.Options);

        json.Should().Contain("\"clientOrderId\":\"c-1:x.y_z\"").And.Contain("\"limitPrice\":0.37").And.Contain("\"side\":\"Buy\"").And.Contain("\"timeInForce\":\"Gtd\"");
    }

    [Fact]
    public void Serialize_Report_LeavesOutDerivedProperties()
        => JsonSerializer.Serialize(Report, PaperExchangeJson.Options).Should().NotContain("remaining").And.NotContain("isOpen");

    [Theory]
    [InlineData("""{"orderId":"o-1","clientOrderId":"c-1","venue":"a","market":"m","side":"Buy","outcome":null,"type":"Limit","timeInForce":"Gtc"}""", "size")]
    [InlineData("""{"orderId":"o-1","clientOrderId":"c-1","venue":"a","market":"m","side":"Buy","outcome":null,"type":"Limit","timeInForce":"Gtc","size":"5"}""", "Quantity")]
    [InlineData("""{"orderId":"o-1","clientOrderId":"c 1","venue":"a","market":"m","side":"Buy","outcome":null,"type":"Limit","timeInForce":"Gtc","size":5}""", "ClientOrderId")]
    [InlineData("""{"orderId":"o-1","clientOrderId":"c-1","venue":"a","market":"m","side":0,"outcome":null,"type":"Limit","timeInForce":"Gtc","size":5}""", "side")]
    [InlineData("""{"orderId":"o-1","clientOrderId":"c-1","venue":"a","market":"m","side":"Buy","outcome":null,"type":"Limit","timeInForce":"Gtc","size":-1}""", "quantity")]
    public void Deserialize_BadIntent_FailsNamingTheField(string json, string named)
    {
        var act = () => JsonSerializer.Deserialize<OrderIntent>(json, PaperExchangeJson.Options);

        var error = act.Should().Throw<JsonException>().Which;
        (error.Message + " " + error.Path).Should().Contain(named);
    }

    [Theory]
    [InlineData("""{"message":"x"}""", "'kind'")]
    [InlineData("""{"kind":"Exploded","message":"x"}""", "Exploded")]
    [InlineData("""{"kind":"2","message":"x"}""", "'2'")]
    [InlineData("""{"kind":"Timeout","message":"x"}""", "'after'")]
    [InlineData("""{"kind":"Unavailable","message":"x","statusCode":"503"}""", "'statusCode'")]
    public void Deserialize_BadVenueError_FailsNamingTheField(string json, string named)
    {
        var act = () => JsonSerializer.Deserialize<VenueError>(json, PaperExchangeJson.Options);

        act.Should().Throw<JsonException>().WithMessage($"*{named}*");
    }
}
