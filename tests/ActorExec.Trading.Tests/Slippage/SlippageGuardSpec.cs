using ActorExec.Trading.Slippage;

namespace ActorExec.Trading.Tests.Slippage;

public sealed class SlippageGuardSpec
{
    private static readonly SlippageGuard Guard = new(new SlippageLimits());
    private static readonly Price Intended = new(0.50m);

    private static BookLevel Level(decimal price, decimal size) => new(new Price(price), new Quantity(size));

    private static SlippageResult Buy(decimal size, params BookLevel[] asks) => Guard.Check(Side.Buy, new Quantity(size), Intended, OrderBookSide.Asks(asks));

    [Fact]
    public void Check_BuyFilledAtTheIntendedPrice_OkWithZeroBps()
    {
        var result = Buy(100m, Level(0.50m, 500m));

        var ok = result.Should().BeOfType<SlippageResult.Ok>().Subject;
        ok.EffectivePrice.Should().Be(new Price(0.50m));
        ok.SlippageBps.Should().Be(0m);
        result.IsAccepted.Should().BeTrue();
    }

    [Fact]
    public void Check_BuyAcrossSeveralLevels_UsesTheVolumeWeightedPrice()
    {
        // 50 × 0.50 + 30 × 0.501 + 20 × 0.502 = 50.07 → 0.5007, 14 bps.
        var result = Buy(100m, Level(0.50m, 50m), Level(0.501m, 30m), Level(0.502m, 20m), Level(0.60m, 100m));

        result.Should().BeOfType<SlippageResult.Ok>();
        result.EffectivePrice.Should().Be(new Price(0.5007m));
        result.SlippageBps.Should().Be(14m);
    }

    [Fact]
    public void Check_SlippageExactlyAtTheMaximum_AcceptedWithAWarning()
    {
        // 50 × 0.50 + 50 × 0.505 = 50.25 → 0.5025: exactly 50 bps; the maximum is inclusive.
        var result = Buy(100m, Level(0.50m, 50m), Level(0.505m, 50m));

        var warn = result.Should().BeOfType<SlippageResult.Warn>().Subject;
        warn.SlippageBps.Should().Be(50m);
        warn.EffectivePrice.Should().Be(new Price(0.5025m));
    }

    [Fact]
    public void Check_SlippageJustAboveTheMaximum_RejectedAsSlippageAboveMax()
    {
        // 49 × 0.50 + 51 × 0.505 = 50.255 → 0.50255: 51 bps.
        var result = Buy(100m, Level(0.50m, 49m), Level(0.505m, 51m));

        var rejected = result.Should().BeOfType<SlippageResult.Rejected>().Subject;
        rejected.Code.Should().Be("SLIPPAGE_ABOVE_MAX");
        rejected.SlippageBps.Should().Be(51m);
        rejected.EffectivePrice.Should().Be(new Price(0.50255m));
        rejected.Context.Should().Contain("slippage_bps", "51")
            .And.Contain("max_slippage_bps", "50")
            .And.Contain("effective_price", "0.50255")
            .And.Contain("intended_price", "0.5")
            .And.Contain("levels_used", "2")
            .And.Contain("side", "BUY");
        result.IsAccepted.Should().BeFalse();
    }

    [Fact]
    public void Check_SlippageExactlyAtTheWarningThreshold_Warns()
    {
        // 75 × 0.50 + 25 × 0.505 = 50.125 → 25 bps.
        Buy(100m, Level(0.50m, 75m), Level(0.505m, 25m)).Should().BeOfType<SlippageResult.Warn>().Which.SlippageBps.Should().Be(25m);
    }

    [Fact]
    public void Check_SlippageJustBelowTheWarningThreshold_Ok()
    {
        // 76 × 0.50 + 24 × 0.505 = 50.12 → 24 bps.
        Buy(100m, Level(0.50m, 76m), Level(0.505m, 24m)).Should().BeOfType<SlippageResult.Ok>().Which.SlippageBps.Should().Be(24m);
    }

    [Fact]
    public void Check_VolumeWeightedPriceThatDoesNotDivideEvenly_ReportsTheRepeatingBps()
    {
        // 2 × 0.50 + 1 × 0.5025 = 1.5025 over 3 → 0.500833…: 16.666… bps is reported at decimal precision.
        var result = Buy(3m, Level(0.50m, 2m), Level(0.5025m, 1m));

        result.Should().BeOfType<SlippageResult.Ok>();
        Math.Round(result.SlippageBps!.Value, 2).Should().Be(16.67m);
    }

    [Fact]
    public void Check_BuyBelowTheIntendedPrice_OkWithNegativeBps()
        => Buy(10m, Level(0.49m, 10m)).Should().BeOfType<SlippageResult.Ok>().Which.SlippageBps.Should().Be(-200m);

    [Fact]
    public void Check_SellAcrossFallingBids_SlippageIsPositiveAndRejected()
    {
        // 50 × 0.50 + 50 × 0.49 = 49.5 → 0.495: we receive 100 bps less than intended.
        var result = Guard.Check(Side.Sell, new Quantity(100m), Intended, OrderBookSide.Bids(Level(0.50m, 50m), Level(0.49m, 50m)));

        var rejected = result.Should().BeOfType<SlippageResult.Rejected>().Subject;
        rejected.Reason.Should().Be(SlippageRejectionReason.SlippageAboveMax);
        rejected.SlippageBps.Should().Be(100m);
        rejected.EffectivePrice.Should().Be(new Price(0.495m));
    }

    [Fact]
    public void Check_SellAboveTheIntendedPrice_OkWithNegativeBps()
        => Guard.Check(Side.Sell, new Quantity(10m), Intended, OrderBookSide.Bids(Level(0.51m, 10m)))
            .Should().BeOfType<SlippageResult.Ok>().Which.SlippageBps.Should().Be(-200m);

    [Fact]
    public void Check_BookThinnerThanTheSize_RejectedAsInsufficientLiquidityWithoutAPrice()
    {
        var result = Buy(100m, Level(0.50m, 50m), Level(0.51m, 30m));

        var rejected = result.Should().BeOfType<SlippageResult.Rejected>().Subject;
        rejected.Code.Should().Be("INSUFFICIENT_LIQUIDITY");
        rejected.EffectivePrice.Should().BeNull();
        rejected.SlippageBps.Should().BeNull();
        rejected.Context.Should().Contain("fillable_size", "80").And.Contain("visible_size", "80").And.Contain("size", "100");
    }

    [Fact]
    public void Check_EmptyBook_RejectedAsInsufficientLiquidity()
        => Buy(1m).Should().BeOfType<SlippageResult.Rejected>().Which.Reason.Should().Be(SlippageRejectionReason.InsufficientLiquidity);

    [Fact]
    public void Check_BookExactlyTheSize_Accepted()
        => Buy(100m, Level(0.50m, 60m), Level(0.501m, 40m)).IsAccepted.Should().BeTrue();

    [Fact]
    public void Check_VisibleSizeBelowTheLiquidityMultiple_RejectedWithThePriceItWouldHaveHad()
    {
        var guard = new SlippageGuard(new SlippageLimits { MinLiquidityMultiple = 2m });

        var result = guard.Check(Side.Buy, new Quantity(100m), Intended, OrderBookSide.Asks(Level(0.50m, 150m), Level(0.60m, 49m)));

        var rejected = result.Should().BeOfType<SlippageResult.Rejected>().Subject;
        rejected.Code.Should().Be("LIQUIDITY_BELOW_MULTIPLE");
        rejected.EffectivePrice.Should().Be(new Price(0.50m));
        rejected.Context.Should().Contain("required_visible_size", "200").And.Contain("visible_size", "199");
    }

    [Fact]
    public void Check_VisibleSizeExactlyAtTheLiquidityMultiple_Accepted()
    {
        var guard = new SlippageGuard(new SlippageLimits { MinLiquidityMultiple = 2m });

        guard.Check(Side.Buy, new Quantity(100m), Intended, OrderBookSide.Asks(Level(0.50m, 150m), Level(0.60m, 50m)))
            .Should().BeOfType<SlippageResult.Ok>();
    }

    [Fact]
    public void Check_BuyAgainstTheBidSide_ThrowsNamingTheBook()
    {
        var act = () => Guard.Check(Side.Buy, new Quantity(1m), Intended, OrderBookSide.Bids(Level(0.50m, 10m)));

        act.Should().Throw<ArgumentException>().WithParameterName("book").WithMessage("*Buy order takes the Asks side*");
    }

    [Fact]
    public void Check_ZeroSize_ThrowsNamingTheSize()
    {
        var act = () => Buy(0m, Level(0.50m, 10m));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("size");
    }

    [Fact]
    public void Check_DefaultIntendedPrice_ThrowsNamingIt()
    {
        var act = () => Guard.Check(Side.Buy, new Quantity(1m), default, OrderBookSide.Asks(Level(0.50m, 10m)));

        act.Should().Throw<ArgumentException>().WithParameterName("intendedPrice");
    }

    [Theory]
    [InlineData(SlippageRejectionReason.InsufficientLiquidity, "INSUFFICIENT_LIQUIDITY")]
    [InlineData(SlippageRejectionReason.LiquidityBelowMultiple, "LIQUIDITY_BELOW_MULTIPLE")]
    [InlineData(SlippageRejectionReason.SlippageAboveMax, "SLIPPAGE_ABOVE_MAX")]
    public void Code_EveryRejectionReason_IsStable(SlippageRejectionReason reason, string code)
        => new SlippageResult.Rejected(reason, new Dictionary<string, string>(), null, null).Code.Should().Be(code);
}
