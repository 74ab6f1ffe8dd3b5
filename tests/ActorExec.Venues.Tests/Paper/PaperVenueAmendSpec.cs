using ActorExec.Venues.Paper;

namespace ActorExec.Venues.Tests.Paper;

public sealed class PaperVenueAmendSpec
{
    [Fact]
    public async Task Cancel_RestingOrder_IsCancelledByRequestAndLeavesTheBook()
    {
        var f = new PaperFixture();
        var order = await f.Place(f.BuyYes(5, 0.40m));

        var report = (await f.Venue.CancelAsync(order.VenueOrderId)).Value;

        report.Status.Should().Be(VenueOrderStatus.Cancelled);
        report.Detail.Should().Be("cancelled by request");
        f.Venue.OrderBookOf(PaperFixture.Binary).Bids.Should().BeEmpty();
        (await f.Venue.GetOpenOrdersAsync(PaperFixture.Binary)).Value.Should().BeEmpty();
        f.Venue.Records.CancelCalls.Should().Be(1);
    }

    [Fact]
    public async Task Cancel_PartiallyFilledOrder_KeepsItsFills()
    {
        var f = new PaperFixture();
        var order = await f.Place(f.BuyYes(5, 0.40m));
        f.Lp(Side.Sell, 0.40m, 2);

        var report = (await f.Venue.CancelAsync(order.VenueOrderId)).Value;

        report.Status.Should().Be(VenueOrderStatus.Cancelled);
        report.Filled.Value.Should().Be(2);
        (await f.Position(PaperFixture.Binary, Outcome.Yes)).Should().Be(2);
    }

    [Fact]
    public async Task Cancel_TerminalOrder_ReturnsItsCurrentReportWithoutError()
    {
        var f = new PaperFixture();
        f.Lp(Side.Sell, 0.40m, 5);
        var filled = await f.Place(f.BuyYes(5, 0.40m));

        var report = (await f.Venue.CancelAsync(filled.VenueOrderId)).Value;

        report.Status.Should().Be(VenueOrderStatus.Confirmed);
        var again = (await f.Venue.CancelAsync(filled.VenueOrderId)).Value;
        again.Should().BeEquivalentTo(report);
    }

    [Fact]
    public async Task Cancel_UnknownOrder_IsNotFound()
    {
        var f = new PaperFixture();

        var result = await f.Venue.CancelAsync(new VenueOrderId("paper-a-o99"));

        result.Error.Should().BeOfType<VenueNotFound>().Which.Message.Should().Contain("paper-a-o99");
    }

    [Fact]
    public async Task Modify_SizeDecrease_KeepsTimePriority()
    {
        var f = new PaperFixture();
        var first = await f.Place(f.BuyYes(5, 0.40m));
        var second = await f.Place(f.BuyYes(5, 0.40m));

        var modified = (await f.Venue.ModifyAsync(first.VenueOrderId, null, new Quantity(3))).Value;
        f.Lp(Side.Sell, 0.40m, 3);

        modified.Size.Value.Should().Be(3);
        (await f.Order(first.VenueOrderId)).Status.Should().Be(VenueOrderStatus.Confirmed);
        (await f.Order(second.VenueOrderId)).Filled.Value.Should().Be(0);
        f.Venue.Records.ModifyCalls.Should().Be(1);
    }

    [Fact]
    public async Task Modify_SizeIncrease_LosesTimePriority()
    {
        var f = new PaperFixture();
        var first = await f.Place(f.BuyYes(5, 0.40m));
        var second = await f.Place(f.BuyYes(5, 0.40m));

        await f.Venue.ModifyAsync(first.VenueOrderId, null, new Quantity(6));
        f.Lp(Side.Sell, 0.40m, 5);

        (await f.Order(second.VenueOrderId)).Filled.Value.Should().Be(5);
        (await f.Order(first.VenueOrderId)).Filled.Value.Should().Be(0);
    }

    [Fact]
    public async Task Modify_PriceChange_LosesTimePriority()
    {
        var f = new PaperFixture();
        var first = await f.Place(f.BuyYes(5, 0.41m));
        var second = await f.Place(f.BuyYes(5, 0.40m));

        await f.Venue.ModifyAsync(first.VenueOrderId, new Price(0.40m), null);
        f.Lp(Side.Sell, 0.40m, 5);

        (await f.Order(second.VenueOrderId)).Filled.Value.Should().Be(5);
        (await f.Order(first.VenueOrderId)).LimitPrice!.Value.Value.Should().Be(0.40m);
    }

    [Fact]
    public async Task Modify_PriceThatCrosses_FillsAtOnceAsTaker()
    {
        var f = new PaperFixture();
        f.Lp(Side.Sell, 0.45m, 5);
        var order = await f.Place(f.BuyYes(5, 0.40m));

        var report = (await f.Venue.ModifyAsync(order.VenueOrderId, new Price(0.45m), null)).Value;

        report.Status.Should().Be(VenueOrderStatus.Confirmed);
        report.Fills.Should().ContainSingle().Which.IsMaker.Should().BeFalse();
    }

    [Fact]
    public async Task Modify_PostOnlyToACrossingPrice_IsRejectedAndUnchanged()
    {
        var f = new PaperFixture();
        f.Lp(Side.Sell, 0.45m, 5);
        var order = await f.Place(f.Intent(Side.Buy, Outcome.Yes, 5, 0.40m, OrderType.PostOnly));

        var result = await f.Venue.ModifyAsync(order.VenueOrderId, new Price(0.45m), null);

        result.Error.Should().BeOfType<VenueRejected>().Which.VenueCode.Should().Be(PaperRejectCodes.PostOnlyWouldCross);
        (await f.Order(order.VenueOrderId)).LimitPrice!.Value.Value.Should().Be(0.40m);
    }

    [Fact]
    public async Task Modify_SizeBelowFilled_IsRejectedAsInvalidSize()
    {
        var f = new PaperFixture();
        var order = await f.Place(f.BuyYes(5, 0.40m));
        f.Lp(Side.Sell, 0.40m, 3);

        var result = await f.Venue.ModifyAsync(order.VenueOrderId, null, new Quantity(2));

        result.Error.Should().BeOfType<VenueRejected>().Which.VenueCode.Should().Be(PaperRejectCodes.InvalidSize);
        result.Error!.Message.Should().Contain("newSize 2").And.Contain("3 already filled");
    }

    [Fact]
    public async Task Modify_SizeDownToFilled_CompletesTheOrder()
    {
        var f = new PaperFixture();
        var order = await f.Place(f.BuyYes(5, 0.40m));
        f.Lp(Side.Sell, 0.40m, 3);

        var report = (await f.Venue.ModifyAsync(order.VenueOrderId, null, new Quantity(3))).Value;

        report.Status.Should().Be(VenueOrderStatus.Confirmed);
        f.Venue.OrderBookOf(PaperFixture.Binary).Bids.Should().BeEmpty();
    }

    [Fact]
    public async Task Modify_InvalidPrice_IsRejectedNamingIt()
    {
        var f = new PaperFixture();
        var order = await f.Place(f.BuyYes(5, 0.40m));

        var result = await f.Venue.ModifyAsync(order.VenueOrderId, new Price(0.405m), null);

        result.Error.Should().BeOfType<VenueRejected>().Which.VenueCode.Should().Be(PaperRejectCodes.InvalidPrice);
        result.Error!.Message.Should().Contain("newPrice 0.405");
    }

    [Fact]
    public async Task Modify_OrderNoLongerResting_IsRejectedAsNotOpen()
    {
        var f = new PaperFixture();
        var order = await f.Place(f.BuyYes(5, 0.40m));
        await f.Venue.CancelAsync(order.VenueOrderId);

        var result = await f.Venue.ModifyAsync(order.VenueOrderId, new Price(0.41m), null);

        result.Error.Should().BeOfType<VenueRejected>().Which.VenueCode.Should().Be(PaperRejectCodes.OrderNotOpen);
        result.Error!.Message.Should().Contain("Cancelled");
    }

    [Fact]
    public async Task Modify_NothingToChange_IsRejected()
    {
        var f = new PaperFixture();
        var order = await f.Place(f.BuyYes(5, 0.40m));

        var result = await f.Venue.ModifyAsync(order.VenueOrderId, null, null);

        result.Error.Should().BeOfType<VenueRejected>().Which.VenueCode.Should().Be(PaperRejectCodes.InvalidModify);
    }

    [Fact]
    public async Task Modify_VenueWithoutAmendments_IsRejected()
    {
        var f = new PaperFixture(o => o with { SupportsModify = false });
        var order = await f.Place(f.BuyYes(5, 0.40m));

        var result = await f.Venue.ModifyAsync(order.VenueOrderId, new Price(0.41m), null);

        f.Venue.Capabilities.SupportsModify.Should().BeFalse();
        result.Error.Should().BeOfType<VenueRejected>().Which.VenueCode.Should().Be(PaperRejectCodes.ModifyNotSupported);
    }

    [Fact]
    public async Task Modify_UnknownOrder_IsNotFound()
    {
        var f = new PaperFixture();

        var result = await f.Venue.ModifyAsync(new VenueOrderId("paper-a-o42"), new Price(0.41m), null);

        result.Error.Should().BeOfType<VenueNotFound>();
    }

    [Fact]
    public async Task GetOrder_GtdPastItsExpiry_IsExpiredAtTheExpiryTime()
    {
        var f = new PaperFixture();
        var expiry = f.Now.AddSeconds(10);
        var order = await f.Place(f.Intent(Side.Buy, Outcome.Yes, 5, 0.40m, tif: TimeInForce.Gtd, expiresAt: expiry));

        f.Time.Advance(TimeSpan.FromSeconds(9.999));
        (await f.Order(order.VenueOrderId)).Status.Should().Be(VenueOrderStatus.Open);
        f.Time.Advance(TimeSpan.FromSeconds(5));
        var report = await f.Order(order.VenueOrderId);

        report.Status.Should().Be(VenueOrderStatus.Expired);
        report.UpdatedAt.Should().Be(expiry);
        report.Detail.Should().Contain("expired");
        f.Venue.OrderBookOf(PaperFixture.Binary).Bids.Should().BeEmpty();
    }

    [Fact]
    public async Task AddLiquidity_AfterGtdExpiry_DoesNotTradeWithTheExpiredOrder()
    {
        var f = new PaperFixture();
        var order = await f.Place(f.Intent(Side.Buy, Outcome.Yes, 5, 0.40m, tif: TimeInForce.Gtd, expiresAt: f.Now.AddSeconds(1)));
        f.Time.Advance(TimeSpan.FromSeconds(2));

        f.Lp(Side.Sell, 0.40m, 5);

        (await f.Order(order.VenueOrderId)).Filled.Value.Should().Be(0);
        f.Venue.OrderBookOf(PaperFixture.Binary).Asks.Should().ContainSingle();
    }
}
