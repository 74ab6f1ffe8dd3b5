using ActorExec.Venues.Paper;

namespace ActorExec.Venues.Tests.Paper;

public sealed class PaperFaultControllerSpec
{
    private static PaperFixture WithFaults(PaperFaultOptions faults) => new(o => o with { Faults = faults });

    [Fact]
    public async Task StartOutage_DuringTheWindow_EveryCallIsUnavailableAndHealthIsDown()
    {
        var f = new PaperFixture();
        var resting = await f.Place(f.BuyYes(1, 0.40m));

        f.Venue.Faults.StartOutage(TimeSpan.FromSeconds(30));

        var place = await f.Venue.PlaceAsync(f.BuyYes(1, 0.40m));
        place.Error.Should().BeOfType<VenueUnavailable>().Which.StatusCode.Should().Be(503);
        (await f.Venue.CancelAsync(resting.VenueOrderId)).Error.Should().BeOfType<VenueUnavailable>();
        (await f.Venue.GetOrderAsync(resting.VenueOrderId)).Error.Should().BeOfType<VenueUnavailable>();
        (await f.Venue.GetBookAsync(PaperFixture.Binary)).Error.Should().BeOfType<VenueUnavailable>();
        (await f.Venue.GetMarketsAsync()).Error.Should().BeOfType<VenueUnavailable>();
        var health = (await f.Venue.GetHealthAsync()).Value;
        health.Status.Should().Be(VenueHealthStatus.Down);
        health.Detail.Should().Contain("outage");
        f.Venue.Faults.IsInOutage.Should().BeTrue();
        f.Venue.Records.PlaceCalls.Should().Be(2);
        f.Venue.Records.Placements.Should().ContainSingle();

        f.Time.Advance(TimeSpan.FromSeconds(30));

        (await f.Venue.GetHealthAsync()).Value.Status.Should().Be(VenueHealthStatus.Up);
        (await f.Order(resting.VenueOrderId)).Status.Should().Be(VenueOrderStatus.Open);
    }

    [Fact]
    public async Task StartOutage_ScheduledWindow_IsDownOnlyInsideIt()
    {
        var f = new PaperFixture();

        f.Venue.Faults.StartOutage(f.Now.AddSeconds(5), TimeSpan.FromSeconds(5));

        (await f.Venue.GetHealthAsync()).Value.Status.Should().Be(VenueHealthStatus.Up);
        f.Time.Advance(TimeSpan.FromSeconds(5));
        (await f.Venue.GetHealthAsync()).Value.Status.Should().Be(VenueHealthStatus.Down);
        f.Time.Advance(TimeSpan.FromSeconds(5));
        (await f.Venue.GetHealthAsync()).Value.Status.Should().Be(VenueHealthStatus.Up);
    }

    [Fact]
    public async Task EndOutage_DuringTheWindow_RestoresServiceAtOnce()
    {
        var f = new PaperFixture();
        f.Venue.Faults.StartOutage(TimeSpan.FromHours(1));

        f.Venue.Faults.EndOutage();

        (await f.Venue.GetHealthAsync()).Value.Status.Should().Be(VenueHealthStatus.Up);
        await f.Place(f.BuyYes(1, 0.40m));
    }

    [Fact]
    public async Task FailNext_CountedCalls_FailWithTheErrorWithoutBeingProcessed()
    {
        var f = new PaperFixture();
        var throttled = new VenueRateLimited("slow down", TimeSpan.FromSeconds(1));
        f.Venue.Faults.FailNext(2, throttled);
        f.Venue.Faults.FailNext(1, new VenueNetworkError("reset"));

        var first = await f.Venue.PlaceAsync(f.BuyYes(1, 0.40m));
        var second = await f.Venue.GetPositionsAsync();
        var third = await f.Venue.PlaceAsync(f.BuyYes(1, 0.40m));
        var fourth = await f.Venue.PlaceAsync(f.BuyYes(1, 0.40m));

        first.Error.Should().Be(throttled);
        second.Error.Should().Be(throttled);
        third.Error.Should().BeOfType<VenueNetworkError>();
        fourth.IsSuccess.Should().BeTrue();
        f.Venue.Records.Placements.Should().ContainSingle();
    }

    [Fact]
    public async Task LoseNextAcks_Placement_IsPlacedButAnsweredWithATimeout()
    {
        var f = WithFaults(new PaperFaultOptions { TimeoutAfter = TimeSpan.Zero });
        f.Lp(Side.Sell, 0.40m, 5);
        f.Venue.Faults.LoseNextAcks(1);
        var intent = f.Intent(Side.Buy, Outcome.Yes, 5, 0.40m, clientId: "lost-1");

        var result = await f.Venue.PlaceAsync(intent);

        result.Error.Should().BeOfType<VenueTimeout>().Which.MayHaveTakenEffect.Should().BeTrue();
        var found = (await f.Venue.GetOrderByClientIdAsync(intent.ClientOrderId)).Value;
        found.Status.Should().Be(VenueOrderStatus.Confirmed);
        f.Venue.Records.PlacementCount(intent.ClientOrderId).Should().Be(1);
        var retry = await f.Venue.PlaceAsync(intent);
        retry.Error.Should().BeOfType<VenueRejected>().Which.VenueCode.Should().Be(PaperRejectCodes.DuplicateClientOrderId);
        f.Venue.Records.DuplicateAttempts.Should().ContainSingle();
    }

    [Fact]
    public async Task LoseNextAcks_DefaultTimeout_AnswersOnlyAfterTheTimeoutOnTheVirtualClock()
    {
        var f = new PaperFixture();
        f.Venue.Faults.LoseNextAcks(1);

        var pending = f.Venue.PlaceAsync(f.BuyYes(1, 0.40m));

        pending.IsCompleted.Should().BeFalse();
        f.Venue.Records.Placements.Should().ContainSingle("the order is placed before the answer is lost");
        f.Time.Advance(TimeSpan.FromSeconds(5));
        (await pending).Error.Should().BeOfType<VenueTimeout>().Which.After.Should().Be(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task RejectNextPlacements_Placement_IsRejectedWithTheReasonAndNotPlaced()
    {
        var f = new PaperFixture();
        f.Venue.Faults.RejectNextPlacements(1, "insufficient balance");

        var health = await f.Venue.GetHealthAsync();
        var rejected = await f.Venue.PlaceAsync(f.BuyYes(1, 0.40m));
        var accepted = await f.Venue.PlaceAsync(f.BuyYes(1, 0.40m));

        health.IsSuccess.Should().BeTrue("only placements are rejected");
        rejected.Error.Should().Be(new VenueRejected("insufficient balance", PaperRejectCodes.InjectedRejection));
        accepted.IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task TimeoutRate_Half_TimesOutAboutHalfTheCalls()
    {
        var f = WithFaults(new PaperFaultOptions { TimeoutRate = 0.5, TimeoutAfter = TimeSpan.Zero });

        var timeouts = 0;
        for (var i = 0; i < 1000; i++)
        {
            if ((await f.Venue.GetHealthAsync()).Error is VenueTimeout)
                timeouts++;
        }

        timeouts.Should().BeInRange(400, 600);
    }

    [Fact]
    public async Task ServerErrorRate_Fifth_FailsAboutAFifthWith5xxStatuses()
    {
        var f = WithFaults(new PaperFaultOptions { ServerErrorRate = 0.2 });

        var statuses = new List<int?>();
        for (var i = 0; i < 1000; i++)
        {
            if ((await f.Venue.GetMarketsAsync()).Error is VenueUnavailable unavailable)
                statuses.Add(unavailable.StatusCode);
        }

        statuses.Count.Should().BeInRange(150, 250);
        statuses.Distinct().Should().BeEquivalentTo(new int?[] { 500, 502, 503 });
    }

    [Fact]
    public async Task RejectRate_Placements_AreRandomlyRejectedAndNeverPlaced()
    {
        var f = WithFaults(new PaperFaultOptions { RejectRate = 0.3 });

        var rejected = 0;
        for (var i = 0; i < 1000; i++)
        {
            if ((await f.Venue.PlaceAsync(f.BuyYes(1, 0.40m))).Error is VenueRejected { VenueCode: PaperRejectCodes.RandomRejection, Message: "paper: random rejection" })
                rejected++;
        }

        rejected.Should().BeInRange(230, 370);
        f.Venue.Records.Placements.Should().HaveCount(1000 - rejected);
    }

    [Fact]
    public async Task LostAckRate_Placements_AreAllPlacedButSomeAnswersAreLost()
    {
        var f = WithFaults(new PaperFaultOptions { LostAckRate = 0.2, TimeoutAfter = TimeSpan.Zero });

        var lost = 0;
        for (var i = 0; i < 1000; i++)
        {
            if ((await f.Venue.PlaceAsync(f.BuyYes(1, 0.40m))).Error is VenueTimeout)
                lost++;
        }

        lost.Should().BeInRange(150, 250);
        f.Venue.Records.Placements.Should().HaveCount(1000);
    }

    [Fact]
    public void Methods_InvalidArguments_ThrowNamingThem()
    {
        var f = new PaperFixture();

        FluentActions.Invoking(() => f.Venue.Faults.StartOutage(TimeSpan.Zero)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("duration");
        FluentActions.Invoking(() => f.Venue.Faults.LoseNextAcks(-1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("count");
        FluentActions.Invoking(() => f.Venue.Faults.FailNext(1, null!)).Should().Throw<ArgumentNullException>().WithParameterName("error");
        FluentActions.Invoking(() => f.Venue.Faults.RejectNextPlacements(1, " ")).Should().Throw<ArgumentException>().WithParameterName("reason");
    }

    [Fact]
    public async Task Reset_ScriptedFaults_AreForgotten()
    {
        var f = new PaperFixture();
        f.Venue.Faults.StartOutage(TimeSpan.FromHours(1));
        f.Venue.Faults.FailNext(3, new VenueNetworkError("reset"));
        f.Venue.Faults.LoseNextAcks(3);

        f.Venue.Faults.Reset();

        (await f.Venue.PlaceAsync(f.BuyYes(1, 0.40m))).IsSuccess.Should().BeTrue();
    }
}
