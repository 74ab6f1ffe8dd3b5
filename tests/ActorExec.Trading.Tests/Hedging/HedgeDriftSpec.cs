using ActorExec.Trading.Hedging;

namespace ActorExec.Trading.Tests.Hedging;

public sealed class HedgeDriftSpec
{
    private static readonly VenueId Hyperliquid = new("hyperliquid");
    private static readonly MarketId BtcPerp = new("BTC-PERP");

    /// <summary>BTC perp: $0.1 ticks, 0.001 BTC size increment and minimum.</summary>
    private static readonly InstrumentRules Milli = new(tickSize: 0.1m, sizeIncrement: 0.001m, minPrice: 0.1m, maxPrice: 10_000_000m, minQuantity: 0.001m);

    private static readonly HedgeOptions Defaults = new();

    private static HedgePosition Hedge(decimal perpShort, decimal perpPrice, decimal spotLong, decimal spotPrice, InstrumentRules? rules = null)
        => new(Hyperliquid, BtcPerp, new Quantity(perpShort), new Price(perpPrice), rules ?? Milli, new Quantity(spotLong), new Price(spotPrice));

    [Fact]
    public void Bps_EqualNotionals_IsZero()
    {
        HedgeDrift.Bps(Hedge(1m, 100_000m, 1m, 100_000m)).Should().Be(0m);
    }

    [Fact]
    public void Bps_BothLegsEmpty_IsZero()
    {
        HedgeDrift.Bps(Hedge(0m, 100_000m, 0m, 100_000m)).Should().Be(0m);
    }

    [Fact]
    public void Bps_OneLegEmpty_IsTheMaximum()
    {
        HedgeDrift.Bps(Hedge(0m, 100_000m, 1m, 100_000m)).Should().Be(10_000m);
        HedgeDrift.Bps(Hedge(1m, 100_000m, 0m, 100_000m)).Should().Be(10_000m);
    }

    [Fact]
    public void Bps_DenominatorIsTheLargerNotional_SoDriftIsSymmetric()
    {
        // |10,000 − 9,900| / 10,000 = 100 bps whichever leg is the larger.
        HedgeDrift.Bps(Hedge(0.099m, 100_000m, 0.1m, 100_000m)).Should().Be(100m);
        HedgeDrift.Bps(Hedge(0.1m, 100_000m, 0.099m, 100_000m)).Should().Be(100m);
    }

    [Fact]
    public void Bps_DifferentPrices_ComparesNotionals()
    {
        // Same size, but the perp marks 1% below spot: 100 bps of notional drift.
        HedgeDrift.Bps(Hedge(1m, 99_000m, 1m, 100_000m)).Should().Be(100m);
    }

    [Fact]
    public void Measure_DriftExactly50Bps_DoesNotCorrect()
    {
        var drift = HedgeDrift.Measure(Hedge(0.995m, 100_000m, 1m, 100_000m), Defaults);

        drift.DriftBps.Should().Be(50m);
        drift.Status.Should().Be(HedgeDriftStatus.WithinThreshold);
        drift.ExceedsThreshold.Should().BeFalse();
        drift.Correction.Should().BeNull();
    }

    [Fact]
    public void Measure_DriftJustBelow50Bps_DoesNotCorrect()
    {
        var drift = HedgeDrift.Measure(Hedge(0.995m, 100_000.1m, 1m, 100_000m), Defaults);

        drift.DriftBps.Should().BeLessThan(50m).And.BeGreaterThan(49.99m);
        drift.Status.Should().Be(HedgeDriftStatus.WithinThreshold);
    }

    [Fact]
    public void Measure_DriftJustAbove50Bps_SellsPerpToEnlargeTheShort()
    {
        var drift = HedgeDrift.Measure(Hedge(0.995m, 99_999.9m, 1m, 100_000m), Defaults);

        drift.DriftBps.Should().BeGreaterThan(50m).And.BeLessThan(50.01m);
        drift.Status.Should().Be(HedgeDriftStatus.CorrectionNeeded);
        drift.Correction.Should().BeEquivalentTo(new { Venue = Hyperliquid, Market = BtcPerp, Side = Side.Sell, Quantity = new Quantity(0.005m) });
    }

    [Fact]
    public void Measure_ShortLargerThanSpot_BuysPerpToShrinkTheShort()
    {
        var drift = HedgeDrift.Measure(Hedge(1.02m, 100_000m, 1m, 100_000m), Defaults);

        drift.SpotNotional.Should().Be(100_000m);
        drift.PerpNotional.Should().Be(102_000m);
        drift.Correction!.Side.Should().Be(Side.Buy);
        drift.Correction.Quantity.Should().Be(new Quantity(0.02m));
        drift.Correction.TargetShort.Should().Be(1m);
    }

    [Fact]
    public void Measure_CorrectionOffTheIncrement_RoundsDownSoItNeverOverCorrects()
    {
        // Target short 100,000 / 97,000 = 1.030927…; the short is 0.97, so 0.060927… to sell, 0.060 after rounding.
        var drift = HedgeDrift.Measure(Hedge(0.97m, 97_000m, 1m, 100_000m), Defaults);

        drift.Correction!.Side.Should().Be(Side.Sell);
        drift.Correction.Quantity.Should().Be(new Quantity(0.06m));
        drift.Correction.TargetShort.Should().BeApproximately(1.030927835m, 0.000000001m);
    }

    [Fact]
    public void Measure_BuyCorrectionOffTheIncrement_RoundsDownToo()
    {
        // Short 1.0459 BTC against 1 BTC spot: 0.0459 to buy back, 0.045 after rounding.
        var drift = HedgeDrift.Measure(Hedge(1.0459m, 100_000m, 1m, 100_000m), Defaults);

        drift.Correction!.Side.Should().Be(Side.Buy);
        drift.Correction.Quantity.Should().Be(new Quantity(0.045m));
    }

    [Fact]
    public void Measure_CorrectionRoundsToZero_ProposesNoOrder()
    {
        var coarse = new InstrumentRules(tickSize: 0.1m, sizeIncrement: 0.01m, minPrice: 0.1m, maxPrice: 10_000_000m, minQuantity: 0.01m);

        // 0.009 BTC short of the spot: 90 bps of drift, but less than one 0.01 increment to trade.
        var drift = HedgeDrift.Measure(Hedge(0.991m, 100_000m, 1m, 100_000m, coarse), Defaults);

        drift.DriftBps.Should().Be(90m);
        drift.Status.Should().Be(HedgeDriftStatus.CorrectionRoundsToZero);
        drift.ExceedsThreshold.Should().BeTrue();
        drift.Correction.Should().BeNull();
    }

    [Fact]
    public void Measure_CorrectionBelowMinimumSize_ProposesNoOrder()
    {
        var minimumCent = new InstrumentRules(tickSize: 0.1m, sizeIncrement: 0.001m, minPrice: 0.1m, maxPrice: 10_000_000m, minQuantity: 0.01m);

        var drift = HedgeDrift.Measure(Hedge(0.991m, 100_000m, 1m, 100_000m, minimumCent), Defaults);

        drift.Status.Should().Be(HedgeDriftStatus.CorrectionBelowMinimumSize);
        drift.Correction.Should().BeNull();
    }

    [Fact]
    public void Measure_CorrectionAboveMaximumOrderSize_IsCappedAtTheMaximum()
    {
        var capped = new InstrumentRules(tickSize: 0.1m, sizeIncrement: 0.001m, minPrice: 0.1m, maxPrice: 10_000_000m, minQuantity: 0.001m, maxQuantity: 0.05m);

        var drift = HedgeDrift.Measure(Hedge(0.5m, 100_000m, 1m, 100_000m, capped), Defaults);

        drift.Correction!.Quantity.Should().Be(new Quantity(0.05m));
    }

    [Fact]
    public void Measure_NoPerpShortAtAll_SellsTheWholeSpotNotional()
    {
        var drift = HedgeDrift.Measure(Hedge(0m, 50_000m, 2m, 50_000m), Defaults);

        drift.DriftBps.Should().Be(10_000m);
        drift.Correction!.Side.Should().Be(Side.Sell);
        drift.Correction.Quantity.Should().Be(new Quantity(2m));
    }

    [Fact]
    public void Measure_SpotGone_BuysBackTheWholeShort()
    {
        var drift = HedgeDrift.Measure(Hedge(2m, 50_000m, 0m, 50_000m), Defaults);

        drift.Correction!.Side.Should().Be(Side.Buy);
        drift.Correction.Quantity.Should().Be(new Quantity(2m));
    }

    [Fact]
    public void Measure_CustomThreshold_IsApplied()
    {
        var position = Hedge(0.99m, 100_000m, 1m, 100_000m);

        HedgeDrift.Measure(position, new HedgeOptions { CorrectionThresholdBps = 100m }).Status.Should().Be(HedgeDriftStatus.WithinThreshold);
        HedgeDrift.Measure(position, new HedgeOptions { CorrectionThresholdBps = 99.99m }).Status.Should().Be(HedgeDriftStatus.CorrectionNeeded);
    }

    [Fact]
    public void Measure_ZeroThreshold_CorrectsAnyDriftButNotAPerfectHedge()
    {
        var options = new HedgeOptions { CorrectionThresholdBps = 0m };

        HedgeDrift.Measure(Hedge(1m, 100_000m, 1m, 100_000m), options).Status.Should().Be(HedgeDriftStatus.WithinThreshold);
        HedgeDrift.Measure(Hedge(0.999m, 100_000m, 1m, 100_000m), options).Correction!.Quantity.Should().Be(new Quantity(0.001m));
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("10000")]
    public void Measure_ThresholdOutOfRange_ThrowsNamingTheOption(string threshold)
    {
        var options = new HedgeOptions { CorrectionThresholdBps = decimal.Parse(threshold) };

        var act = () => HedgeDrift.Measure(Hedge(1m, 100_000m, 1m, 100_000m), options);

        act.Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == nameof(HedgeOptions.CorrectionThresholdBps) && e.Message.Contains("HedgeOptions.CorrectionThresholdBps"));
    }

    [Fact]
    public void Options_Default_Is50Bps()
    {
        new HedgeOptions().CorrectionThresholdBps.Should().Be(50m);
    }

    [Fact]
    public void Code_EveryStatus_HasADistinctScreamingSnakeCode()
    {
        var codes = Enum.GetValues<HedgeDriftStatus>().Select(s => s.Code()).ToList();

        codes.Should().OnlyHaveUniqueItems();
        codes.Should().OnlyContain(c => c.All(ch => char.IsAsciiLetterUpper(ch) || ch == '_'));
        HedgeDriftStatus.CorrectionRoundsToZero.Code().Should().Be("HEDGE_CORRECTION_ROUNDS_TO_ZERO");
    }
}
