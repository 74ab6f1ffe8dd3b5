using ActorExec.Trading.Execution;

namespace ActorExec.Trading.Tests.Execution;

public sealed class InFlightSlotSpec
{
    private static readonly MarketId Market = new("PRES-2028");
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan OneTick = TimeSpan.FromTicks(1);

    [Fact]
    public void TryClaim_Idle_ClaimsInFlightSinceNow()
    {
        var result = InFlightSlot.Idle(Market).TryClaim(T0);

        var claimed = result.Should().BeOfType<ClaimResult.Claimed>().Subject;
        claimed.Slot.Should().Be(InFlightSlot.InFlight(Market, T0));
        claimed.Slot.Since.Should().Be(T0);
        result.IsClaimed.Should().BeTrue();
    }

    [Fact]
    public void TryClaim_InFlight_RefusedAsAlreadyInFlightWithSince()
    {
        var result = InFlightSlot.InFlight(Market, T0).TryClaim(T0.AddMinutes(5));

        var refused = result.Should().BeOfType<ClaimResult.AlreadyInFlight>().Subject;
        refused.Since.Should().Be(T0);
        refused.Code.Should().Be("ALREADY_IN_FLIGHT");
        refused.Context.Should().Contain("market", "PRES-2028").And.Contain("in_flight_since", "2025-03-01T12:00:00.0000000+00:00");
        result.IsClaimed.Should().BeFalse();
    }

    [Fact]
    public void TryClaim_OneTickBeforeCooldownEnds_RefusedAsCoolingDownWithUntil()
    {
        var until = T0.AddSeconds(10);

        var result = InFlightSlot.CoolingDown(Market, until).TryClaim(until - OneTick);

        var refused = result.Should().BeOfType<ClaimResult.CoolingDown>().Subject;
        refused.Until.Should().Be(until);
        refused.Code.Should().Be("COOLING_DOWN");
        refused.Context.Should().Contain("cooling_down_until", "2025-03-01T12:00:10.0000000+00:00");
    }

    [Fact]
    public void TryClaim_ExactlyWhenCooldownEnds_Claims()
    {
        var until = T0.AddSeconds(10);

        var result = InFlightSlot.CoolingDown(Market, until).TryClaim(until);

        result.Should().BeOfType<ClaimResult.Claimed>().Which.Slot.Should().Be(InFlightSlot.InFlight(Market, until));
    }

    [Fact]
    public void TryClaim_LongAfterCooldownEnded_Claims()
        => InFlightSlot.CoolingDown(Market, T0).TryClaim(T0.AddHours(1)).IsClaimed.Should().BeTrue();

    [Fact]
    public void PhaseAt_AroundCooldownEnd_CoolingDownThenIdle()
    {
        var slot = InFlightSlot.CoolingDown(Market, T0);

        slot.PhaseAt(T0 - OneTick).Should().Be(InFlightPhase.CoolingDown);
        slot.PhaseAt(T0).Should().Be(InFlightPhase.Idle);
        slot.Phase.Should().Be(InFlightPhase.CoolingDown, "the stored phase does not change by itself; only its reading at an instant does");
        slot.IsClaimableAt(T0 - OneTick).Should().BeFalse();
        slot.IsClaimableAt(T0).Should().BeTrue();
    }

    [Theory]
    [InlineData(ReleaseReason.ProfitBelowThreshold)]
    [InlineData(ReleaseReason.BreakerOpen)]
    [InlineData(ReleaseReason.ExecutionFailed)]
    public void Release_ImmediateReason_BecomesIdleAtOnce(ReleaseReason reason)
    {
        var result = InFlightSlot.InFlight(Market, T0).Release(reason, T0.AddSeconds(3));

        var released = result.Should().BeOfType<ReleaseResult.Released>().Subject;
        released.Slot.Should().Be(InFlightSlot.Idle(Market));
        released.Reason.Should().Be(reason);
        released.Slot.TryClaim(T0.AddSeconds(3)).IsClaimed.Should().BeTrue();
    }

    [Theory]
    [InlineData(ReleaseReason.DryRun)]
    [InlineData(ReleaseReason.InsufficientLiquidity)]
    [InlineData(ReleaseReason.Success)]
    public void Release_CooldownReason_CoolsDownForTheDefaultTenSeconds(ReleaseReason reason)
    {
        var releasedAt = T0.AddSeconds(3);

        var result = InFlightSlot.InFlight(Market, T0).Release(reason, releasedAt);

        var slot = result.Should().BeOfType<ReleaseResult.Released>().Which.Slot;
        slot.Should().Be(InFlightSlot.CoolingDown(Market, releasedAt.AddSeconds(10)));
        slot.TryClaim(releasedAt.AddSeconds(10) - OneTick).Should().BeOfType<ClaimResult.CoolingDown>();
        slot.TryClaim(releasedAt.AddSeconds(10)).IsClaimed.Should().BeTrue();
    }

    [Fact]
    public void Release_CustomCooldown_CoolsDownForIt()
    {
        var result = InFlightSlot.InFlight(Market, T0).Release(ReleaseReason.Success, T0, TimeSpan.FromSeconds(30));

        result.Should().BeOfType<ReleaseResult.Released>().Which.Slot.Until.Should().Be(T0.AddSeconds(30));
    }

    [Fact]
    public void Release_ZeroCooldown_BecomesIdle()
    {
        var result = InFlightSlot.InFlight(Market, T0).Release(ReleaseReason.Success, T0, TimeSpan.Zero);

        result.Should().BeOfType<ReleaseResult.Released>().Which.Slot.Phase.Should().Be(InFlightPhase.Idle);
    }

    [Fact]
    public void Release_Idle_ReturnsNotInFlightValue()
    {
        var result = InFlightSlot.Idle(Market).Release(ReleaseReason.Success, T0);

        var refused = result.Should().BeOfType<ReleaseResult.NotInFlight>().Subject;
        refused.Code.Should().Be("NOT_IN_FLIGHT");
        refused.Phase.Should().Be(InFlightPhase.Idle);
        refused.CoolingDownUntil.Should().BeNull();
        refused.Context.Should().Equal(new Dictionary<string, string>
        {
            ["market"] = "PRES-2028",
            ["phase"] = "IDLE",
            ["release_reason"] = "SUCCESS",
        });
        result.IsReleased.Should().BeFalse();
    }

    [Fact]
    public void Release_CoolingDown_ReturnsNotInFlightWithUntil()
    {
        var until = T0.AddSeconds(10);

        var result = InFlightSlot.CoolingDown(Market, until).Release(ReleaseReason.ExecutionFailed, T0);

        var refused = result.Should().BeOfType<ReleaseResult.NotInFlight>().Subject;
        refused.Phase.Should().Be(InFlightPhase.CoolingDown);
        refused.CoolingDownUntil.Should().Be(until);
        refused.Context.Should().Contain("phase", "COOLING_DOWN").And.Contain("cooling_down_until", "2025-03-01T12:00:10.0000000+00:00");
    }

    [Fact]
    public void Release_AfterCooldownEnded_ReturnsNotInFlightAsIdle()
    {
        var result = InFlightSlot.CoolingDown(Market, T0).Release(ReleaseReason.Success, T0);

        result.Should().BeOfType<ReleaseResult.NotInFlight>().Which.Phase.Should().Be(InFlightPhase.Idle);
    }

    [Fact]
    public void Release_TwiceInARow_SecondIsNotInFlight()
    {
        var first = InFlightSlot.InFlight(Market, T0).Release(ReleaseReason.ExecutionFailed, T0);
        var second = ((ReleaseResult.Released)first).Slot.Release(ReleaseReason.ExecutionFailed, T0);

        second.Should().BeOfType<ReleaseResult.NotInFlight>();
    }

    [Fact]
    public void Release_NegativeCooldown_ThrowsNamingCooldown()
    {
        var act = () => InFlightSlot.InFlight(Market, T0).Release(ReleaseReason.Success, T0, TimeSpan.FromSeconds(-1));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("cooldown");
    }

    [Fact]
    public void Release_UndefinedReason_ThrowsNamingReason()
    {
        var act = () => InFlightSlot.InFlight(Market, T0).Release((ReleaseReason)42, T0);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("reason").WithMessage("*42*");
    }

    [Fact]
    public void Idle_DefaultMarketId_Throws()
    {
        var act = () => InFlightSlot.Idle(default);

        act.Should().Throw<ArgumentException>().WithParameterName("market");
    }

    [Theory]
    [InlineData(ReleaseReason.ProfitBelowThreshold, false)]
    [InlineData(ReleaseReason.BreakerOpen, false)]
    [InlineData(ReleaseReason.ExecutionFailed, false)]
    [InlineData(ReleaseReason.DryRun, true)]
    [InlineData(ReleaseReason.InsufficientLiquidity, true)]
    [InlineData(ReleaseReason.Success, true)]
    public void StartsCooldown_EveryReason_MatchesTheSpecifiedSplit(ReleaseReason reason, bool expected)
        => reason.StartsCooldown().Should().Be(expected);

    [Fact]
    public void StartsCooldown_EveryDefinedReason_IsCovered()
        => Enum.GetValues<ReleaseReason>().Should().HaveCount(6, "a new reason must be added to the split test above");

    [Theory]
    [InlineData(ClaimRefusalReason.AlreadyInFlight, "ALREADY_IN_FLIGHT")]
    [InlineData(ClaimRefusalReason.CoolingDown, "COOLING_DOWN")]
    public void Code_EveryClaimRefusal_IsStable(ClaimRefusalReason reason, string code)
        => ReasonCodes.Of(reason).Should().Be(code);
}
