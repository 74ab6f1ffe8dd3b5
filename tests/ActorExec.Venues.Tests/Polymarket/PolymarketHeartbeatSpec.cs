using ActorExec.Venues.Polymarket;

namespace ActorExec.Venues.Tests.Polymarket;

/// <summary>The heartbeat runs on the clock; when it lapses, placements stop and health is Down until a heartbeat is acknowledged again.</summary>
public sealed class PolymarketHeartbeatSpec
{
    [Fact]
    public async Task Heartbeat_EveryInterval_ReachesTheServer()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        var start = fx.Clock.GetUtcNow();

        await fx.BeatAsync();
        await fx.BeatAsync();

        fx.Server.Heartbeats.Should().Equal(start, start.AddSeconds(5), start.AddSeconds(10));
        (await fx.Venue.GetHealthAsync()).Value.Status.Should().Be(VenueHealthStatus.Up);
    }

    [Fact]
    public async Task Heartbeat_Lapsed_RefusesPlacementsWithoutSendingThenRecovers()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        fx.Server.RefuseHeartbeats = true;
        await fx.BeatAsync();
        await fx.BeatAsync();
        await fx.BeatAsync();

        var health = (await fx.Venue.GetHealthAsync()).Value;
        var refused = await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.40m));

        health.Status.Should().Be(VenueHealthStatus.Down);
        health.Detail.Should().Contain("heartbeat").And.Contain("10 s");
        refused.Error.Should().BeOfType<VenueRejected>().Which.VenueCode.Should().Be(PolymarketErrors.HeartbeatLapsed);
        fx.Server.Requests.Should().NotContain(r => r.Method == "POST" && r.PathAndQuery == "/order");

        fx.Server.RefuseHeartbeats = false;
        await fx.BeatAsync();

        (await fx.Venue.GetHealthAsync()).Value.Status.Should().Be(VenueHealthStatus.Up);
        (await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.40m))).Value.Status.Should().Be(VenueOrderStatus.Open);
    }

    [Fact]
    public async Task DisposeAsync_StopsTheLoop()
    {
        var fx = await PolymarketFixture.StartAsync();
        await PolymarketFixture.UntilAsync(() => fx.Clock.ActiveTimerCount == 1, "the loop waits");

        await fx.Venue.DisposeAsync();

        fx.Clock.ActiveTimerCount.Should().Be(0);
        await fx.Server.DisposeAsync();
        fx.Http.Dispose();
    }
}
