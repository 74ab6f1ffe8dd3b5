using ActorExec.Trading.Orders;
using ActorExec.Venues.Paper;

namespace ActorExec.Venues.Tests.Paper;

public sealed class PaperVenueOrderValidationSpec
{
    public static TheoryData<string, string, string[]> InvalidIntents => new()
    {
        { "price off tick", PaperRejectCodes.InvalidPrice, ["LimitPrice", "0.555"] },
        { "price above max", PaperRejectCodes.InvalidPrice, ["LimitPrice", "1.5"] },
        { "limit without price", PaperRejectCodes.InvalidPrice, ["LimitPrice"] },
        { "market with price", PaperRejectCodes.InvalidPrice, ["LimitPrice", "0.5"] },
        { "size off increment", PaperRejectCodes.InvalidSize, ["Size", "1.5"] },
        { "size zero", PaperRejectCodes.InvalidSize, ["Size", "0"] },
        { "market gtc", PaperRejectCodes.InvalidTimeInForce, ["TimeInForce", "Gtc"] },
        { "post-only ioc", PaperRejectCodes.InvalidTimeInForce, ["TimeInForce", "Ioc"] },
        { "gtd without expiry", PaperRejectCodes.InvalidExpiry, ["ExpiresAt"] },
        { "gtd in the past", PaperRejectCodes.InvalidExpiry, ["ExpiresAt", "2025-12-31"] },
        { "expiry on gtc", PaperRejectCodes.InvalidExpiry, ["ExpiresAt", "Gtc"] },
        { "binary without outcome", PaperRejectCodes.InvalidOutcome, ["Outcome", "m-1"] },
        { "linear with outcome", PaperRejectCodes.InvalidOutcome, ["Outcome", "eth", "Yes"] },
        { "unknown market", PaperRejectCodes.UnknownMarket, ["Market", "nope"] },
        { "other venue", PaperRejectCodes.WrongVenue, ["Venue", "paper-z"] },
    };

    [Theory]
    [MemberData(nameof(InvalidIntents))]
    public async Task Place_InvalidIntent_IsRejectedWithACodeAndAMessageNamingTheFieldAndValue(string scenario, string code, string[] mentions)
    {
        var f = new PaperFixture();
        var intent = Build(f, scenario);

        var error = await f.PlaceFails(intent);

        var rejected = error.Should().BeOfType<VenueRejected>().Subject;
        rejected.VenueCode.Should().Be(code);
        foreach (var mention in mentions)
            rejected.Message.Should().Contain(mention);
        f.Venue.Records.Placements.Should().BeEmpty();
    }

    [Fact]
    public async Task Place_ClosedMarket_IsRejected()
    {
        var f = new PaperFixture();
        f.Venue.SetMarketOpen(PaperFixture.Binary, false);

        var error = await f.PlaceFails(f.BuyYes(1, 0.50m));

        error.Should().BeOfType<VenueRejected>().Which.VenueCode.Should().Be(PaperRejectCodes.MarketClosed);
        (await f.Venue.GetMarketsAsync()).Value.Single(m => m.Market == PaperFixture.Binary).IsOpen.Should().BeFalse();
    }

    [Fact]
    public async Task Place_TimeInForceTheVenueLacks_IsRejectedNamingIt()
    {
        var f = new PaperFixture(o => PaperVenueOptions.KalshiLike(o.Venue, o.Markets, 1) with { TimeProvider = o.TimeProvider, Liquidity = o.Liquidity });

        var error = await f.PlaceFails(f.BuyYes(1, 0.50m, TimeInForce.Fak));

        error.Should().BeOfType<VenueRejected>().Which.VenueCode.Should().Be(PaperRejectCodes.UnsupportedTimeInForce);
        error.Message.Should().Contain("Fak");
    }

    [Fact]
    public async Task Place_OrderTypeTheVenueLacks_IsRejectedNamingIt()
    {
        var f = new PaperFixture(o => o with { OrderTypes = new HashSet<OrderType> { OrderType.Limit } });

        var error = await f.PlaceFails(f.Intent(Side.Buy, Outcome.Yes, 1, null, OrderType.Market, TimeInForce.Ioc));

        error.Should().BeOfType<VenueRejected>().Which.VenueCode.Should().Be(PaperRejectCodes.UnsupportedOrderType);
        error.Message.Should().Contain("Market");
    }

    [Fact]
    public async Task Place_DuplicateClientOrderId_IsRefusedRecordedAndLeavesTheOriginalUntouched()
    {
        var f = new PaperFixture();
        var original = await f.Place(f.Intent(Side.Buy, Outcome.Yes, 5, 0.40m, clientId: "dup-1"));

        var error = await f.PlaceFails(f.Intent(Side.Buy, Outcome.Yes, 9, 0.45m, clientId: "dup-1"));

        error.Should().BeOfType<VenueRejected>().Which.VenueCode.Should().Be(PaperRejectCodes.DuplicateClientOrderId);
        error.Message.Should().Contain("dup-1");
        f.Venue.Records.DuplicateAttempts.Should().Equal(new PaperDuplicateAttempt(new ClientOrderId("dup-1"), f.Now));
        f.Venue.Records.PlacementCount(new ClientOrderId("dup-1")).Should().Be(1);
        f.Venue.Records.PlaceCalls.Should().Be(2);
        (await f.Order(original.VenueOrderId)).Should().BeEquivalentTo(original);
    }

    [Fact]
    public async Task Place_ClientOrderIdOfARejectedPlacement_CanBeUsedAgain()
    {
        var f = new PaperFixture();
        await f.PlaceFails(f.Intent(Side.Buy, Outcome.Yes, 5, 0.555m, clientId: "retry-1"));

        var report = await f.Place(f.Intent(Side.Buy, Outcome.Yes, 5, 0.55m, clientId: "retry-1"));

        report.ClientOrderId.Should().Be(new ClientOrderId("retry-1"));
    }

    [Fact]
    public void Calls_DefaultIdsOrNullIntent_ThrowArgumentExceptionsNamingTheParameter()
    {
        var f = new PaperFixture();
        var intent = f.BuyYes(1, 0.50m) with { ClientOrderId = default };

        FluentActions.Invoking(() => f.Venue.PlaceAsync(null!)).Should().Throw<ArgumentNullException>().WithParameterName("intent");
        FluentActions.Invoking(() => f.Venue.PlaceAsync(intent)).Should().Throw<ArgumentException>().WithParameterName("intent");
        FluentActions.Invoking(() => f.Venue.CancelAsync(default)).Should().Throw<ArgumentException>().WithParameterName("order");
        FluentActions.Invoking(() => f.Venue.ModifyAsync(default, null, null)).Should().Throw<ArgumentException>().WithParameterName("order");
        FluentActions.Invoking(() => f.Venue.ModifyAsync(new VenueOrderId("x"), default(Price), null)).Should().Throw<ArgumentException>().WithParameterName("newPrice");
        FluentActions.Invoking(() => f.Venue.GetOrderAsync(default)).Should().Throw<ArgumentException>().WithParameterName("order");
        FluentActions.Invoking(() => f.Venue.GetOrderByClientIdAsync(default)).Should().Throw<ArgumentException>().WithParameterName("clientOrderId");
        FluentActions.Invoking(() => f.Venue.GetOpenOrdersAsync(default(MarketId))).Should().Throw<ArgumentException>().WithParameterName("market");
        FluentActions.Invoking(() => f.Venue.GetBookAsync(default)).Should().Throw<ArgumentException>().WithParameterName("market");
        f.Venue.Records.PlaceCalls.Should().Be(0);
    }

    private static OrderIntent Build(PaperFixture f, string scenario) => scenario switch
    {
        "price off tick" => f.BuyYes(1, 0.555m),
        "price above max" => f.BuyYes(1, 1.5m),
        "limit without price" => f.Intent(Side.Buy, Outcome.Yes, 1, null),
        "market with price" => f.Intent(Side.Buy, Outcome.Yes, 1, 0.5m, OrderType.Market, TimeInForce.Ioc),
        "size off increment" => f.BuyYes(1.5m, 0.50m),
        "size zero" => f.BuyYes(0, 0.50m),
        "market gtc" => f.Intent(Side.Buy, Outcome.Yes, 1, null, OrderType.Market, TimeInForce.Gtc),
        "post-only ioc" => f.Intent(Side.Buy, Outcome.Yes, 1, 0.5m, OrderType.PostOnly, TimeInForce.Ioc),
        "gtd without expiry" => f.BuyYes(1, 0.50m, TimeInForce.Gtd),
        "gtd in the past" => f.Intent(Side.Buy, Outcome.Yes, 1, 0.5m, tif: TimeInForce.Gtd, expiresAt: f.Now.AddHours(-1)),
        "expiry on gtc" => f.Intent(Side.Buy, Outcome.Yes, 1, 0.5m, expiresAt: f.Now.AddHours(1)),
        "binary without outcome" => f.Intent(Side.Buy, null, 1, 0.5m),
        "linear with outcome" => f.Intent(Side.Buy, Outcome.Yes, 1, 3000m, market: PaperFixture.Linear),
        "unknown market" => f.Intent(Side.Buy, Outcome.Yes, 1, 0.5m, market: new MarketId("nope")),
        "other venue" => f.Intent(Side.Buy, Outcome.Yes, 1, 0.5m, venue: new VenueId("paper-z")),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "unknown scenario"),
    };
}
