using ActorExec.Trading.Execution;
using ActorExec.Venues.Paper;

namespace ActorExec.Venues.Tests.Paper;

public sealed class PaperVenueMatchingSpec
{
    [Fact]
    public async Task Place_TwoRestingOrdersAtOnePrice_FillInArrivalOrder()
    {
        var f = new PaperFixture();
        var first = await f.Place(f.SellYes(5, 0.50m));
        var second = await f.Place(f.SellYes(5, 0.50m));

        f.Lp(Side.Buy, 0.50m, 7);

        (await f.Order(first.VenueOrderId)).Filled.Value.Should().Be(5);
        var secondNow = await f.Order(second.VenueOrderId);
        secondNow.Filled.Value.Should().Be(2);
        secondNow.Status.Should().Be(VenueOrderStatus.PartiallyFilled);
    }

    [Fact]
    public async Task Place_BetterPricedLaterOrder_FillsFirst()
    {
        var f = new PaperFixture();
        var early = await f.Place(f.SellYes(5, 0.50m));
        var better = await f.Place(f.SellYes(5, 0.49m));

        f.Lp(Side.Buy, 0.50m, 5);

        (await f.Order(better.VenueOrderId)).Filled.Value.Should().Be(5);
        (await f.Order(early.VenueOrderId)).Filled.Value.Should().Be(0);
    }

    [Fact]
    public async Task Place_IncomingLimit_ExecutesAtTheRestingPrice()
    {
        var f = new PaperFixture();
        f.Lp(Side.Sell, 0.41m, 10);

        var report = await f.Place(f.BuyYes(10, 0.45m));

        report.Fills.Should().ContainSingle().Which.Price.Value.Should().Be(0.41m);
        report.Fills[0].IsMaker.Should().BeFalse();
    }

    [Fact]
    public async Task Place_LargerThanTheBestLevel_PartiallyFillsAndRestsTheRemainder()
    {
        var f = new PaperFixture();
        f.Lp(Side.Sell, 0.40m, 4);

        var report = await f.Place(f.BuyYes(10, 0.40m));

        report.Status.Should().Be(VenueOrderStatus.PartiallyFilled);
        report.Filled.Value.Should().Be(4);
        report.Remaining.Value.Should().Be(6);
        var book = f.Venue.OrderBookOf(PaperFixture.Binary);
        book.Bids.Should().ContainSingle().Which.Should().Be(new PaperBookEntry(new Price(0.40m), new Quantity(6), PaperParticipant.Ours, report.VenueOrderId));
        book.Asks.Should().BeEmpty();
    }

    [Fact]
    public async Task Place_GtcWithNothingToMatch_RestsOpen()
    {
        var f = new PaperFixture();

        var report = await f.Place(f.BuyYes(10, 0.40m));

        report.Status.Should().Be(VenueOrderStatus.Open);
        report.Fills.Should().BeEmpty();
        (await f.Venue.GetOpenOrdersAsync()).Value.Should().ContainSingle().Which.VenueOrderId.Should().Be(report.VenueOrderId);
    }

    [Theory]
    [InlineData(TimeInForce.Ioc)]
    [InlineData(TimeInForce.Fak)]
    public async Task Place_ImmediateOrCancel_FillsWhatItCanAndCancelsTheRemainder(TimeInForce tif)
    {
        var f = new PaperFixture();
        f.Lp(Side.Sell, 0.40m, 4);
        f.Lp(Side.Sell, 0.42m, 10);

        var report = await f.Place(f.BuyYes(10, 0.41m, tif));

        report.Status.Should().Be(VenueOrderStatus.Cancelled);
        report.Filled.Value.Should().Be(4);
        report.Detail.Should().Contain("remainder of 6 cancelled");
        f.Venue.OrderBookOf(PaperFixture.Binary).Bids.Should().BeEmpty();
    }

    [Fact]
    public async Task Place_IocFullyFilled_IsConfirmedOnAVenueThatSettlesOnMatch()
    {
        var f = new PaperFixture();
        f.Lp(Side.Sell, 0.40m, 10);

        var report = await f.Place(f.BuyYes(10, 0.40m, TimeInForce.Ioc));

        report.Status.Should().Be(VenueOrderStatus.Confirmed);
        report.UpdatedAt.Should().Be(f.Now);
    }

    [Fact]
    public async Task Place_FokNotFullyFillable_FillsNothingAndLeavesTheBook()
    {
        var f = new PaperFixture();
        f.Lp(Side.Sell, 0.40m, 4);
        f.Lp(Side.Sell, 0.41m, 4);

        var report = await f.Place(f.BuyYes(10, 0.41m, TimeInForce.Fok));

        report.Status.Should().Be(VenueOrderStatus.Cancelled);
        report.Filled.Value.Should().Be(0);
        report.Detail.Should().Contain("FOK").And.Contain("only 8 of 10");
        f.Venue.OrderBookOf(PaperFixture.Binary).Asks.Sum(a => a.Remaining.Value).Should().Be(8);
    }

    [Fact]
    public async Task Place_FokFullyFillable_FillsEverythingAcrossLevels()
    {
        var f = new PaperFixture();
        f.Lp(Side.Sell, 0.40m, 4);
        f.Lp(Side.Sell, 0.41m, 6);

        var report = await f.Place(f.BuyYes(10, 0.41m, TimeInForce.Fok));

        report.Status.Should().Be(VenueOrderStatus.Confirmed);
        report.Fills.Select(x => (x.Quantity.Value, x.Price.Value)).Should().Equal((4m, 0.40m), (6m, 0.41m));
    }

    [Fact]
    public async Task Place_MarketOrder_WalksTheLevelsWithoutALimit()
    {
        var f = new PaperFixture();
        f.Lp(Side.Sell, 0.41m, 5);
        f.Lp(Side.Sell, 0.42m, 5);
        f.Lp(Side.Sell, 0.95m, 10);

        var report = await f.Place(f.Intent(Side.Buy, Outcome.Yes, 12, null, OrderType.Market, TimeInForce.Ioc));

        report.Status.Should().Be(VenueOrderStatus.Confirmed);
        report.LimitPrice.Should().BeNull();
        report.Fills.Select(x => (x.Quantity.Value, x.Price.Value)).Should().Equal((5m, 0.41m), (5m, 0.42m), (2m, 0.95m));
    }

    [Fact]
    public async Task Place_MarketOrderOnAnEmptyBook_IsCancelledUnfilled()
    {
        var f = new PaperFixture();

        var report = await f.Place(f.Intent(Side.Sell, Outcome.Yes, 5, null, OrderType.Market, TimeInForce.Fak));

        report.Status.Should().Be(VenueOrderStatus.Cancelled);
        report.Filled.Value.Should().Be(0);
    }

    [Fact]
    public async Task Place_PostOnlyThatWouldCross_IsRejectedAndNotRecorded()
    {
        var f = new PaperFixture();
        f.Lp(Side.Sell, 0.41m, 5);

        var error = await f.PlaceFails(f.Intent(Side.Buy, Outcome.Yes, 5, 0.41m, OrderType.PostOnly));

        error.Should().BeOfType<VenueRejected>().Which.VenueCode.Should().Be(PaperRejectCodes.PostOnlyWouldCross);
        error.Message.Should().Contain("0.41");
        f.Venue.Records.Placements.Should().BeEmpty();
    }

    [Fact]
    public async Task Place_PostOnlyThatDoesNotCross_Rests()
    {
        var f = new PaperFixture();
        f.Lp(Side.Sell, 0.41m, 5);

        var report = await f.Place(f.Intent(Side.Buy, Outcome.Yes, 5, 0.40m, OrderType.PostOnly));

        report.Status.Should().Be(VenueOrderStatus.Open);
        f.Venue.OrderBookOf(PaperFixture.Binary).Bids.Should().ContainSingle().Which.Participant.Should().Be(PaperParticipant.Ours);
    }

    [Fact]
    public async Task Place_BuyNo_MatchesTheYesBidAtOneMinusItsPriceAndReportsANoPrice()
    {
        var f = new PaperFixture();
        f.Lp(Side.Buy, 0.60m, 10);

        var report = await f.Place(f.Intent(Side.Buy, Outcome.No, 10, 0.40m, tif: TimeInForce.Ioc));

        report.Status.Should().Be(VenueOrderStatus.Confirmed);
        report.Fills.Should().ContainSingle().Which.Price.Value.Should().Be(0.40m);
        report.Fills[0].Outcome.Should().Be(Outcome.No);
        (await f.Position(PaperFixture.Binary, Outcome.No)).Should().Be(10);
        (await f.Position(PaperFixture.Binary, Outcome.Yes)).Should().Be(0);
    }

    [Fact]
    public async Task Place_BuyNoWithRoom_GetsTheBetterNoPriceOfTheRestingYesBid()
    {
        var f = new PaperFixture();
        f.Lp(Side.Buy, 0.60m, 10);

        var report = await f.Place(f.Intent(Side.Buy, Outcome.No, 10, 0.45m, tif: TimeInForce.Ioc));

        report.Fills[0].Price.Value.Should().Be(0.40m);
    }

    [Fact]
    public async Task Place_RestingSellNo_SitsAsAYesBid()
    {
        var f = new PaperFixture();

        var report = await f.Place(f.Intent(Side.Sell, Outcome.No, 3, 0.70m));

        f.Venue.OrderBookOf(PaperFixture.Binary).Bids.Should().ContainSingle().Which.Price.Value.Should().Be(0.30m);
        report.LimitPrice!.Value.Value.Should().Be(0.70m);
        f.Lp(Side.Sell, 0.30m, 3);
        var filled = await f.Order(report.VenueOrderId);
        filled.Fills.Should().ContainSingle().Which.Should().Match<VenueFill>(x => x.Price.Value == 0.70m && x.IsMaker && x.Side == Side.Sell);
        (await f.Position(PaperFixture.Binary, Outcome.No)).Should().Be(-3);
    }

    [Fact]
    public async Task Place_TakerOnKalshiLikeVenue_PaysTheKalshiTakerFee()
    {
        var f = new PaperFixture(o => o with { TakerFees = FeeSchedule.KalshiTaker, MakerFees = FeeSchedule.KalshiMaker });
        f.Lp(Side.Sell, 0.40m, 10);

        var report = await f.Place(f.BuyYes(10, 0.40m, TimeInForce.Ioc));

        // ceil(0.07 × 10 × 0.40 × 0.60 = 0.168) → 0.17
        report.Fills.Should().ContainSingle().Which.Fee.Should().Be(0.17m);
    }

    [Fact]
    public async Task Place_RestingOrderFilledLater_PaysTheKalshiMakerFee()
    {
        var f = new PaperFixture(o => o with { TakerFees = FeeSchedule.KalshiTaker, MakerFees = FeeSchedule.KalshiMaker });
        var resting = await f.Place(f.BuyYes(10, 0.40m));

        f.Lp(Side.Sell, 0.40m, 10);

        // ceil(0.0175 × 10 × 0.40 × 0.60 = 0.042) → 0.05
        var fill = (await f.Order(resting.VenueOrderId)).Fills.Should().ContainSingle().Subject;
        fill.IsMaker.Should().BeTrue();
        fill.Fee.Should().Be(0.05m);
    }

    [Fact]
    public async Task Place_FeePerFill_IsChargedOnEachFillSeparately()
    {
        var f = new PaperFixture(o => o with { TakerFees = FeeSchedule.KalshiTaker });
        f.Lp(Side.Sell, 0.50m, 1);
        f.Lp(Side.Sell, 0.51m, 1);

        var report = await f.Place(f.BuyYes(2, 0.51m, TimeInForce.Ioc));

        report.Fills.Select(x => x.Fee).Should().Equal(0.02m, 0.02m);
    }

    [Fact]
    public async Task Place_OurOwnOrdersCross_SelfMatchIsAllowed()
    {
        var f = new PaperFixture();
        var resting = await f.Place(f.SellYes(5, 0.50m));

        var taker = await f.Place(f.BuyYes(5, 0.50m));

        taker.Status.Should().Be(VenueOrderStatus.Confirmed);
        (await f.Order(resting.VenueOrderId)).Status.Should().Be(VenueOrderStatus.Confirmed);
        (await f.Position(PaperFixture.Binary, Outcome.Yes)).Should().Be(0);
        (await f.Venue.GetFillsAsync(null, 10)).Value.Fills.Should().HaveCount(2);
    }

    [Fact]
    public async Task Place_Ids_AreSequentialPerVenue()
    {
        var f = new PaperFixture();
        f.Lp(Side.Sell, 0.40m, 10);

        var first = await f.Place(f.BuyYes(5, 0.40m));
        var second = await f.Place(f.BuyYes(5, 0.40m));

        first.VenueOrderId.Value.Should().Be("paper-a-o1");
        second.VenueOrderId.Value.Should().Be("paper-a-o2");
        second.Fills[0].FillId.Value.Should().Be("paper-a-f2");
    }

    [Fact]
    public async Task Place_LinearMarket_TradesOneBookWithoutOutcome()
    {
        var f = new PaperFixture();
        f.Lp(Side.Sell, 3000.5m, 2m, PaperFixture.Linear);

        var report = await f.Place(f.Intent(Side.Buy, null, 0.5m, 3001m, tif: TimeInForce.Ioc, market: PaperFixture.Linear));

        report.Fills.Should().ContainSingle().Which.Price.Value.Should().Be(3000.5m);
        (await f.Position(PaperFixture.Linear, null)).Should().Be(0.5m);
    }
}
