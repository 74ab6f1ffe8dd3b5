using ActorExec.Trading.Slippage;

namespace ActorExec.Trading.Tests.Slippage;

public sealed class OrderBookSideSpec
{
    private static BookLevel Level(decimal price, decimal size) => new(new Price(price), new Quantity(size));

    [Fact]
    public void Asks_AscendingLevels_KeptInOrderWithTheirVisibleSize()
    {
        var asks = OrderBookSide.Asks(Level(0.50m, 10m), Level(0.51m, 20m), Level(0.53m, 5m));

        asks.Side.Should().Be(BookSide.Asks);
        asks.Levels.Select(level => level.Price.Value).Should().Equal(0.50m, 0.51m, 0.53m);
        asks.VisibleSize.Should().Be(new Quantity(35m));
        asks.Best.Should().Be(Level(0.50m, 10m));
    }

    [Fact]
    public void Bids_DescendingLevels_Accepted()
        => OrderBookSide.Bids(Level(0.50m, 10m), Level(0.49m, 20m)).VisibleSize.Should().Be(new Quantity(30m));

    [Fact]
    public void Asks_Empty_HasNoBestAndNoSize()
    {
        var asks = OrderBookSide.Asks();

        asks.Best.Should().BeNull();
        asks.VisibleSize.Should().Be(Quantity.Zero);
    }

    [Fact]
    public void Asks_NotAscending_ThrowsNamingTheLevels()
    {
        var act = () => OrderBookSide.Asks(Level(0.51m, 10m), Level(0.50m, 10m));

        act.Should().Throw<ArgumentException>().WithParameterName("levels").WithMessage("*best first*levels[0].Price 0.51 then levels[1].Price 0.5*");
    }

    [Fact]
    public void Bids_Ascending_Throws()
    {
        var act = () => OrderBookSide.Bids(Level(0.49m, 10m), Level(0.50m, 10m));

        act.Should().Throw<ArgumentException>().WithParameterName("levels").WithMessage("*strictly descending*");
    }

    [Fact]
    public void Asks_TwoLevelsAtOnePrice_Throws()
    {
        var act = () => OrderBookSide.Asks(Level(0.50m, 10m), Level(0.50m, 5m));

        act.Should().Throw<ArgumentException>().WithParameterName("levels");
    }

    [Fact]
    public void Asks_ZeroSizeLevel_ThrowsNamingTheLevel()
    {
        var act = () => OrderBookSide.Asks(Level(0.50m, 10m), Level(0.51m, 0m));

        act.Should().Throw<ArgumentException>().WithParameterName("levels").WithMessage("*levels[1].Size must be positive*");
    }

    [Fact]
    public void Asks_DefaultPrice_ThrowsNamingTheLevel()
    {
        var act = () => OrderBookSide.Asks(new BookLevel(default, new Quantity(10m)));

        act.Should().Throw<ArgumentException>().WithParameterName("levels").WithMessage("*levels[0].Price must be positive*");
    }

    [Fact]
    public void Walk_AcrossSeveralLevels_TakesBestFirstAndStopsWhenFilled()
    {
        var asks = OrderBookSide.Asks(Level(0.50m, 10m), Level(0.51m, 20m), Level(0.53m, 5m));

        var walk = asks.Walk(new Quantity(25m));

        walk.Filled.Should().Be(new Quantity(25m));
        walk.Cost.Should().Be(12.65m); // 10 × 0.50 + 15 × 0.51
        walk.LevelsUsed.Should().Be(2);
        walk.AveragePrice.Should().Be(new Price(0.506m));
    }

    [Fact]
    public void Walk_LargerThanTheBook_FillsWhatThereIs()
    {
        var walk = OrderBookSide.Asks(Level(0.50m, 10m)).Walk(new Quantity(25m));

        walk.Filled.Should().Be(new Quantity(10m));
        walk.LevelsUsed.Should().Be(1);
    }

    [Fact]
    public void Walk_EmptyBook_FillsNothingAndHasNoAveragePrice()
        => OrderBookSide.Asks().Walk(new Quantity(1m)).AveragePrice.Should().BeNull();

    [Theory]
    [InlineData(Side.Buy, BookSide.Asks)]
    [InlineData(Side.Sell, BookSide.Bids)]
    public void TakenBy_OrderSide_IsTheOppositeBookSide(Side side, BookSide expected)
        => OrderBookSide.TakenBy(side).Should().Be(expected);
}
