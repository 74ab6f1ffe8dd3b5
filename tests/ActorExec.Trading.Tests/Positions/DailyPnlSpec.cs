using ActorExec.Trading.Positions;
using static ActorExec.Trading.Tests.Positions.Fills;

namespace ActorExec.Trading.Tests.Positions;

public sealed class DailyPnlSpec
{
    private static readonly DateOnly March1 = new(2025, 3, 1);
    private static readonly DateOnly March2 = new(2025, 3, 2);
    private static readonly DateTimeOffset LastSecondOfMarch1 = new(2025, 3, 1, 23, 59, 59, TimeSpan.Zero);
    private static readonly DateTimeOffset MidnightMarch2 = new(2025, 3, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void DailyRealizedPnl_FillAt235959Utc_BelongsToThatDay()
    {
        var book = PositionBook.FromFills([Buy(10m, 0.40m, at: Day1), Sell(10m, 0.50m, at: LastSecondOfMarch1)]);

        book.DailyRealizedPnl(March1).Should().Be(1.00m);
        book.DailyRealizedPnl(March2).Should().Be(0m);
    }

    [Fact]
    public void DailyRealizedPnl_FillAtMidnightUtc_BelongsToTheNextDay()
    {
        var book = PositionBook.FromFills([Buy(10m, 0.40m, at: Day1), Sell(10m, 0.50m, at: MidnightMarch2)]);

        book.DailyRealizedPnl(March1).Should().Be(0m);
        book.DailyRealizedPnl(March2).Should().Be(1.00m);
    }

    [Fact]
    public void DailyRealizedPnl_OneTickBeforeMidnight_StillThePreviousDay()
    {
        var book = PositionBook.FromFills([Buy(10m, 0.40m, at: Day1), Sell(10m, 0.50m, fee: 0.03m, at: MidnightMarch2 - TimeSpan.FromTicks(1))]);

        book.DailyRealizedPnl(March1).Should().Be(0.97m);
        book.RealizedPnlByDay.Keys.Should().Equal(March1);
    }

    [Fact]
    public void DailyRealizedPnl_NonUtcOffset_UsesTheUtcDay()
    {
        // 20:30 in New York on March 1 is 01:30 UTC on March 2.
        var newYorkEvening = new DateTimeOffset(2025, 3, 1, 20, 30, 0, TimeSpan.FromHours(-5));

        var book = PositionBook.FromFills([Buy(10m, 0.40m, at: Day1), Sell(10m, 0.50m, at: newYorkEvening)]);

        book.DailyRealizedPnl(March2).Should().Be(1.00m);
        book.DailyRealizedPnl(March1).Should().Be(0m);
    }

    [Fact]
    public void DailyRealizedPnl_SeveralDays_EachDayHoldsItsOwnFillsAndSumsToTheTotal()
    {
        var book = PositionBook.FromFills([
            Buy(10m, 0.40m, fee: 0.01m, at: Day1),
            Sell(5m, 0.50m, fee: 0.01m, at: LastSecondOfMarch1),
            Sell(5m, 0.30m, fee: 0.01m, at: MidnightMarch2),
            Buy(4m, 0.20m, outcome: Outcome.No, fee: 0.02m, at: MidnightMarch2.AddHours(3)),
        ]);

        book.DailyRealizedPnl(March1).Should().Be(-0.01m + 0.50m - 0.01m);
        book.DailyRealizedPnl(March2).Should().Be(-0.50m - 0.01m - 0.02m);
        book.TotalRealizedPnl.Should().Be(book.RealizedPnlByDay.Values.Sum());
        book.TotalRealizedPnl.Should().Be(book.Positions.Values.Sum(p => p.RealizedPnl));
    }

    [Fact]
    public void DailyRealizedPnl_DayWithoutFills_IsZero()
    {
        var book = PositionBook.FromFills([Buy(10m, 0.40m, at: Day1), Sell(10m, 0.50m, at: Day1)]);

        book.DailyRealizedPnl(new DateOnly(2024, 12, 31)).Should().Be(0m);
        book.RealizedPnlByDay.Should().ContainSingle();
    }
}
