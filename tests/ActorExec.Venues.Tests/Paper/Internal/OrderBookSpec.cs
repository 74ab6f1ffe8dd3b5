using ActorExec.Venues.Paper.Internal;

namespace ActorExec.Venues.Tests.Paper.Internal;

public sealed class OrderBookSpec
{
    private long _sequence;

    [Fact]
    public void Rest_LevelsInAnyOrder_KeepsBestFirstOnBothSides()
    {
        var book = new OrderBook();

        foreach (var price in new[] { 0.40m, 0.45m, 0.42m })
            book.Rest(Lp(isBid: true, price, 1));
        foreach (var price in new[] { 0.60m, 0.55m, 0.58m })
            book.Rest(Lp(isBid: false, price, 1));

        Enumerable.Range(0, 3).Select(r => book.Bids.LevelAt(r).Price).Should().Equal(0.45m, 0.42m, 0.40m);
        Enumerable.Range(0, 3).Select(r => book.Asks.LevelAt(r).Price).Should().Equal(0.55m, 0.58m, 0.60m);
    }

    [Fact]
    public void Match_AcrossLevels_TakesBestPriceThenArrivalAndRemovesFilledMakers()
    {
        var book = new OrderBook();
        var first = Lp(isBid: false, 0.50m, 3);
        var second = Lp(isBid: false, 0.50m, 3);
        var better = Lp(isBid: false, 0.49m, 2);
        book.Rest(first);
        book.Rest(second);
        book.Rest(better);
        var executions = new List<Execution>();

        var filled = book.Match(isBid: true, limit: 0.50m, quantity: 6, executions);

        filled.Should().Be(6);
        executions.Should().Equal(new Execution(better, 2, 0.49m), new Execution(first, 3, 0.50m), new Execution(second, 1, 0.50m));
        better.IsResting.Should().BeFalse();
        first.IsResting.Should().BeFalse();
        second.Remaining.Should().Be(2);
        book.Asks.Best!.Total.Should().Be(2);
        book.Asks.LevelCount.Should().Be(1);
    }

    [Fact]
    public void Match_LimitBelowTheBestAsk_TradesNothing()
    {
        var book = new OrderBook();
        book.Rest(Lp(isBid: false, 0.50m, 3));
        var executions = new List<Execution>();

        book.Match(isBid: true, limit: 0.49m, quantity: 1, executions).Should().Be(0);
        book.IsMarketable(isBid: true, 0.49m).Should().BeFalse();
        book.IsMarketable(isBid: true, null).Should().BeTrue();
        executions.Should().BeEmpty();
    }

    [Fact]
    public void Available_StopsAtTheLimitAndAtTheWantedSize()
    {
        var book = new OrderBook();
        book.Rest(Lp(isBid: true, 0.50m, 3));
        book.Rest(Lp(isBid: true, 0.49m, 4));
        book.Rest(Lp(isBid: true, 0.48m, 5));

        book.Available(isBid: false, limit: 0.49m, wanted: 100).Should().Be(7);
        book.Available(isBid: false, limit: null, wanted: 100).Should().Be(12);
        book.Available(isBid: false, limit: null, wanted: 2).Should().Be(3);
    }

    [Fact]
    public void Remove_MiddleOfALevel_KeepsTheOthersInOrder()
    {
        var book = new OrderBook();
        var a = Lp(isBid: true, 0.50m, 1);
        var b = Lp(isBid: true, 0.50m, 2);
        var c = Lp(isBid: true, 0.50m, 3);
        book.Rest(a);
        book.Rest(b);
        book.Rest(c);

        book.Remove(b);

        var level = book.Bids.Best!;
        level.Head.Should().BeSameAs(a);
        a.Next.Should().BeSameAs(c);
        level.Tail.Should().BeSameAs(c);
        level.Total.Should().Be(4);
        book.Remove(a);
        book.Remove(c);
        book.Bids.LevelCount.Should().Be(0);
    }

    private BookOrder Lp(bool isBid, decimal price, decimal size) => new(++_sequence, isBid, price, size, owner: null);
}
