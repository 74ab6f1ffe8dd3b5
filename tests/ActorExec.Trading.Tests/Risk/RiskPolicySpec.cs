using ActorExec.Trading.Risk;

namespace ActorExec.Trading.Tests.Risk;

public sealed class RiskPolicySpec
{
    private static readonly MarketId M1 = new("M1");
    private static readonly MarketId M2 = new("M2");
    private static readonly VenueId Kalshi = new("kalshi");

    // Limits far away from every test, so each test tightens only the limit it is about.
    private static readonly RiskLimits Loose = new()
    {
        MaxPositionPerMarket = 1_000_000m,
        MaxTotalPosition = 10_000_000m,
        MaxNotionalPerOrder = 1_000_000m,
        DailyLossLimit = 1_000_000m,
        MaxConsecutiveErrors = 3,
    };

    private static RiskRequest Buy(decimal quantity, decimal price, InstrumentRules? rules = null)
        => new(Kalshi, M1, Side.Buy, new Quantity(quantity), new Price(price), rules ?? InstrumentRules.BinaryCents);

    private static RiskRequest Sell(decimal quantity, decimal price, InstrumentRules? rules = null)
        => new(Kalshi, M1, Side.Sell, new Quantity(quantity), new Price(price), rules ?? InstrumentRules.BinaryCents);

    private static RiskSnapshot Snapshot(decimal position = 0m, decimal dailyPnl = 0m, int errors = 0, TradingState state = TradingState.Active, decimal otherMarket = 0m)
        => new(state, [new(M1, position), new(M2, otherMarket)], dailyPnl, errors);

    private static RiskDecision Check(RiskRequest request, RiskSnapshot snapshot, RiskLimits? limits = null)
        => new RiskPolicy(limits ?? Loose).Check(request, snapshot);

    private static RiskApproval Approved(RiskDecision decision) => decision.Should().BeOfType<RiskApproval>().Subject;

    private static RiskDenial Denied(RiskDecision decision) => decision.Should().BeOfType<RiskDenial>().Subject;

    [Fact]
    public void Check_WithinAllLimits_ApprovesTheFullQuantityUncapped()
    {
        var approval = Approved(Check(Buy(10m, 0.40m), Snapshot()));

        approval.Quantity.Should().Be(new Quantity(10m));
        approval.Requested.Should().Be(new Quantity(10m));
        approval.IsCapped.Should().BeFalse();
        approval.CapReason.Should().BeNull();
        approval.CapCode.Should().BeNull();
        approval.Context.Should().BeEmpty();
    }

    // ---- HALTED ----

    [Fact]
    public void Check_HaltedIncreasingBuy_DeniedAsTradingHalted()
    {
        var denial = Denied(Check(Buy(1m, 0.40m), Snapshot(state: TradingState.Halted)));

        denial.Code.Should().Be("TRADING_HALTED");
        denial.Context.Should().Contain("state", "HALTED").And.Contain("market", "M1").And.Contain("venue", "kalshi");
    }

    [Fact]
    public void Check_HaltedReducingSell_DeniedAsTradingHalted()
        => Denied(Check(Sell(1m, 0.40m), Snapshot(position: 50m, state: TradingState.Halted))).Reason.Should().Be(RiskReason.TradingHalted);

    [Fact]
    public void Check_HaltedAndEveryOtherProblem_ReportsHaltedFirst()
        => Denied(Check(Buy(1m, 0.40m), Snapshot(dailyPnl: -2_000_000m, errors: 99, state: TradingState.Halted))).Reason.Should().Be(RiskReason.TradingHalted);

    // ---- consecutive errors ----

    [Fact]
    public void Check_ConsecutiveErrorsAtTheMaximum_Denied()
    {
        var denial = Denied(Check(Sell(1m, 0.40m), Snapshot(position: 10m, errors: 3)));

        denial.Code.Should().Be("MAX_CONSECUTIVE_ERRORS");
        denial.Context.Should().Contain("consecutive_errors", "3").And.Contain("max_consecutive_errors", "3");
    }

    [Fact]
    public void Check_ConsecutiveErrorsOneBelowTheMaximum_Approved()
        => Check(Buy(1m, 0.40m), Snapshot(errors: 2)).IsApproved.Should().BeTrue();

    // ---- daily loss ----

    [Fact]
    public void Check_DailyLossExactlyAtTheLimit_DeniedAsBreachedEvenForAReducingSell()
    {
        var denial = Denied(Check(Sell(1m, 0.40m), Snapshot(position: 50m, dailyPnl: -100m), Loose with { DailyLossLimit = 100m }));

        denial.Code.Should().Be("DAILY_LOSS_LIMIT_BREACHED");
        denial.Context.Should().Contain("daily_loss", "100").And.Contain("daily_loss_limit", "100");
    }

    [Fact]
    public void Check_OrderReachingTheLossLimitExactly_ApprovedUncapped()
    {
        // 90 lost + 25 × 0.40 = 10 worst case = 100: reaching the limit is allowed, exceeding it is not.
        var approval = Approved(Check(Buy(25m, 0.40m), Snapshot(dailyPnl: -90m), Loose with { DailyLossLimit = 100m }));

        approval.IsCapped.Should().BeFalse();
    }

    [Fact]
    public void Check_OrderCrossingTheLossLimit_CappedToTheLossRoom()
    {
        // Room 10 at 0.40 per contract → 25 contracts.
        var approval = Approved(Check(Buy(40m, 0.40m), Snapshot(dailyPnl: -90m), Loose with { DailyLossLimit = 100m }));

        approval.Quantity.Should().Be(new Quantity(25m));
        approval.IsCapped.Should().BeTrue();
        approval.CapCode.Should().Be("DAILY_LOSS_LIMIT");
        approval.Context.Should().Contain("daily_loss", "90")
            .And.Contain("order_worst_case_loss", "16")
            .And.Contain("approved", "25")
            .And.Contain("requested", "40");
    }

    [Fact]
    public void Check_OrderCrossingTheLossLimitWhereNoContractFits_DeniedAsDailyLossLimit()
    {
        // Room 0.30 < 0.40 for a single contract.
        var denial = Denied(Check(Buy(10m, 0.40m), Snapshot(dailyPnl: -99.70m), Loose with { DailyLossLimit = 100m }));

        denial.Code.Should().Be("DAILY_LOSS_LIMIT");
        denial.Context.Should().Contain("approved", "0").And.Contain("order_worst_case_loss", "4");
    }

    [Fact]
    public void Check_ProfitableDay_UsesTheWholeLimit()
        => Approved(Check(Buy(300m, 0.40m), Snapshot(dailyPnl: 50m), Loose with { DailyLossLimit = 100m })).Quantity.Should().Be(new Quantity(250m));

    [Fact]
    public void Check_ReducingSellNearTheLossLimit_AddsNoLossAndIsApproved()
    {
        var approval = Approved(Check(Sell(50m, 0.40m), Snapshot(position: 50m, dailyPnl: -99.70m), Loose with { DailyLossLimit = 100m }));

        approval.IsCapped.Should().BeFalse();
    }

    [Fact]
    public void Check_SellBeyondTheLongPosition_CountsOneMinusPriceForTheShortPart()
    {
        // 10 reduce the long at no risk; each contract beyond shorts at 0.60 of worst case: 10 + 10 / 0.60 = 26.67 → 26.
        var approval = Approved(Check(Sell(30m, 0.40m), Snapshot(position: 10m, dailyPnl: -90m), Loose with { DailyLossLimit = 100m }));

        approval.Quantity.Should().Be(new Quantity(26m));
        approval.CapReason.Should().Be(RiskReason.DailyLossLimit);
        approval.Context.Should().Contain("order_worst_case_loss", "12");
    }

    // ---- REDUCING ----

    [Fact]
    public void Check_ReducingStateSellOfALongPosition_Approved()
        => Approved(Check(Sell(20m, 0.40m), Snapshot(position: 50m, state: TradingState.Reducing))).IsCapped.Should().BeFalse();

    [Fact]
    public void Check_ReducingStateBuyAddingToALongPosition_DeniedAsReduceOnly()
    {
        var denial = Denied(Check(Buy(1m, 0.40m), Snapshot(position: 50m, state: TradingState.Reducing)));

        denial.Code.Should().Be("REDUCE_ONLY");
        denial.Context.Should().Contain("state", "REDUCING").And.Contain("position", "50");
    }

    [Fact]
    public void Check_ReducingStateWithNoPosition_DeniedAsReduceOnly()
        => Denied(Check(Sell(1m, 0.40m), Snapshot(state: TradingState.Reducing))).Reason.Should().Be(RiskReason.ReduceOnly);

    [Fact]
    public void Check_ReducingStateBuyCoveringAShort_Approved()
        => Check(Buy(20m, 0.40m), Snapshot(position: -50m, state: TradingState.Reducing)).IsApproved.Should().BeTrue();

    [Fact]
    public void Check_ReducingStateSellLargerThanThePosition_CappedToClosingIt()
    {
        var approval = Approved(Check(Sell(80m, 0.40m), Snapshot(position: 50m, state: TradingState.Reducing)));

        approval.Quantity.Should().Be(new Quantity(50m));
        approval.CapReason.Should().Be(RiskReason.ReduceOnly);
    }

    // ---- position per market ----

    [Fact]
    public void Check_BuyReachingThePositionLimitExactly_ApprovedUncapped()
        => Approved(Check(Buy(20m, 0.40m), Snapshot(position: 80m), Loose with { MaxPositionPerMarket = 100m })).IsCapped.Should().BeFalse();

    [Fact]
    public void Check_BuyCrossingThePositionLimit_CappedToTheRoom()
    {
        var approval = Approved(Check(Buy(30m, 0.40m), Snapshot(position: 80m), Loose with { MaxPositionPerMarket = 100m }));

        approval.Quantity.Should().Be(new Quantity(20m));
        approval.CapCode.Should().Be("MAX_POSITION_PER_MARKET");
        approval.Context.Should().Contain("max_position_per_market", "100").And.Contain("projected_position", "110");
    }

    [Fact]
    public void Check_BuyAtThePositionLimit_DeniedAsMaxPositionPerMarket()
        => Denied(Check(Buy(1m, 0.40m), Snapshot(position: 100m), Loose with { MaxPositionPerMarket = 100m })).Code.Should().Be("MAX_POSITION_PER_MARKET");

    [Fact]
    public void Check_SellDeepeningAShort_CappedAtTheNegativeLimit()
        => Approved(Check(Sell(30m, 0.40m), Snapshot(position: -80m), Loose with { MaxPositionPerMarket = 100m })).Quantity.Should().Be(new Quantity(20m));

    [Fact]
    public void Check_SellFlippingALongPosition_MayGoToTheLimitOnTheOtherSide()
        => Approved(Check(Sell(300m, 0.40m), Snapshot(position: 80m), Loose with { MaxPositionPerMarket = 100m })).Quantity.Should().Be(new Quantity(180m));

    [Fact]
    public void Check_PositionAlreadyAboveALoweredLimit_ReducingSellStillApproved()
        => Approved(Check(Sell(10m, 0.40m), Snapshot(position: 150m), Loose with { MaxPositionPerMarket = 100m })).IsCapped.Should().BeFalse();

    // ---- total position ----

    [Fact]
    public void Check_BuyCrossingTheTotalLimit_CappedCountingOtherMarketsByAbsoluteSize()
    {
        var approval = Approved(Check(Buy(80m, 0.40m), Snapshot(position: 0m, otherMarket: -200m), Loose with { MaxTotalPosition = 250m }));

        approval.Quantity.Should().Be(new Quantity(50m));
        approval.CapCode.Should().Be("MAX_TOTAL_POSITION");
        approval.Context.Should().Contain("total_position", "200").And.Contain("projected_total_position", "280");
    }

    [Fact]
    public void Check_TotalAlreadyAboveTheLimit_IncreasingBuyDeniedAndReducingSellApproved()
    {
        var limits = Loose with { MaxTotalPosition = 250m };
        var snapshot = Snapshot(position: 20m, otherMarket: 300m);

        Denied(Check(Buy(1m, 0.40m), snapshot, limits)).Code.Should().Be("MAX_TOTAL_POSITION");
        Approved(Check(Sell(20m, 0.40m), snapshot, limits)).IsCapped.Should().BeFalse();
    }

    // ---- notional per order ----

    [Fact]
    public void Check_NotionalExactlyAtTheLimit_ApprovedUncapped()
        => Approved(Check(Buy(125m, 0.40m), Snapshot(), Loose with { MaxNotionalPerOrder = 50m })).IsCapped.Should().BeFalse();

    [Fact]
    public void Check_NotionalAboveTheLimit_CappedAndRoundedDownToWholeContracts()
    {
        // 50 / 0.30 = 166.67 → 166 contracts.
        var approval = Approved(Check(Buy(200m, 0.30m), Snapshot(), Loose with { MaxNotionalPerOrder = 50m }));

        approval.Quantity.Should().Be(new Quantity(166m));
        approval.CapCode.Should().Be("MAX_NOTIONAL_PER_ORDER");
        approval.Context.Should().Contain("notional", "60").And.Contain("max_allowed", "166.666666");
    }

    [Fact]
    public void Check_CappedQuantity_RoundedDownToTheVenueSizeIncrement()
    {
        var lotsOfTen = new InstrumentRules(tickSize: 0.01m, sizeIncrement: 10m, minPrice: 0.01m, maxPrice: 0.99m, minQuantity: 10m);

        Approved(Check(Buy(200m, 0.30m, lotsOfTen), Snapshot(), Loose with { MaxNotionalPerOrder = 50m })).Quantity.Should().Be(new Quantity(160m));
    }

    [Fact]
    public void Check_CappedQuantityBelowTheVenueMinimum_DeniedByTheBindingLimit()
    {
        var minimumTwoHundred = new InstrumentRules(tickSize: 0.01m, sizeIncrement: 10m, minPrice: 0.01m, maxPrice: 0.99m, minQuantity: 200m);

        var denial = Denied(Check(Buy(200m, 0.30m, minimumTwoHundred), Snapshot(), Loose with { MaxNotionalPerOrder = 50m }));

        denial.Code.Should().Be("MAX_NOTIONAL_PER_ORDER");
        denial.Context.Should().Contain("approved", "160").And.Contain("min_quantity", "200");
    }

    [Fact]
    public void Check_FractionalVenue_CapKeepsTheFraction()
    {
        var hundredths = new InstrumentRules(tickSize: 0.01m, sizeIncrement: 0.01m, minPrice: 0.01m, maxPrice: 0.99m, minQuantity: 0.01m);

        Approved(Check(Buy(200m, 0.30m, hundredths), Snapshot(), Loose with { MaxNotionalPerOrder = 50m })).Quantity.Should().Be(new Quantity(166.66m));
    }

    // ---- several limits ----

    [Fact]
    public void Check_SeveralLimitsBind_TheTightestWins()
    {
        // Position room 60, notional room 50 / 0.40 = 125, loss room 10 / 0.40 = 25.
        var limits = Loose with { MaxPositionPerMarket = 100m, MaxNotionalPerOrder = 50m, DailyLossLimit = 100m };

        var approval = Approved(Check(Buy(200m, 0.40m), Snapshot(position: 40m, dailyPnl: -90m), limits));

        approval.Quantity.Should().Be(new Quantity(25m));
        approval.CapReason.Should().Be(RiskReason.DailyLossLimit);
    }

    [Fact]
    public void Check_TwoLimitsAllowTheSameQuantity_TheEarlierLimitIsReported()
    {
        // Position room 20 and notional room 8 / 0.40 = 20.
        var limits = Loose with { MaxPositionPerMarket = 100m, MaxNotionalPerOrder = 8m };

        Approved(Check(Buy(50m, 0.40m), Snapshot(position: 80m), limits)).CapReason.Should().Be(RiskReason.MaxPositionPerMarket);
    }

    [Fact]
    public void Check_LimitsAtTheDecimalMaximum_ApprovedWithoutOverflow()
    {
        var limits = new RiskLimits
        {
            MaxPositionPerMarket = decimal.MaxValue,
            MaxTotalPosition = decimal.MaxValue,
            MaxNotionalPerOrder = decimal.MaxValue,
            DailyLossLimit = decimal.MaxValue,
        };

        Approved(Check(Sell(10m, 0.40m), Snapshot(position: -50m, otherMarket: 70m), limits)).IsCapped.Should().BeFalse();
        Approved(Check(Buy(80m, 0.40m), Snapshot(position: -50m, otherMarket: 70m), limits)).IsCapped.Should().BeFalse();
    }

    [Fact]
    public void Check_SameInputsTwice_DenialsAreEqualValues()
    {
        var snapshot = Snapshot(state: TradingState.Halted);

        Check(Buy(1m, 0.40m), snapshot).Should().Be(Check(Buy(1m, 0.40m), snapshot));
    }

    // ---- invalid input ----

    [Fact]
    public void Check_PriceOfOneDollar_ThrowsNamingThePrice()
    {
        var act = () => Check(Buy(1m, 1m), Snapshot());

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*request.Price*(0, 1)*");
    }

    [Fact]
    public void Check_ZeroQuantity_ThrowsNamingTheQuantity()
    {
        var act = () => Check(Buy(0m, 0.40m), Snapshot());

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*request.Quantity*");
    }

    [Theory]
    [InlineData(RiskReason.TradingHalted, "TRADING_HALTED")]
    [InlineData(RiskReason.MaxConsecutiveErrors, "MAX_CONSECUTIVE_ERRORS")]
    [InlineData(RiskReason.DailyLossLimitBreached, "DAILY_LOSS_LIMIT_BREACHED")]
    [InlineData(RiskReason.ReduceOnly, "REDUCE_ONLY")]
    [InlineData(RiskReason.MaxPositionPerMarket, "MAX_POSITION_PER_MARKET")]
    [InlineData(RiskReason.MaxTotalPosition, "MAX_TOTAL_POSITION")]
    [InlineData(RiskReason.MaxNotionalPerOrder, "MAX_NOTIONAL_PER_ORDER")]
    [InlineData(RiskReason.DailyLossLimit, "DAILY_LOSS_LIMIT")]
    public void Code_EveryReason_IsStable(RiskReason reason, string code)
        => new RiskDenial(reason, new Dictionary<string, string>()).Code.Should().Be(code);

    [Fact]
    public void Code_EveryDefinedReason_IsPinnedAbove()
        => Enum.GetValues<RiskReason>().Should().HaveCount(8, "a new reason needs its code pinned in the test above");
}
