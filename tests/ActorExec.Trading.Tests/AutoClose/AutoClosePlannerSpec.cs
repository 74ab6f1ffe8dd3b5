using ActorExec.Trading.AutoClose;

namespace ActorExec.Trading.Tests.AutoClose;

public sealed class AutoClosePlannerSpec
{
    private static readonly MarketId Market = new("fed-cut-2025-03");
    private static readonly VenueId Kalshi = new("kalshi");
    private static readonly VenueId Polymarket = new("polymarket");

    /// <summary>Polymarket-like: 0.1¢ ticks, sizes in hundredths of a share.</summary>
    private static readonly InstrumentRules MilliTick = new(tickSize: 0.001m, sizeIncrement: 0.01m, minPrice: 0.001m, maxPrice: 0.999m, minQuantity: 0.01m);

    private static readonly AutoClosePlanner Planner = new(new AutoCloseOptions());

    private static ArbitrageLeg KalshiLeg(decimal filled, decimal? price)
        => new(Kalshi, new Quantity(filled), price is { } p ? new Price(p) : null, InstrumentRules.BinaryCents, SettlesOnChain: false);

    private static ArbitrageLeg PolymarketLeg(decimal filled, decimal? price, InstrumentRules? rules = null)
        => new(Polymarket, new Quantity(filled), price is { } p ? new Price(p) : null, rules ?? InstrumentRules.BinaryCents, SettlesOnChain: true);

    private static AutoClosePlan PlanYesExcess(decimal start, AutoCloseOptions? options = null, InstrumentRules? rules = null)
    {
        var planner = options is null ? Planner : new AutoClosePlanner(options);
        var yes = new ArbitrageLeg(Kalshi, new Quantity(10m), new Price(start), rules ?? InstrumentRules.BinaryCents, SettlesOnChain: false);
        return planner.Plan(Market, yes, PolymarketLeg(7m, 0.50m))!;
    }

    [Fact]
    public void Plan_EqualFills_ReturnsNoPlan()
    {
        Planner.Plan(Market, KalshiLeg(10m, 0.40m), PolymarketLeg(10m, 0.55m)).Should().BeNull();
    }

    [Fact]
    public void Plan_NeitherLegFilled_ReturnsNoPlan()
    {
        Planner.Plan(Market, KalshiLeg(0m, null), PolymarketLeg(0m, null)).Should().BeNull();
    }

    [Fact]
    public void Plan_YesOverFilled_SellsYesExcessOnYesVenue()
    {
        var plan = Planner.Plan(Market, KalshiLeg(10m, 0.40m), PolymarketLeg(7m, 0.55m))!;

        plan.Market.Should().Be(Market);
        plan.Venue.Should().Be(Kalshi);
        plan.Outcome.Should().Be(Outcome.Yes);
        plan.Side.Should().Be(Side.Sell);
        plan.Excess.Should().Be(new Quantity(3m));
        plan.Quantity.Should().Be(new Quantity(3m));
        plan.StartPrice.Should().Be(new Price(0.40m));
        plan.IsSellable.Should().BeTrue();
    }

    [Fact]
    public void Plan_NoOverFilled_SellsNoExcessOnNoVenue()
    {
        var plan = Planner.Plan(Market, KalshiLeg(4m, 0.40m), PolymarketLeg(10m, 0.55m))!;

        plan.Venue.Should().Be(Polymarket);
        plan.Outcome.Should().Be(Outcome.No);
        plan.Excess.Should().Be(new Quantity(6m));
        plan.StartPrice.Should().Be(new Price(0.55m));
    }

    [Fact]
    public void Plan_UnderFilledLegHasNoFillPrice_Plans()
    {
        var plan = Planner.Plan(Market, KalshiLeg(5m, 0.40m), PolymarketLeg(0m, null))!;

        plan.Excess.Should().Be(new Quantity(5m));
    }

    [Fact]
    public void Plan_OverFilledLegHasNoFillPrice_ThrowsNamingTheLeg()
    {
        var act = () => Planner.Plan(Market, KalshiLeg(0m, null), PolymarketLeg(5m, null));

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("noLeg");
    }

    [Fact]
    public void Plan_ExcessBelowOverFilledVenueIncrement_RoundsDownAndReportsRemainder()
    {
        // 10 whole contracts on Kalshi against 9.5 shares on Polymarket: half a contract cannot be sold on Kalshi.
        var plan = Planner.Plan(Market, KalshiLeg(10m, 0.40m), PolymarketLeg(9.5m, 0.55m, MilliTick))!;

        plan.Excess.Should().Be(new Quantity(0.5m));
        plan.Quantity.Should().Be(Quantity.Zero);
        plan.Remainder.Should().Be(new Quantity(0.5m));
        plan.IsSellable.Should().BeFalse();
    }

    [Fact]
    public void Plan_FractionalExcess_RoundsDownToIncrement()
    {
        var plan = Planner.Plan(Market, KalshiLeg(7m, 0.40m), PolymarketLeg(10.257m, 0.555m, MilliTick))!;

        plan.Quantity.Should().Be(new Quantity(3.25m));
        plan.Remainder.Should().Be(new Quantity(0.007m));
        plan.IsSellable.Should().BeTrue();
    }

    [Fact]
    public void PriceFor_Retries_StepDownOneCentFromFillPrice()
    {
        var plan = PlanYesExcess(0.40m);

        plan.PriceFor(0).Should().Be(new Price(0.40m));
        plan.PriceFor(1).Should().Be(new Price(0.39m));
        plan.PriceFor(2).Should().Be(new Price(0.38m));
        plan.PriceFor(10).Should().Be(new Price(0.30m));
    }

    [Fact]
    public void PriceFor_FloorReachedExactly_IsFloorAndFloorIsReported()
    {
        var plan = PlanYesExcess(0.05m);

        plan.MaxAttempts.Should().Be(5);
        plan.PriceFor(3).Should().Be(new Price(0.02m));
        plan.HasReachedFloor(3).Should().BeFalse();
        plan.PriceFor(4).Should().Be(new Price(0.01m));
        plan.HasReachedFloor(4).Should().BeTrue();
    }

    [Fact]
    public void PriceFor_PastTheFloor_ClampsAtFloor()
    {
        var plan = PlanYesExcess(0.05m);

        plan.PriceFor(5).Should().Be(new Price(0.01m));
        plan.PriceFor(1_000).Should().Be(new Price(0.01m));
        plan.PriceFor(int.MaxValue).Should().Be(new Price(0.01m));
        plan.HasReachedFloor(1_000).Should().BeTrue();
    }

    [Fact]
    public void PriceFor_StartAtFloor_FirstAttemptIsAlreadyAtFloor()
    {
        var plan = PlanYesExcess(0.01m);

        plan.MaxAttempts.Should().Be(1);
        plan.PriceFor(0).Should().Be(new Price(0.01m));
        plan.HasReachedFloor(0).Should().BeTrue();
    }

    [Fact]
    public void PriceFor_StartBelowConfiguredFloor_AsksTheFloor()
    {
        var plan = PlanYesExcess(0.03m, new AutoCloseOptions { FloorPrice = 0.05m });

        plan.MaxAttempts.Should().Be(1);
        plan.PriceFor(0).Should().Be(new Price(0.05m));
    }

    [Fact]
    public void PriceFor_StartOffTheTick_RoundsDownToTick()
    {
        // An average fill price of 0.4567 on a 1¢ venue: the walk asks 45¢ first, never more than it paid.
        var plan = PlanYesExcess(0.4567m);

        plan.PriceFor(0).Should().Be(new Price(0.45m));
        plan.PriceFor(1).Should().Be(new Price(0.44m));
        plan.MaxAttempts.Should().Be(45);
    }

    [Fact]
    public void PriceFor_StepNotAMultipleOfTick_EveryPriceIsOnTheGrid()
    {
        var plan = PlanYesExcess(0.50m, new AutoCloseOptions { PriceStep = 0.015m });

        plan.PriceFor(0).Should().Be(new Price(0.50m));
        plan.PriceFor(1).Should().Be(new Price(0.48m));
        plan.PriceFor(2).Should().Be(new Price(0.47m));
        plan.PriceFor(3).Should().Be(new Price(0.45m));
    }

    [Fact]
    public void PriceFor_FloorOffTheTick_FloorRoundsUpToTick()
    {
        var plan = PlanYesExcess(0.10m, new AutoCloseOptions { FloorPrice = 0.015m });

        plan.FloorPrice.Should().Be(new Price(0.02m));
        plan.PriceFor(100).Should().Be(new Price(0.02m));
    }

    [Fact]
    public void PriceFor_FloorBelowVenueMinimum_FloorIsVenueMinimum()
    {
        var rules = new InstrumentRules(tickSize: 0.01m, sizeIncrement: 1m, minPrice: 0.05m, maxPrice: 0.95m, minQuantity: 1m);

        var plan = PlanYesExcess(0.10m, rules: rules);

        plan.FloorPrice.Should().Be(new Price(0.05m));
        plan.MaxAttempts.Should().Be(6);
    }

    [Fact]
    public void PriceFor_NegativeAttempt_ThrowsNamingAttempt()
    {
        var plan = PlanYesExcess(0.40m);

        plan.Invoking(p => p.PriceFor(-1)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("attempt");
        plan.Invoking(p => p.DelayBefore(-1)).Should().Throw<ArgumentOutOfRangeException>();
        plan.Invoking(p => p.HasReachedFloor(-1)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData("0.40", "0.01", "0.01", "0.01")]
    [InlineData("0.99", "0.01", "0.01", "0.01")]
    [InlineData("0.4567", "0.01", "0.01", "0.01")]
    [InlineData("0.50", "0.015", "0.01", "0.01")]
    [InlineData("0.50", "0.03", "0.05", "0.01")]
    [InlineData("0.555", "0.01", "0.01", "0.001")]
    [InlineData("0.555", "0.0007", "0.013", "0.001")]
    [InlineData("0.02", "0.05", "0.01", "0.01")]
    public void MaxAttempts_AnyStartStepFloorAndTick_EqualsTheWalkLengthToTheFloor(string start, string step, string floor, string tick)
    {
        var rules = new InstrumentRules(tickSize: decimal.Parse(tick), sizeIncrement: 1m, minPrice: decimal.Parse(tick), maxPrice: 1m - decimal.Parse(tick), minQuantity: 1m);
        var options = new AutoCloseOptions { PriceStep = decimal.Parse(step), FloorPrice = decimal.Parse(floor) };
        var plan = PlanYesExcess(decimal.Parse(start), options, rules);

        // Walk independently: round each stepped price down to the tick, stop at the first one at or below the floor.
        var walked = 0;
        decimal price;
        do
        {
            price = Math.Max(Math.Floor((plan.StartPrice.Value - walked * options.PriceStep) / rules.TickSize) * rules.TickSize, plan.FloorPrice.Value);
            plan.PriceFor(walked).Value.Should().Be(price, "attempt {0}", walked);
            walked++;
        }
        while (price > plan.FloorPrice.Value);

        plan.MaxAttempts.Should().Be(walked);
        plan.HasReachedFloor(walked - 2 < 0 ? 0 : walked - 2).Should().Be(walked == 1);
        plan.HasReachedFloor(walked - 1).Should().BeTrue();
    }

    [Fact]
    public void DelayBefore_OnChainVenue_FirstAttemptWaitsForSettlement()
    {
        var plan = Planner.Plan(Market, KalshiLeg(7m, 0.40m), PolymarketLeg(10m, 0.55m))!;

        plan.SettlesOnChain.Should().BeTrue();
        plan.DelayBefore(0).Should().Be(TimeSpan.FromSeconds(2));
        plan.DelayBefore(1).Should().Be(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void DelayBefore_OffChainVenue_FirstAttemptDoesNotWait()
    {
        var plan = Planner.Plan(Market, KalshiLeg(10m, 0.40m), PolymarketLeg(7m, 0.55m))!;

        plan.SettlesOnChain.Should().BeFalse();
        plan.DelayBefore(0).Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void DelayBefore_EveryRetry_IsTheRetryInterval()
    {
        var plan = Planner.Plan(Market, KalshiLeg(7m, 0.40m), PolymarketLeg(10m, 0.55m))!;

        Enumerable.Range(1, 200).Select(plan.DelayBefore).Should().AllBeEquivalentTo(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Plan_CustomOptions_AreApplied()
    {
        var options = new AutoCloseOptions
        {
            PriceStep = 0.02m,
            FloorPrice = 0.10m,
            RetryInterval = TimeSpan.FromMilliseconds(250),
            SettlementWait = TimeSpan.FromSeconds(5),
        };
        var plan = new AutoClosePlanner(options).Plan(Market, KalshiLeg(7m, 0.40m), PolymarketLeg(10m, 0.55m))!;

        plan.PriceFor(1).Should().Be(new Price(0.53m));
        plan.FloorPrice.Should().Be(new Price(0.10m));
        plan.MaxAttempts.Should().Be(24);
        plan.DelayBefore(0).Should().Be(TimeSpan.FromSeconds(5));
        plan.DelayBefore(1).Should().Be(TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public void Options_Defaults_AreTheDocumentedOnes()
    {
        var options = new AutoCloseOptions();

        options.PriceStep.Should().Be(0.01m);
        options.FloorPrice.Should().Be(0.01m);
        options.RetryInterval.Should().Be(TimeSpan.FromMilliseconds(100));
        options.SettlementWait.Should().Be(TimeSpan.FromSeconds(2));
        options.MismatchThreshold.Should().Be(3);
        options.MismatchWindow.Should().Be(TimeSpan.FromHours(1));
        options.BlacklistDuration.Should().Be(TimeSpan.FromMinutes(5));
    }

    public static TheoryData<AutoCloseOptions, string> InvalidOptions => new()
    {
        { new AutoCloseOptions { PriceStep = 0m }, nameof(AutoCloseOptions.PriceStep) },
        { new AutoCloseOptions { FloorPrice = -0.01m }, nameof(AutoCloseOptions.FloorPrice) },
        { new AutoCloseOptions { RetryInterval = TimeSpan.FromTicks(-1) }, nameof(AutoCloseOptions.RetryInterval) },
        { new AutoCloseOptions { SettlementWait = TimeSpan.FromTicks(-1) }, nameof(AutoCloseOptions.SettlementWait) },
        { new AutoCloseOptions { MismatchThreshold = 0 }, nameof(AutoCloseOptions.MismatchThreshold) },
        { new AutoCloseOptions { MismatchWindow = TimeSpan.Zero }, nameof(AutoCloseOptions.MismatchWindow) },
        { new AutoCloseOptions { BlacklistDuration = TimeSpan.Zero }, nameof(AutoCloseOptions.BlacklistDuration) },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Constructor_InvalidOption_ThrowsNamingTheOption(AutoCloseOptions options, string option)
    {
        var act = () => new AutoClosePlanner(options);

        act.Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == option && e.Message.Contains($"AutoCloseOptions.{option}"));
    }
}
