using ActorExec.Trading.Execution;

namespace ActorExec.Trading.Tests.Execution;

public sealed class FeeScheduleSpec
{
    [Theory]
    [InlineData("1", "0.50", "0.02")]     // 0.0175 rounds up to the next cent
    [InlineData("100", "0.50", "1.75")]   // exact: no rounding
    [InlineData("100", "0.05", "0.34")]   // 0.3325 → 0.34
    [InlineData("100", "0.95", "0.34")]   // symmetric in P and 1 − P
    [InlineData("10", "0.99", "0.01")]    // 0.00693 → 0.01: any positive fee costs at least a cent
    [InlineData("4", "0.50", "0.07")]     // exactly 7¢: not rounded to 8¢
    public void FeeFor_KalshiTaker_CeilsRateTimesContractsTimesPTimesOneMinusPToTheCent(string contracts, string price, string fee)
        => FeeSchedule.KalshiTaker.FeeFor(decimal.Parse(contracts), decimal.Parse(price)).Should().Be(decimal.Parse(fee));

    [Fact]
    public void FeeFor_KalshiMaker_UsesTheQuarterRate()
        => FeeSchedule.KalshiMaker.FeeFor(100m, 0.50m).Should().Be(0.44m); // 0.4375 → 0.44

    [Fact]
    public void FeeFor_KalshiPerContract_FallsWithSizeBecauseRoundingIsPerOrder()
    {
        var one = FeeSchedule.KalshiTaker.FeeFor(1m, 0.50m);
        var hundred = FeeSchedule.KalshiTaker.FeeFor(100m, 0.50m);

        (hundred / 100m).Should().BeLessThan(one);
    }

    [Fact]
    public void FeeFor_FlatPerContract_MultipliesBySize()
        => new FeeSchedule.FlatPerContract(0.01m).FeeFor(25m, 0.73m).Should().Be(0.25m);

    [Fact]
    public void FeeFor_ProportionalToNotional_IsRateTimesNotionalUnrounded()
        => new FeeSchedule.ProportionalToNotional(0.002m).FeeFor(7m, 0.41m).Should().Be(0.00574m);

    [Fact]
    public void FeeFor_ZeroContracts_IsZero()
        => FeeSchedule.KalshiTaker.FeeFor(0m, 0.50m).Should().Be(0m);

    [Fact]
    public void FeeFor_Free_IsZero()
        => FeeSchedule.Free.FeeFor(1_000m, 0.50m).Should().Be(0m);

    [Fact]
    public void FeeFor_NegativeContracts_ThrowsNamingContracts()
    {
        var act = () => FeeSchedule.KalshiTaker.FeeFor(-1m, 0.50m);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("contracts").WithMessage("*-1*");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.1")]
    public void FeeFor_NonPositivePrice_ThrowsNamingPrice(string price)
    {
        var act = () => new FeeSchedule.FlatPerContract(0.01m).FeeFor(1m, decimal.Parse(price));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("price");
    }

    [Fact]
    public void FeeFor_KalshiPriceOfOne_ThrowsBecauseTheFormulaIsForBinaries()
    {
        var act = () => FeeSchedule.KalshiTaker.FeeFor(1m, 1m);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("price").WithMessage("*below 1*");
    }

    [Fact]
    public void Constructors_NegativeRate_ThrowNamingTheRate()
    {
        FluentActions.Invoking(() => new FeeSchedule.KalshiStyle(-0.07m)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("rate");
        FluentActions.Invoking(() => new FeeSchedule.ProportionalToNotional(-0.01m)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("rate");
        FluentActions.Invoking(() => new FeeSchedule.FlatPerContract(-0.01m)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("amountPerContract");
    }

    [Fact]
    public void Equality_SameModelAndRate_AreEqualValues()
    {
        new FeeSchedule.KalshiStyle(0.07m).Should().Be(FeeSchedule.KalshiTaker);
        new FeeSchedule.KalshiStyle(0.07m).Should().NotBe(new FeeSchedule.ProportionalToNotional(0.07m));
    }
}
