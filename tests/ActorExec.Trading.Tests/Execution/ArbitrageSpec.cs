using ActorExec.Trading.Execution;
using ActorExec.Trading.Slippage;

namespace ActorExec.Trading.Tests.Execution;

public sealed class ArbitrageSpec
{
    private static readonly MarketId Market = new("FED-CUT-DEC");
    private static readonly VenueId Kalshi = new("kalshi");
    private static readonly VenueId Poly = new("polymarket");
    private static readonly InstrumentRules Mills = new(tickSize: 0.001m, sizeIncrement: 1m, minPrice: 0.001m, maxPrice: 0.999m, minQuantity: 1m);

    // A quote with only the side its role needs; the other side is empty, so the reverse direction is always NO_LIQUIDITY.
    private static ArbitrageQuote YesVenue(VenueId venue, decimal price, decimal size, FeeSchedule? fees = null, InstrumentRules? rules = null)
        => new(venue, rules ?? InstrumentRules.BinaryCents, fees ?? FeeSchedule.Free, Level(price, size), null);

    private static ArbitrageQuote NoVenue(VenueId venue, decimal price, decimal size, FeeSchedule? fees = null, InstrumentRules? rules = null)
        => new(venue, rules ?? InstrumentRules.BinaryCents, fees ?? FeeSchedule.Free, null, Level(price, size));

    private static BookLevel Level(decimal price, decimal size) => new(new Price(price), new Quantity(size));

    private static ArbitrageRequest Request(ArbitrageQuote first, ArbitrageQuote second, decimal riskCap = 1_000m)
        => new(Market, first, second, new Quantity(riskCap));

    [Fact]
    public void Check_ProfitExactlyAtThreshold_Accepted()
    {
        var result = Arbitrage.Check(Request(YesVenue(Kalshi, 0.45m, 100m), NoVenue(Poly, 0.54m, 100m)));

        var opportunity = result.Should().BeOfType<ArbitrageOpportunity>().Subject;
        opportunity.ProfitPerContract.Should().Be(0.01m);
        opportunity.ExpectedProfit.Should().Be(1.00m);
        opportunity.YesLeg.Should().Be(new OpportunityLeg(Kalshi, Outcome.Yes, new Price(0.45m), new Quantity(100m), 0m));
        opportunity.NoLeg.Should().Be(new OpportunityLeg(Poly, Outcome.No, new Price(0.54m), new Quantity(100m), 0m));
    }

    [Fact]
    public void Check_ProfitOneTickBelowThreshold_RejectedAsProfitBelowThreshold()
    {
        var result = Arbitrage.Check(Request(YesVenue(Kalshi, 0.450m, 100m, rules: Mills), NoVenue(Poly, 0.541m, 100m, rules: Mills)));

        var rejection = result.Should().BeOfType<ArbitrageRejection>().Subject;
        rejection.Code.Should().Be("PROFIT_BELOW_THRESHOLD");
        rejection.Context.Should().Contain("profit_per_contract", "0.009")
            .And.Contain("min_profit_per_contract", "0.01")
            .And.Contain("yes_venue", "kalshi")
            .And.Contain("no_venue", "polymarket")
            .And.Contain("other_direction", "NO_LIQUIDITY");
    }

    [Fact]
    public void Check_NoEdgeAtAll_RejectedAsProfitBelowThreshold()
    {
        var result = Arbitrage.Check(Request(YesVenue(Kalshi, 0.50m, 100m), NoVenue(Poly, 0.50m, 100m)));

        result.Should().BeOfType<ArbitrageRejection>().Which.Reason.Should().Be(ArbitrageRejectionReason.ProfitBelowThreshold);
    }

    [Fact]
    public void Check_ZeroSizeAtBestAsk_RejectedAsNoLiquidity()
    {
        var result = Arbitrage.Check(Request(YesVenue(Kalshi, 0.40m, 0m), NoVenue(Poly, 0.50m, 100m)));

        var rejection = result.Should().BeOfType<ArbitrageRejection>().Subject;
        rejection.Code.Should().Be("NO_LIQUIDITY");
        rejection.Context.Should().Contain("yes_ask_size", "0").And.Contain("no_ask_size", "100").And.Contain("min_liquidity", "1");
    }

    [Fact]
    public void Check_MissingAsksEverywhere_RejectedAsNoLiquidity()
    {
        var empty = new ArbitrageQuote(Kalshi, InstrumentRules.BinaryCents, FeeSchedule.Free, null, null);
        var other = new ArbitrageQuote(Poly, InstrumentRules.BinaryCents, FeeSchedule.Free, null, null);

        var result = Arbitrage.Check(Request(empty, other));

        var rejection = result.Should().BeOfType<ArbitrageRejection>().Subject;
        rejection.Reason.Should().Be(ArbitrageRejectionReason.NoLiquidity);
        rejection.Context.Should().Contain("yes_ask_size", "none").And.Contain("other_direction", "NO_LIQUIDITY");
    }

    [Fact]
    public void Check_BestAskBelowOneContract_RejectedAsNoLiquidity()
    {
        var fractional = new InstrumentRules(tickSize: 0.01m, sizeIncrement: 0.01m, minPrice: 0.01m, maxPrice: 0.99m, minQuantity: 0.01m);

        var result = Arbitrage.Check(Request(YesVenue(Kalshi, 0.40m, 0.99m, rules: fractional), NoVenue(Poly, 0.50m, 100m, rules: fractional)));

        result.Should().BeOfType<ArbitrageRejection>().Which.Reason.Should().Be(ArbitrageRejectionReason.NoLiquidity);
    }

    [Fact]
    public void Check_BestAskOfExactlyOneContract_Accepted()
    {
        var result = Arbitrage.Check(Request(YesVenue(Kalshi, 0.40m, 1m), NoVenue(Poly, 0.50m, 100m)));

        result.Should().BeOfType<ArbitrageOpportunity>().Which.Size.Should().Be(new Quantity(1m));
    }

    [Fact]
    public void Check_OnlySecondDirectionWorks_BuysYesOnTheSecondVenue()
    {
        var first = new ArbitrageQuote(Kalshi, InstrumentRules.BinaryCents, FeeSchedule.Free, Level(0.50m, 100m), Level(0.45m, 100m));
        var second = new ArbitrageQuote(Poly, InstrumentRules.BinaryCents, FeeSchedule.Free, Level(0.40m, 100m), Level(0.55m, 100m));

        var opportunity = Arbitrage.Check(Request(first, second)).Should().BeOfType<ArbitrageOpportunity>().Subject;

        opportunity.YesLeg.Venue.Should().Be(Poly);
        opportunity.NoLeg.Venue.Should().Be(Kalshi);
        opportunity.ProfitPerContract.Should().Be(0.15m);
    }

    [Fact]
    public void Check_BothDirectionsProfitable_ChoosesTheLargerTotalProfit()
    {
        // Forward: YES 0.40 + NO 0.50 → 0.10 × 10 = 1.00. Backward: YES 0.45 + NO 0.50 → 0.05 × 100 = 5.00.
        var first = new ArbitrageQuote(Kalshi, InstrumentRules.BinaryCents, FeeSchedule.Free, Level(0.40m, 10m), Level(0.50m, 100m));
        var second = new ArbitrageQuote(Poly, InstrumentRules.BinaryCents, FeeSchedule.Free, Level(0.45m, 100m), Level(0.50m, 10m));

        var opportunity = Arbitrage.Check(Request(first, second)).Should().BeOfType<ArbitrageOpportunity>().Subject;

        opportunity.YesLeg.Venue.Should().Be(Poly);
        opportunity.ExpectedProfit.Should().Be(5.00m);
    }

    [Fact]
    public void Check_BothDirectionsEquallyProfitable_ChoosesTheFirstVenueForYes()
    {
        var first = new ArbitrageQuote(Kalshi, InstrumentRules.BinaryCents, FeeSchedule.Free, Level(0.40m, 10m), Level(0.40m, 10m));
        var second = new ArbitrageQuote(Poly, InstrumentRules.BinaryCents, FeeSchedule.Free, Level(0.40m, 10m), Level(0.40m, 10m));

        Arbitrage.Check(Request(first, second)).Should().BeOfType<ArbitrageOpportunity>().Which.YesLeg.Venue.Should().Be(Kalshi);
    }

    [Theory]
    [InlineData("30", "50", "1000", "30")] // the YES ask is the smallest
    [InlineData("80", "50", "1000", "50")] // the NO ask is the smallest
    [InlineData("80", "50", "20", "20")]   // the risk cap is the smallest
    public void Check_Size_IsTheSmallestOfBothAsksAndTheRiskCap(string yesSize, string noSize, string riskCap, string expected)
    {
        var result = Arbitrage.Check(Request(YesVenue(Kalshi, 0.40m, decimal.Parse(yesSize)), NoVenue(Poly, 0.50m, decimal.Parse(noSize)), decimal.Parse(riskCap)));

        result.Should().BeOfType<ArbitrageOpportunity>().Which.Size.Should().Be(new Quantity(decimal.Parse(expected)));
    }

    [Fact]
    public void Check_FractionalSizes_RoundedDownToTheCoarserIncrement()
    {
        var tenths = new InstrumentRules(tickSize: 0.01m, sizeIncrement: 0.1m, minPrice: 0.01m, maxPrice: 0.99m, minQuantity: 0.1m);

        var result = Arbitrage.Check(Request(YesVenue(Poly, 0.40m, 12.7m, rules: tenths), NoVenue(Kalshi, 0.50m, 20m)));

        var opportunity = result.Should().BeOfType<ArbitrageOpportunity>().Subject;
        opportunity.YesLeg.Size.Should().Be(new Quantity(12m));
        opportunity.NoLeg.Size.Should().Be(new Quantity(12m));
        opportunity.ExpectedProfit.Should().Be(1.2m);
    }

    [Fact]
    public void Check_IncrementsNotMultiplesOfEachOther_RoundedDownToTheirCommonMultiple()
    {
        var threeTenths = new InstrumentRules(tickSize: 0.01m, sizeIncrement: 0.3m, minPrice: 0.01m, maxPrice: 0.99m, minQuantity: 0.3m);
        var twoTenths = new InstrumentRules(tickSize: 0.01m, sizeIncrement: 0.2m, minPrice: 0.01m, maxPrice: 0.99m, minQuantity: 0.2m);

        var result = Arbitrage.Check(Request(YesVenue(Kalshi, 0.40m, 10m, rules: threeTenths), NoVenue(Poly, 0.50m, 10m, rules: twoTenths)));

        var size = result.Should().BeOfType<ArbitrageOpportunity>().Which.Size.Value;
        size.Should().Be(9.6m);
        threeTenths.IsValidQuantity(size).Should().BeTrue();
        twoTenths.IsValidQuantity(size).Should().BeTrue();
    }

    [Theory]
    [InlineData("1", "1", "1")]
    [InlineData("1", "0.01", "1")]
    [InlineData("0.3", "0.2", "0.6")]
    [InlineData("0.25", "0.1", "0.5")]
    [InlineData("2", "3", "6")]
    public void CommonIncrement_TwoIncrements_IsTheirLeastCommonMultiple(string first, string second, string expected)
        => Arbitrage.CommonIncrement(decimal.Parse(first), decimal.Parse(second)).Should().Be(decimal.Parse(expected));

    [Fact]
    public void CommonIncrement_ZeroIncrement_Throws()
        => FluentActions.Invoking(() => Arbitrage.CommonIncrement(0m, 1m)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("first");

    [Fact]
    public void Check_VenueMaximumQuantity_CapsTheSize()
    {
        var capped = new InstrumentRules(tickSize: 0.01m, sizeIncrement: 1m, minPrice: 0.01m, maxPrice: 0.99m, minQuantity: 1m, maxQuantity: 50m);

        var result = Arbitrage.Check(Request(YesVenue(Kalshi, 0.40m, 500m, rules: capped), NoVenue(Poly, 0.50m, 500m)));

        result.Should().BeOfType<ArbitrageOpportunity>().Which.Size.Should().Be(new Quantity(50m));
    }

    [Fact]
    public void Check_ZeroRiskCap_RejectedAsSizeBelowMinimum()
    {
        var result = Arbitrage.Check(Request(YesVenue(Kalshi, 0.40m, 100m), NoVenue(Poly, 0.50m, 100m), riskCap: 0m));

        var rejection = result.Should().BeOfType<ArbitrageRejection>().Subject;
        rejection.Code.Should().Be("SIZE_BELOW_MINIMUM");
        rejection.Context.Should().Contain("size", "0").And.Contain("risk_cap", "0").And.Contain("min_size", "1");
    }

    [Fact]
    public void Check_RoundedSizeBelowAVenueMinimum_RejectedAsSizeBelowMinimum()
    {
        var minimumFive = new InstrumentRules(tickSize: 0.01m, sizeIncrement: 1m, minPrice: 0.01m, maxPrice: 0.99m, minQuantity: 5m);

        var result = Arbitrage.Check(Request(YesVenue(Kalshi, 0.40m, 4.9m, rules: minimumFive), NoVenue(Poly, 0.50m, 100m)));

        var rejection = result.Should().BeOfType<ArbitrageRejection>().Subject;
        rejection.Reason.Should().Be(ArbitrageRejectionReason.SizeBelowMinimum);
        rejection.Context.Should().Contain("size", "4").And.Contain("min_size", "5");
    }

    [Fact]
    public void Check_KalshiFees_SubtractedFromProfit()
    {
        // Gross 0.05 × 100 = 5.00; Kalshi fee ceil(0.07 × 100 × 0.40 × 0.60) = 1.68.
        var result = Arbitrage.Check(Request(YesVenue(Kalshi, 0.40m, 100m, FeeSchedule.KalshiTaker), NoVenue(Poly, 0.55m, 100m)));

        var opportunity = result.Should().BeOfType<ArbitrageOpportunity>().Subject;
        opportunity.YesLeg.Fee.Should().Be(1.68m);
        opportunity.NoLeg.Fee.Should().Be(0m);
        opportunity.ExpectedProfit.Should().Be(3.32m);
        opportunity.ProfitPerContract.Should().Be(0.0332m);
    }

    [Fact]
    public void Check_FeesLeaveExactlyTheThreshold_Accepted()
    {
        // One contract: gross 0.03, Kalshi fee ceil(0.07 × 0.25) = 0.02, profit 0.01.
        var result = Arbitrage.Check(Request(YesVenue(Kalshi, 0.50m, 1m, FeeSchedule.KalshiTaker), NoVenue(Poly, 0.47m, 100m)));

        result.Should().BeOfType<ArbitrageOpportunity>().Which.ProfitPerContract.Should().Be(0.01m);
    }

    [Fact]
    public void Check_FeesPushBelowTheThreshold_RejectedWithTheFees()
    {
        // Gross 0.02 × 2 = 0.04; fees ceil(0.07 × 2 × 0.25) = 0.04 on YES, 2 × 0.01 = 0.02 flat on NO → −0.01 per contract.
        var result = Arbitrage.Check(Request(
            YesVenue(Kalshi, 0.50m, 2m, FeeSchedule.KalshiTaker),
            NoVenue(Poly, 0.48m, 2m, new FeeSchedule.FlatPerContract(0.01m))));

        var rejection = result.Should().BeOfType<ArbitrageRejection>().Subject;
        rejection.Reason.Should().Be(ArbitrageRejectionReason.ProfitBelowThreshold);
        rejection.Context.Should().Contain("fees", "0.06").And.Contain("profit_per_contract", "-0.01");
    }

    [Fact]
    public void Check_NeitherDirectionWorks_ReportsTheDirectionThatGotFurthest()
    {
        // Forward has no NO liquidity on polymarket; backward gets to the profit check and misses.
        var first = new ArbitrageQuote(Kalshi, InstrumentRules.BinaryCents, FeeSchedule.Free, Level(0.40m, 100m), Level(0.60m, 100m));
        var second = new ArbitrageQuote(Poly, InstrumentRules.BinaryCents, FeeSchedule.Free, Level(0.45m, 100m), null);

        var rejection = Arbitrage.Check(Request(first, second)).Should().BeOfType<ArbitrageRejection>().Subject;

        rejection.Reason.Should().Be(ArbitrageRejectionReason.ProfitBelowThreshold);
        rejection.Context.Should().Contain("yes_venue", "polymarket").And.Contain("other_direction", "NO_LIQUIDITY");
    }

    [Fact]
    public void Check_BothDirectionsMissTheThreshold_ReportsTheOneWithMoreProfit()
    {
        // Forward: 0.50 + 0.55 → −0.05. Backward: 0.49 + 0.52 → −0.01.
        var first = new ArbitrageQuote(Kalshi, InstrumentRules.BinaryCents, FeeSchedule.Free, Level(0.50m, 100m), Level(0.52m, 100m));
        var second = new ArbitrageQuote(Poly, InstrumentRules.BinaryCents, FeeSchedule.Free, Level(0.49m, 100m), Level(0.55m, 100m));

        var rejection = Arbitrage.Check(Request(first, second)).Should().BeOfType<ArbitrageRejection>().Subject;

        rejection.Context.Should().Contain("yes_venue", "polymarket")
            .And.Contain("profit_per_contract", "-0.01")
            .And.Contain("other_direction", "PROFIT_BELOW_THRESHOLD");
    }

    [Fact]
    public void Check_ZeroThresholdOption_AcceptsBreakEven()
    {
        var result = Arbitrage.Check(Request(YesVenue(Kalshi, 0.50m, 10m), NoVenue(Poly, 0.50m, 10m)), new ArbitrageOptions { MinProfitPerContract = 0m });

        result.Should().BeOfType<ArbitrageOpportunity>().Which.ExpectedProfit.Should().Be(0m);
    }

    [Fact]
    public void Check_SameResultTwice_RejectionsAreEqualValues()
    {
        var request = Request(YesVenue(Kalshi, 0.50m, 10m), NoVenue(Poly, 0.50m, 10m));

        Arbitrage.Check(request).Should().Be(Arbitrage.Check(request));
    }

    [Fact]
    public void Check_BothQuotesFromOneVenue_Throws()
    {
        var act = () => Arbitrage.Check(Request(YesVenue(Kalshi, 0.40m, 10m), NoVenue(Kalshi, 0.50m, 10m)));

        act.Should().Throw<ArgumentException>().WithMessage("*kalshi*two venues*");
    }

    [Fact]
    public void Check_AskOffTheTickGrid_ThrowsNamingTheAskAndVenue()
    {
        var act = () => Arbitrage.Check(Request(YesVenue(Kalshi, 0.405m, 10m), NoVenue(Poly, 0.50m, 10m)));

        act.Should().Throw<ArgumentException>().WithParameterName("YesAsk").WithMessage("*0.405*kalshi*");
    }

    [Fact]
    public void Check_AskAtOneDollar_Throws()
    {
        var wide = new InstrumentRules(tickSize: 0.01m, sizeIncrement: 1m, minPrice: 0.01m, maxPrice: 1.00m, minQuantity: 1m);

        var act = () => Arbitrage.Check(Request(YesVenue(Kalshi, 0.40m, 10m), NoVenue(Poly, 0.50m, 10m, rules: wide) with { YesAsk = Level(1.00m, 5m) }));

        act.Should().Throw<ArgumentException>().WithParameterName("YesAsk").WithMessage("*below 1*");
    }

    [Fact]
    public void Check_NegativeThresholdOption_ThrowsNamingTheOption()
    {
        var act = () => Arbitrage.Check(Request(YesVenue(Kalshi, 0.40m, 10m), NoVenue(Poly, 0.50m, 10m)), new ArbitrageOptions { MinProfitPerContract = -0.01m });

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MinProfitPerContract");
    }

    [Fact]
    public void Options_ZeroLiquidityMinimum_ThrowsNamingTheOption()
        => FluentActions.Invoking(() => new ArbitrageOptions { MinLiquidityContracts = 0m }.Validate())
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MinLiquidityContracts");

    [Fact]
    public void Options_Defaults_AreOneCentAndOneContract()
    {
        new ArbitrageOptions().MinProfitPerContract.Should().Be(0.01m);
        new ArbitrageOptions().MinLiquidityContracts.Should().Be(1m);
    }

    [Theory]
    [InlineData(ArbitrageRejectionReason.NoLiquidity, "NO_LIQUIDITY")]
    [InlineData(ArbitrageRejectionReason.SizeBelowMinimum, "SIZE_BELOW_MINIMUM")]
    [InlineData(ArbitrageRejectionReason.ProfitBelowThreshold, "PROFIT_BELOW_THRESHOLD")]
    public void Code_EveryRejectionReason_IsStable(ArbitrageRejectionReason reason, string code)
        => new ArbitrageRejection(Market, reason, new Dictionary<string, string>()).Code.Should().Be(code);
}
