using ActorExec.Trading.Positions;
using static ActorExec.Trading.Tests.Positions.Fills;

namespace ActorExec.Trading.Tests.Positions;

public sealed class PositionBookSpec
{
    [Fact]
    public void ApplyFill_Buy_AddsContractsCostAndFee()
    {
        var book = PositionBook.Empty.ApplyFill(Buy(10m, 0.40m, fee: 0.07m));

        var position = book.Get(Key());
        position.Contracts.Should().Be(10m);
        position.CostBasis.Should().Be(4.00m);
        position.AverageEntryPrice.Should().Be(0.40m);
        position.FeesPaid.Should().Be(0.07m);
    }

    [Fact]
    public void ApplyFill_OpeningFee_IsExpensedAsRealizedPnl()
    {
        var book = PositionBook.Empty.ApplyFill(Buy(10m, 0.40m, fee: 0.07m));

        book.Get(Key()).RealizedPnl.Should().Be(-0.07m);
        book.TotalRealizedPnl.Should().Be(-0.07m);
        book.DailyRealizedPnl(DateOnly.FromDateTime(Day1.UtcDateTime)).Should().Be(-0.07m);
    }

    [Fact]
    public void ApplyFill_TwoBuys_AverageEntryIsQuantityWeighted()
    {
        var book = PositionBook.FromFills([Buy(10m, 0.40m), Buy(30m, 0.60m)]);

        var position = book.Get(Key());
        position.Contracts.Should().Be(40m);
        position.CostBasis.Should().Be(22.00m);
        position.AverageEntryPrice.Should().Be(0.55m);
    }

    [Fact]
    public void ApplyFill_PartialClose_RealizesOnTheClosedPartMinusFee()
    {
        var book = PositionBook.FromFills([Buy(10m, 0.40m), Sell(4m, 0.55m, fee: 0.02m)]);

        var position = book.Get(Key());
        // (0.55 − 0.40) × 4 − 0.02
        position.RealizedPnl.Should().Be(0.58m);
        position.Contracts.Should().Be(6m);
        position.CostBasis.Should().Be(2.40m);
        position.AverageEntryPrice.Should().Be(0.40m);
    }

    [Fact]
    public void ApplyFill_PartialCloseAtALoss_RealizesNegativePnl()
    {
        var book = PositionBook.FromFills([Buy(3m, 0.50m), Buy(3m, 0.60m), Sell(2m, 0.45m)]);

        book.Get(Key()).RealizedPnl.Should().Be(-0.20m);
        book.Get(Key()).AverageEntryPrice.Should().Be(0.55m);
    }

    [Fact]
    public void ApplyFill_PartialCloseOfRepeatingAverage_ThenFullClose_LeavesNoResidue()
    {
        // Average 0.4666…: partial closes carry a repeating basis, the full close takes what is left.
        var book = PositionBook.FromFills([Buy(1m, 0.40m), Buy(2m, 0.50m), Sell(1m, 0.50m), Sell(2m, 0.50m)]);

        var position = book.Get(Key());
        position.IsFlat.Should().BeTrue();
        position.CostBasis.Should().Be(0m);
        position.RealizedPnl.Should().Be(0.10m);
    }

    [Fact]
    public void ApplyFill_FullClose_IsFlatWithNoBasis()
    {
        var book = PositionBook.FromFills([Buy(10m, 0.40m), Sell(10m, 0.45m)]);

        var position = book.Get(Key());
        position.IsFlat.Should().BeTrue();
        position.CostBasis.Should().Be(0m);
        position.AverageEntryPrice.Should().Be(0m);
        position.RealizedPnl.Should().Be(0.50m);
    }

    [Fact]
    public void ApplyFill_SellMoreThanHeld_ClosesTheLongAndOpensAShortAtTheFillPrice()
    {
        var book = PositionBook.FromFills([Buy(10m, 0.40m), Sell(15m, 0.50m, fee: 0.05m)]);

        var position = book.Get(Key());
        // Only the 10 held realize: (0.50 − 0.40) × 10 − 0.05.
        position.RealizedPnl.Should().Be(0.95m);
        position.Contracts.Should().Be(-5m);
        position.CostBasis.Should().Be(-2.50m);
        position.AverageEntryPrice.Should().Be(0.50m);
    }

    [Fact]
    public void ApplyFill_BuyBackPartOfAShort_RealizesAverageMinusPrice()
    {
        var book = PositionBook.FromFills([Sell(10m, 0.60m), Buy(4m, 0.50m, fee: 0.01m)]);

        var position = book.Get(Key());
        // (0.60 − 0.50) × 4 − 0.01
        position.RealizedPnl.Should().Be(0.39m);
        position.Contracts.Should().Be(-6m);
        position.AverageEntryPrice.Should().Be(0.60m);
    }

    [Fact]
    public void ApplyFill_BuyMoreThanShort_FlipsToLongAtTheFillPrice()
    {
        var book = PositionBook.FromFills([Sell(5m, 0.60m), Buy(8m, 0.70m)]);

        var position = book.Get(Key());
        position.RealizedPnl.Should().Be(-0.50m);
        position.Contracts.Should().Be(3m);
        position.AverageEntryPrice.Should().Be(0.70m);
    }

    [Fact]
    public void ApplyFill_ReturnsNewBook_OriginalUnchanged()
    {
        var before = PositionBook.Empty.ApplyFill(Buy(10m, 0.40m));

        var after = before.ApplyFill(Sell(10m, 0.50m));

        after.Should().NotBeSameAs(before);
        before.Get(Key()).Contracts.Should().Be(10m);
        before.TotalRealizedPnl.Should().Be(0m);
        PositionBook.Empty.Positions.Should().BeEmpty();
    }

    [Fact]
    public void ApplyFill_KeysDifferByVenueOrOutcome_AreSeparatePositions()
    {
        var book = PositionBook.FromFills([Buy(1m, 0.40m), Buy(2m, 0.40m, venue: Polymarket), Buy(3m, 0.50m, outcome: Outcome.No)]);

        book.Get(Key()).Contracts.Should().Be(1m);
        book.Get(Key(venue: Polymarket)).Contracts.Should().Be(2m);
        book.Get(Key(Outcome.No)).Contracts.Should().Be(3m);
    }

    [Fact]
    public void Positions_AnyInsertionOrder_AreListedInKeyOrder()
    {
        var book = PositionBook.FromFills([
            Buy(1m, 0.40m, outcome: Outcome.No, venue: Polymarket),
            Buy(1m, 0.40m, market: Cpi),
            Buy(1m, 0.40m, outcome: Outcome.No),
            Buy(1m, 0.40m),
        ]);

        book.Positions.Keys.Should().Equal(Key(market: Cpi), Key(), Key(Outcome.No), Key(Outcome.No, Polymarket));
    }

    [Fact]
    public void Get_NeverTraded_IsFlatWithNoHistory()
    {
        PositionBook.Empty.Get(Key()).Should().Be(Position.Flat(Key()));
    }

    [Fact]
    public void OpenContracts_FlatPositions_AreLeftOut()
    {
        var book = PositionBook.FromFills([Buy(2m, 0.40m), Sell(2m, 0.40m), Buy(3m, 0.50m, outcome: Outcome.No)]);

        book.OpenContracts().Should().Equal(new Dictionary<PositionKey, decimal> { [Key(Outcome.No)] = 3m });
        book.Positions.Should().HaveCount(2);
    }

    [Fact]
    public void ExecutedFill_ZeroQuantity_ThrowsArgumentException()
    {
        var act = () => Buy(0m, 0.40m);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("quantity");
    }

    [Fact]
    public void ExecutedFill_NegativeFee_ThrowsArgumentException()
    {
        var act = () => Buy(1m, 0.40m, fee: -0.01m);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "fee" && e.Message.Contains("-0.01"));
    }

    [Fact]
    public void ExecutedFill_DefaultPrice_ThrowsArgumentException()
    {
        var act = () => new ExecutedFill(Fed, Kalshi, Outcome.Yes, Side.Buy, new Quantity(1m), default, 0m, Day1);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("price");
    }

    [Fact]
    public void Apply_FillForAnotherKey_ThrowsArgumentException()
    {
        var act = () => Position.Flat(Key(Outcome.No)).Apply(Buy(1m, 0.40m));

        act.Should().Throw<ArgumentException>();
    }
}
