using ActorExec.Venues.TestServers;

namespace ActorExec.Venues.Tests.Polymarket;

/// <summary>Transport and server faults become typed errors, and an order whose answer was lost is found, never placed twice.</summary>
public sealed class PolymarketVenueFaultsSpec
{
    [Fact]
    public async Task PlaceAsync_RateLimited_RetryAfterFromTheHeader()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        fx.Server.Inject(new ServerFault(ServerFaultKind.RateLimited, "POST", "/order", TimeSpan.FromSeconds(3)));

        var result = await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.40m));

        result.Error.Should().BeOfType<VenueRateLimited>().Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(3));
        fx.Server.Paper.Records.PlaceCalls.Should().Be(0);
    }

    [Fact]
    public async Task PlaceAsync_ServerError_Unavailable()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        fx.Server.Inject(new ServerFault(ServerFaultKind.ServerError, "POST", "/order"));

        var result = await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.40m));

        result.Error.Should().BeOfType<VenueUnavailable>().Which.StatusCode.Should().Be(503);
    }

    [Fact]
    public async Task PlaceAsync_AnswerLost_TimeoutThenFoundAndNeverPlacedTwice()
    {
        await using var fx = await PolymarketFixture.StartAsync(httpTimeout: TimeSpan.FromSeconds(1));
        var intent = fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.40m);
        fx.Server.Inject(new ServerFault(ServerFaultKind.Hang, "POST", "/order"));

        var result = await fx.Venue.PlaceAsync(intent);
        var found = await fx.Venue.FindOrderAsync(intent);
        var again = await fx.Venue.PlaceAsync(intent);

        result.Error.Should().BeOfType<VenueTimeout>().Which.MayHaveTakenEffect.Should().BeTrue();
        found.Value.Status.Should().Be(VenueOrderStatus.Open);
        again.Value.VenueOrderId.Should().Be(found.Value.VenueOrderId);
        fx.Server.Paper.Records.Placements.Should().ContainSingle();
    }

    [Fact]
    public async Task PlaceAsync_MalformedAnswer_UnavailableNamingTheCallThenFound()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        var intent = fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.40m);
        fx.Server.Inject(new ServerFault(ServerFaultKind.MalformedJson, "POST", "/order"));

        var result = await fx.Venue.PlaceAsync(intent);

        var error = result.Error.Should().BeOfType<VenueUnavailable>().Which;
        error.Message.Should().Contain("POST").And.Contain("/order").And.Contain("malformed");
        error.MayHaveTakenEffect.Should().BeTrue();
        (await fx.Venue.FindOrderAsync(intent)).Value.Status.Should().Be(VenueOrderStatus.Open);
        fx.Server.Paper.Records.Placements.Should().ContainSingle();
    }

    [Fact]
    public async Task GetOrderAsync_UnknownStatus_UnavailableNamingStatusOrderAndEndpoint()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        var placed = (await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.40m))).Value;
        fx.Server.ForceOrderStatus(placed.VenueOrderId.Value, "ORDER_STATUS_FROZEN");

        var result = await fx.Venue.GetOrderAsync(placed.VenueOrderId);

        var error = result.Error.Should().BeOfType<VenueUnavailable>().Which;
        error.Message.Should().Contain("ORDER_STATUS_FROZEN").And.Contain(placed.VenueOrderId.Value).And.Contain("data/order");
        error.IsRetryable.Should().BeTrue();
    }

    [Fact]
    public async Task ConnectAsync_UnknownMarket_ThrowsNamingMarketAndUrl()
    {
        var connect = async () => await PolymarketFixture.StartAsync(venue: o => o with
        {
            Markets = new Dictionary<MarketId, string> { [new MarketId("ghost")] = "0x" + new string('c', 64) },
        });

        var thrown = (await connect.Should().ThrowAsync<VenueConnectionException>()).Which;
        thrown.Message.Should().Contain("ghost").And.Contain("/markets/0xccc").And.Contain("404");
    }

    [Fact]
    public async Task PlaceAsync_Delayed_OpenWithADetailSayingToAskAgain()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        fx.Server.ForceNextPlacementStatus("delayed");

        var report = (await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.40m))).Value;

        report.Status.Should().Be(VenueOrderStatus.Open);
        report.Detail.Should().Contain("delayed");
    }

    [Fact]
    public async Task PlaceAsync_UnknownPlacementStatus_UnavailableNamingItThenFound()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        var intent = fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.40m);
        fx.Server.ForceNextPlacementStatus("queued_for_auction");

        var result = await fx.Venue.PlaceAsync(intent);

        var error = result.Error.Should().BeOfType<VenueUnavailable>().Which;
        error.Message.Should().Contain("queued_for_auction").And.Contain(fx.Server.OrderIds.Single()).And.Contain("POST order");
        (await fx.Venue.FindOrderAsync(intent)).Value.Status.Should().Be(VenueOrderStatus.Open);
    }
}
