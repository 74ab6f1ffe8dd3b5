using ActorExec.Trading.Positions;
using static ActorExec.Trading.Tests.Positions.Fills;

namespace ActorExec.Trading.Tests.Positions;

public sealed class PositionBookRestoreSpec
{
    [Fact]
    public void Restore_FromPositionsAndDailyPnl_EqualsTheFoldedBookAndKeepsFolding()
    {
        var fills = new[]
        {
            Buy(10m, 0.40m, fee: 0.07m),
            Sell(4m, 0.55m, fee: 0.02m, at: Day1.AddDays(1)),
            Buy(5m, 0.30m, outcome: Outcome.No, venue: Polymarket),
        };
        var folded = PositionBook.FromFills(fills);

        var restored = PositionBook.Restore(folded.Positions.Values, folded.RealizedPnlByDay);

        restored.Positions.Should().Equal(folded.Positions);
        restored.RealizedPnlByDay.Should().Equal(folded.RealizedPnlByDay);
        restored.TotalRealizedPnl.Should().Be(folded.TotalRealizedPnl);
        var next = Sell(6m, 0.50m, at: Day1.AddDays(1));
        restored.ApplyFill(next).Get(Key()).Should().Be(folded.ApplyFill(next).Get(Key()));
    }

    [Fact]
    public void Restore_DuplicateKey_ThrowsNamingTheKey()
    {
        var position = Position.Flat(Key()) with { Contracts = 1m, CostBasis = 0.4m };

        var act = () => PositionBook.Restore([position, position], []);

        act.Should().Throw<ArgumentException>().WithMessage($"*{Key()}*twice*");
    }
}
