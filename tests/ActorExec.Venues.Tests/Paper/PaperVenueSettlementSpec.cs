using ActorExec.Venues.Paper;

namespace ActorExec.Venues.Tests.Paper;

public sealed class PaperVenueSettlementSpec
{
    private static PaperFixture OnChain(double failureRate = 0) => new(o => o with
    {
        SettlesOnChain = true,
        Settlement = new PaperSettlementOptions { FailureRate = failureRate },
    });

    [Fact]
    public async Task GetOrder_OnChainVenue_GoesFilledThenMinedThenConfirmedOnTheClock()
    {
        var f = OnChain();
        var t0 = f.Now;
        f.Lp(Side.Sell, 0.40m, 10);
        var placed = await f.Place(f.BuyYes(10, 0.40m, TimeInForce.Ioc));

        placed.Status.Should().Be(VenueOrderStatus.Filled);
        placed.TransactionHash.Should().BeNull();
        f.Time.Advance(TimeSpan.FromSeconds(2) - TimeSpan.FromTicks(1));
        (await f.Order(placed.VenueOrderId)).Status.Should().Be(VenueOrderStatus.Filled);

        f.Time.Advance(TimeSpan.FromTicks(1));
        var mined = await f.Order(placed.VenueOrderId);
        mined.Status.Should().Be(VenueOrderStatus.Mined);
        mined.UpdatedAt.Should().Be(t0.AddSeconds(2));
        mined.TransactionHash.Should().MatchRegex("^0x[0-9a-f]{64}$");

        f.Time.Advance(TimeSpan.FromSeconds(3));
        var confirmed = await f.Order(placed.VenueOrderId);
        confirmed.Status.Should().Be(VenueOrderStatus.Confirmed);
        confirmed.UpdatedAt.Should().Be(t0.AddSeconds(5));
        confirmed.TransactionHash.Should().Be(mined.TransactionHash);
    }

    [Fact]
    public async Task GetOrder_SettlementFails_ReportsFailedFromMiningAndReversesThePosition()
    {
        var f = OnChain(failureRate: 1);
        f.Lp(Side.Sell, 0.40m, 10);
        var placed = await f.Place(f.BuyYes(10, 0.40m, TimeInForce.Ioc));
        (await f.Position(PaperFixture.Binary, Outcome.Yes)).Should().Be(10);

        f.Time.Advance(TimeSpan.FromSeconds(2));
        var failed = await f.Order(placed.VenueOrderId);

        failed.Status.Should().Be(VenueOrderStatus.Failed);
        failed.Detail.Should().Be("settlement reverted");
        (await f.Position(PaperFixture.Binary, Outcome.Yes)).Should().Be(0);
        (await f.Venue.GetFillsAsync(null, 10)).Value.Fills.Should().ContainSingle("voided fills stay in the feed");
        f.Time.Advance(TimeSpan.FromMinutes(1));
        (await f.Order(placed.VenueOrderId)).Status.Should().Be(VenueOrderStatus.Failed);
        (await f.Position(PaperFixture.Binary, Outcome.Yes)).Should().Be(0);
    }

    [Fact]
    public async Task GetPositions_FailedSettlementOfARestingOrderFilledLater_ReversesOnlyThatOrder()
    {
        var f = OnChain(failureRate: 1);
        var resting = await f.Place(f.BuyYes(4, 0.40m));
        var other = await f.Place(f.BuyYes(4, 0.39m));
        f.Lp(Side.Sell, 0.39m, 6);

        (await f.Position(PaperFixture.Binary, Outcome.Yes)).Should().Be(6);
        f.Time.Advance(TimeSpan.FromSeconds(2));

        // The fully matched order (4) reverts; the partially filled one (2 of 4) keeps resting and its fills stand.
        (await f.Position(PaperFixture.Binary, Outcome.Yes)).Should().Be(2);
        (await f.Order(resting.VenueOrderId)).Status.Should().Be(VenueOrderStatus.Failed);
        (await f.Order(other.VenueOrderId)).Status.Should().Be(VenueOrderStatus.PartiallyFilled);
    }

    [Fact]
    public async Task Place_VenueThatSettlesOnMatch_ConfirmsAtOnceWithoutTransaction()
    {
        var f = new PaperFixture();
        f.Lp(Side.Sell, 0.40m, 10);

        var report = await f.Place(f.BuyYes(10, 0.40m, TimeInForce.Fok));

        report.Status.Should().Be(VenueOrderStatus.Confirmed);
        report.TransactionHash.Should().BeNull();
    }

    [Fact]
    public async Task GetOrder_PartiallyFilledThenCancelledOnChain_IsNotSettledAtOrderLevel()
    {
        var f = OnChain(failureRate: 1);
        f.Lp(Side.Sell, 0.40m, 4);
        var placed = await f.Place(f.BuyYes(10, 0.40m, TimeInForce.Ioc));

        f.Time.Advance(TimeSpan.FromSeconds(10));

        (await f.Order(placed.VenueOrderId)).Status.Should().Be(VenueOrderStatus.Cancelled);
        (await f.Position(PaperFixture.Binary, Outcome.Yes)).Should().Be(4);
    }
}
