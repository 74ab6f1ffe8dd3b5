using ActorExec.Engine.Venues;

namespace ActorExec.Engine.Tests.Venues;

/// <summary>The breaker as a pure state machine over explicit time: no actors, no clock.</summary>
public sealed class CircuitBreakerSpec
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan OpenFor = TimeSpan.FromSeconds(30);

    private static CircuitBreaker Breaker(int threshold = 3) => new("kalshi", threshold, OpenFor);

    private static CircuitBreaker OpenedAt(DateTimeOffset at, int threshold = 3)
    {
        var breaker = Breaker(threshold);
        for (var i = 0; i < threshold; i++)
            breaker.OnFailure(at, "503");
        return breaker;
    }

    [Fact]
    public void New_IsClosedAndLetsCallsThrough()
    {
        var breaker = Breaker();

        breaker.StateAt(T0).Should().Be(BreakerState.Closed);
        breaker.WouldPass(T0).Should().BeTrue();
        breaker.TryPass(T0, out var change).Should().BeTrue();
        change.Should().BeNull();
        breaker.ConsecutiveFailures.Should().Be(0);
    }

    [Fact]
    public void OnFailure_BelowTheThreshold_StaysClosedAndCounts()
    {
        var breaker = Breaker(threshold: 3);

        breaker.OnFailure(T0, "503").Should().BeNull();
        breaker.OnFailure(T0.AddSeconds(1), "503").Should().BeNull();

        breaker.ConsecutiveFailures.Should().Be(2);
        breaker.StateAt(T0.AddSeconds(1)).Should().Be(BreakerState.Closed);
        breaker.TryPass(T0.AddSeconds(1), out _).Should().BeTrue();
    }

    [Fact]
    public void OnFailure_AtTheThreshold_OpensForTheOpenDurationAndRefusesCalls()
    {
        var breaker = Breaker(threshold: 3);
        breaker.OnFailure(T0, "503");
        breaker.OnFailure(T0.AddSeconds(1), "503");

        var change = breaker.OnFailure(T0.AddSeconds(2), "timeout");

        change.Should().BeEquivalentTo(new { Name = "kalshi", From = BreakerState.Closed, To = BreakerState.Open, At = T0.AddSeconds(2) });
        change!.Reason.Should().Contain("3 consecutive failures").And.Contain("timeout");
        breaker.OpenUntil.Should().Be(T0.AddSeconds(2) + OpenFor);
        breaker.StateAt(T0.AddSeconds(2)).Should().Be(BreakerState.Open);
        breaker.WouldPass(T0.AddSeconds(3)).Should().BeFalse();
        breaker.TryPass(T0.AddSeconds(3), out var none).Should().BeFalse();
        none.Should().BeNull("nothing changes while the open period runs");
    }

    [Fact]
    public void StateAt_JustBeforeAndAtTheEndOfTheOpenPeriod_IsOpenThenHalfOpen()
    {
        var breaker = OpenedAt(T0);

        breaker.StateAt(T0 + OpenFor - TimeSpan.FromTicks(1)).Should().Be(BreakerState.Open);
        breaker.StateAt(T0 + OpenFor).Should().Be(BreakerState.HalfOpen);
        breaker.WouldPass(T0 + OpenFor).Should().BeTrue();
    }

    [Fact]
    public void TryPass_AfterTheOpenPeriod_HalfOpensAndLetsExactlyOneTrialThrough()
    {
        var breaker = OpenedAt(T0);
        var after = T0 + OpenFor + TimeSpan.FromSeconds(1);

        breaker.TryPass(after, out var halfOpen).Should().BeTrue();
        halfOpen.Should().BeEquivalentTo(new { From = BreakerState.Open, To = BreakerState.HalfOpen, At = after });

        breaker.WouldPass(after).Should().BeFalse("the trial is still running");
        breaker.TryPass(after, out var second).Should().BeFalse();
        second.Should().BeNull();
        breaker.StateAt(after).Should().Be(BreakerState.HalfOpen);
    }

    [Fact]
    public void OnSuccess_OfTheTrial_ClosesAndResetsTheCount()
    {
        var breaker = OpenedAt(T0);
        var after = T0 + OpenFor;
        breaker.TryPass(after, out _);

        var change = breaker.OnSuccess(after.AddSeconds(1));

        change.Should().BeEquivalentTo(new { From = BreakerState.HalfOpen, To = BreakerState.Closed, At = after.AddSeconds(1) });
        breaker.ConsecutiveFailures.Should().Be(0);
        breaker.StateAt(after.AddSeconds(1)).Should().Be(BreakerState.Closed);
        breaker.TryPass(after.AddSeconds(1), out _).Should().BeTrue();
        breaker.TryPass(after.AddSeconds(1), out _).Should().BeTrue("a closed breaker lets every call through");
    }

    [Fact]
    public void OnFailure_OfTheTrial_ReopensForAFullPeriodFromTheFailure()
    {
        var breaker = OpenedAt(T0);
        var trialAt = T0 + OpenFor + TimeSpan.FromSeconds(5);
        breaker.TryPass(trialAt, out _);

        var change = breaker.OnFailure(trialAt.AddSeconds(1), "503");

        change.Should().BeEquivalentTo(new { From = BreakerState.HalfOpen, To = BreakerState.Open, At = trialAt.AddSeconds(1) });
        change!.Reason.Should().Contain("trial call failed");
        breaker.OpenUntil.Should().Be(trialAt.AddSeconds(1) + OpenFor);
        breaker.WouldPass(trialAt.AddSeconds(2)).Should().BeFalse();
        breaker.StateAt(trialAt.AddSeconds(1) + OpenFor).Should().Be(BreakerState.HalfOpen, "the next period ends the same way");
    }

    [Fact]
    public void OnSuccess_BetweenFailures_ResetsTheCount()
    {
        var breaker = Breaker(threshold: 3);
        breaker.OnFailure(T0, "503");
        breaker.OnFailure(T0, "503");

        breaker.OnSuccess(T0).Should().BeNull("a closed breaker does not change on success");
        breaker.ConsecutiveFailures.Should().Be(0);
        breaker.OnFailure(T0, "503").Should().BeNull();
        breaker.OnFailure(T0, "503").Should().BeNull();
        breaker.StateAt(T0).Should().Be(BreakerState.Closed, "only two failures in a row since the success");

        breaker.OnFailure(T0, "503")!.To.Should().Be(BreakerState.Open);
    }

    [Fact]
    public void OnFailure_WhileOpen_NeitherChangesNorExtendsThePeriod()
    {
        var breaker = OpenedAt(T0);

        // The late answer of a call sent before the breaker opened.
        breaker.OnFailure(T0.AddSeconds(10), "503").Should().BeNull();

        breaker.OpenUntil.Should().Be(T0 + OpenFor);
        breaker.ConsecutiveFailures.Should().Be(4);
    }

    [Fact]
    public void OnAbandoned_DuringTheTrial_FreesTheTrialSlot()
    {
        var breaker = OpenedAt(T0);
        var after = T0 + OpenFor;
        breaker.TryPass(after, out _);
        breaker.WouldPass(after).Should().BeFalse();

        breaker.OnAbandoned();

        breaker.StateAt(after).Should().Be(BreakerState.HalfOpen);
        breaker.TryPass(after, out var change).Should().BeTrue("the abandoned trial's slot is free for another");
        change.Should().BeNull("it is already half-open");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_ThresholdBelowOne_ThrowsNamingTheBreakerAndValue(int threshold)
    {
        var act = () => new CircuitBreaker("poly", threshold, OpenFor);

        act.Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "failureThreshold" && (int)e.ActualValue! == threshold)
            .WithMessage("*'poly'*at least 1*");
    }

    [Fact]
    public void Constructor_NonPositiveOpenDuration_ThrowsNamingTheBreakerAndValue()
    {
        var act = () => new CircuitBreaker("poly", 3, TimeSpan.Zero);

        act.Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "openDuration" && (TimeSpan)e.ActualValue! == TimeSpan.Zero)
            .WithMessage("*'poly'*must be positive*");
    }
}
