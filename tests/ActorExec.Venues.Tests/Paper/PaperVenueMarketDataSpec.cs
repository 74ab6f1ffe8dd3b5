using ActorExec.Venues.Paper;

namespace ActorExec.Venues.Tests.Paper;

public sealed class PaperVenueMarketDataSpec
{
    [Fact]
    public async Task GetBook_BinaryMarket_AggregatesPerPriceAndMirrorsTheNoSides()
    {
        var f = new PaperFixture();
        f.Lp(Side.Buy, 0.60m, 10);
        f.Lp(Side.Buy, 0.60m, 5);
        f.Lp(Side.Buy, 0.59m, 5);
        f.Lp(Side.Sell, 0.62m, 7);

        var book = (await f.Venue.GetBookAsync(PaperFixture.Binary)).Value;

        book.YesBids.Should().Equal(Level(0.60m, 15), Level(0.59m, 5));
        book.YesAsks.Should().Equal(Level(0.62m, 7));
        book.NoAsks.Should().Equal(Level(0.40m, 15), Level(0.41m, 5));
        book.NoBids.Should().Equal(Level(0.38m, 7));
        book.BestAsk(Outcome.No).Should().Be(Level(0.40m, 15));
        book.At.Should().Be(f.Now);
    }

    [Fact]
    public async Task GetBook_LinearMarket_LeavesTheNoSidesEmpty()
    {
        var f = new PaperFixture();
        f.Lp(Side.Buy, 2999.99m, 1.5m, PaperFixture.Linear);

        var book = (await f.Venue.GetBookAsync(PaperFixture.Linear)).Value;

        book.Kind.Should().Be(InstrumentKind.Linear);
        book.YesBids.Should().Equal(Level(2999.99m, 1.5m));
        book.NoBids.Should().BeEmpty();
        book.NoAsks.Should().BeEmpty();
    }

    [Fact]
    public async Task GetBook_UnknownMarket_IsNotFound()
    {
        var f = new PaperFixture();

        var result = await f.Venue.GetBookAsync(new MarketId("nope"));

        result.Error.Should().BeOfType<VenueNotFound>().Which.Message.Should().Contain("nope");
    }

    [Fact]
    public async Task GetMarkets_ListsEveryMarketWithItsRules()
    {
        var f = new PaperFixture();

        var markets = (await f.Venue.GetMarketsAsync()).Value;

        markets.Should().Equal(
            new VenueMarket(PaperFixture.Binary, InstrumentKind.Binary, InstrumentRules.BinaryCents, "m-1", true),
            new VenueMarket(PaperFixture.Linear, InstrumentKind.Linear, PaperFixture.LinearRules, "eth", true));
    }

    [Fact]
    public async Task OrderBookOf_Entries_ShowParticipantsInPriorityOrder()
    {
        var f = new PaperFixture();
        f.Lp(Side.Sell, 0.45m, 3);
        var ours = await f.Place(f.SellYes(2, 0.44m));
        f.Lp(Side.Sell, 0.44m, 4);

        var asks = f.Venue.OrderBookOf(PaperFixture.Binary).Asks;

        asks.Should().Equal(
            new PaperBookEntry(new Price(0.44m), new Quantity(2), PaperParticipant.Ours, ours.VenueOrderId),
            new PaperBookEntry(new Price(0.44m), new Quantity(4), PaperParticipant.LiquidityProvider, null),
            new PaperBookEntry(new Price(0.45m), new Quantity(3), PaperParticipant.LiquidityProvider, null));
    }

    [Fact]
    public async Task ClearLiquidity_RemovesOnlyTheLiquidityProvidersOrders()
    {
        var f = new PaperFixture();
        f.Lp(Side.Sell, 0.45m, 3);
        await f.Place(f.BuyYes(2, 0.40m));

        f.Venue.ClearLiquidity(PaperFixture.Binary);

        var book = f.Venue.OrderBookOf(PaperFixture.Binary);
        book.Asks.Should().BeEmpty();
        book.Bids.Should().ContainSingle().Which.Participant.Should().Be(PaperParticipant.Ours);
    }

    [Fact]
    public void AddLiquidity_InvalidArguments_Throw()
    {
        var f = new PaperFixture();

        FluentActions.Invoking(() => f.Lp(Side.Buy, 0.405m, 1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("price");
        FluentActions.Invoking(() => f.Lp(Side.Buy, 0.40m, 0.5m)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("quantity");
        FluentActions.Invoking(() => f.Lp(Side.Buy, 0.40m, 1, new MarketId("nope"))).Should().Throw<ArgumentException>().WithParameterName("market");
    }

    private static Trading.Slippage.BookLevel Level(decimal price, decimal size) => new(new Price(price), new Quantity(size));
}
