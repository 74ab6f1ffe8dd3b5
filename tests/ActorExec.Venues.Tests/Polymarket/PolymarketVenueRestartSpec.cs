using ActorExec.Venues.Polymarket;

namespace ActorExec.Venues.Tests.Polymarket;

/// <summary>
/// A restarted process (a new <see cref="PolymarketVenue"/> with the same options and no shared state) finds what the
/// previous one placed by its intent alone, and placing that intent again does not place it twice: the V2 order id
/// is rebuilt from the intent (salt from the client order id, fixed signed timestamp).
/// </summary>
public sealed class PolymarketVenueRestartSpec
{
    [Fact]
    public async Task FindOrderAsync_AfterRestart_FindsTheRestingOrderAndPlacingAgainDoesNotPlaceTwice()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        var intent = fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.40m);
        var placed = (await fx.Venue.PlaceAsync(intent)).Value;
        fx.Clock.Advance(TimeSpan.FromMinutes(7));
        await using var restarted = await PolymarketVenue.ConnectAsync(fx.Options, fx.Http);

        var found = (await restarted.FindOrderAsync(intent)).Value;
        var again = (await restarted.PlaceAsync(intent)).Value;

        found.VenueOrderId.Should().Be(placed.VenueOrderId);
        found.ClientOrderId.Should().Be(intent.ClientOrderId);
        found.Status.Should().Be(VenueOrderStatus.Open);
        again.VenueOrderId.Should().Be(placed.VenueOrderId);
        again.Status.Should().Be(VenueOrderStatus.Open);
        fx.Server.Paper.Records.Placements.Should().ContainSingle();
        fx.Server.Paper.Records.PlaceCalls.Should().Be(1);
        fx.Server.OrderIds.Should().Equal(placed.VenueOrderId.Value);
    }

    [Fact]
    public async Task FindOrderAsync_AfterRestart_FindsAFilledNegRiskOrder()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        fx.Liquidity(PolymarketFixture.ConditionB, Side.Sell, 0.412m, 100m);
        var intent = fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.412m, TimeInForce.Fok, PolymarketFixture.Fed);
        var placed = (await fx.Venue.PlaceAsync(intent)).Value;
        await using var restarted = await PolymarketVenue.ConnectAsync(fx.Options, fx.Http);

        var found = (await restarted.FindOrderAsync(intent)).Value;

        placed.Status.Should().Be(VenueOrderStatus.Filled);
        found.VenueOrderId.Should().Be(placed.VenueOrderId);
        found.Filled.Value.Should().Be(10m);
        fx.Server.Paper.Records.PlaceCalls.Should().Be(1);
    }

    [Fact]
    public async Task PlaceAsync_PostedBody_IsTheV2ShapeWithTheFixedTimestampAndNoV1Fields()
    {
        await using var fx = await PolymarketFixture.StartAsync();

        (await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.40m, type: OrderType.PostOnly))).Value.Status.Should().Be(VenueOrderStatus.Open);

        var body = fx.Server.Requests.Single(r => r.PathAndQuery == "/order").Body;
        body.Should().Contain($"\"timestamp\":\"{PolymarketDefaults.OrderTimestamp}\"").And.Contain("\"side\":\"BUY\"").And.Contain("\"expiration\":\"0\"")
            .And.Contain($"\"metadata\":\"{Venues.Polymarket.Signing.PolymarketOrderV2.ZeroBytes32}\"").And.Contain("\"postOnly\":true").And.Contain("\"deferExec\":false")
            .And.NotContain("nonce").And.NotContain("feeRateBps").And.NotContain("\"taker\"");
    }
}
