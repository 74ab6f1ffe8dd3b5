namespace ActorExec.TestKit.Tests;

/// <summary>The virtual clock: nothing moves until Advance, and Advance fires what falls due, in order.</summary>
public sealed class ManualTimeProviderSpec : TestKit
{
    private static readonly DateTimeOffset Start = new(2030, 6, 15, 12, 0, 0, TimeSpan.Zero);

    private readonly ManualTimeProvider _clock = new(Start);

    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    // ---- time stands still ----

    [Fact]
    public void Constructor_WithoutStart_StartsAtFirstOfJanuary2026Utc()
    {
        var clock = new ManualTimeProvider();

        clock.GetUtcNow().Should().Be(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        clock.Elapsed.Should().Be(TimeSpan.Zero);
        clock.GetTimestamp().Should().Be(0);
    }

    [Fact]
    public void Constructor_WithStart_StartsThere()
    {
        _clock.GetUtcNow().Should().Be(Start);
        _clock.Elapsed.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void GetUtcNow_RealTimePassesWithoutAdvance_StandsStill()
    {
        var before = _clock.GetUtcNow();
        var timestamp = _clock.GetTimestamp();

        ExpectNoMsg(Ms(150)); // lets real time pass

        _clock.GetUtcNow().Should().Be(before);
        _clock.GetTimestamp().Should().Be(timestamp);
        _clock.Elapsed.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void CreateTimer_RealTimePassesWithoutAdvance_DoesNotFireUntilAdvanced()
    {
        using var timer = _clock.CreateTimer(_ => TestActor.Tell("fired", null), null, Ms(1), Timeout.InfiniteTimeSpan);

        ExpectNoMsg(Ms(150));
        _clock.Advance(Ms(1));

        ExpectMsg("fired");
    }

    [Fact]
    public void LocalTimeZone_Always_IsUtc()
    {
        _clock.LocalTimeZone.Should().Be(TimeZoneInfo.Utc);
        _clock.GetLocalNow().Should().Be(Start);
        _clock.GetLocalNow().Offset.Should().Be(TimeSpan.Zero);
    }

    // ---- Advance ----

    [Fact]
    public void Advance_ByStep_MovesUtcNowAndElapsedByExactlyTheStep()
    {
        _clock.Advance(TimeSpan.FromMinutes(3));
        _clock.Advance(Ms(250));

        _clock.GetUtcNow().Should().Be(Start + TimeSpan.FromMinutes(3) + Ms(250));
        _clock.Elapsed.Should().Be(TimeSpan.FromMinutes(3) + Ms(250));
    }

    [Fact]
    public void Advance_Zero_LeavesClockUnchanged()
    {
        _clock.Advance(Ms(10));

        _clock.Advance(TimeSpan.Zero);

        _clock.Elapsed.Should().Be(Ms(10));
        _clock.GetUtcNow().Should().Be(Start + Ms(10));
    }

    [Fact]
    public void Advance_Negative_ThrowsArgumentOutOfRangeAndKeepsClock()
    {
        _clock.Advance(Ms(5));
        var fired = 0;
        using var timer = _clock.CreateTimer(_ => fired++, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);

        var act = () => _clock.Advance(Ms(-1));

        act.Should().Throw<ArgumentOutOfRangeException>();
        _clock.Elapsed.Should().Be(Ms(5));
        fired.Should().Be(0, "a rejected step must not fire anything");
    }

    [Fact]
    public void Advance_ShortOfDueTime_DoesNotFireTimer()
    {
        var fired = 0;
        using var timer = _clock.CreateTimer(_ => fired++, null, Ms(100), Timeout.InfiniteTimeSpan);

        _clock.Advance(Ms(99.999));
        fired.Should().Be(0);

        _clock.Advance(Ms(0.001));
        fired.Should().Be(1);
    }

    [Fact]
    public void Advance_PastSeveralTimers_FiresThemInDueTimeOrder()
    {
        var order = new List<string>();
        using var late = _clock.CreateTimer(_ => order.Add("30ms"), null, Ms(30), Timeout.InfiniteTimeSpan);
        using var early = _clock.CreateTimer(_ => order.Add("10ms"), null, Ms(10), Timeout.InfiniteTimeSpan);
        using var middle = _clock.CreateTimer(_ => order.Add("20ms"), null, Ms(20), Timeout.InfiniteTimeSpan);

        _clock.Advance(Ms(100));

        order.Should().Equal("10ms", "20ms", "30ms");
    }

    [Fact]
    public void Advance_TimersDueAtSameTime_FireInCreationOrder()
    {
        var order = new List<int>();
        var timers = Enumerable.Range(0, 8)
            .Select(i => _clock.CreateTimer(_ => order.Add(i), null, Ms(50), Timeout.InfiniteTimeSpan))
            .ToList();

        _clock.Advance(Ms(50));

        order.Should().Equal(0, 1, 2, 3, 4, 5, 6, 7);
        timers.ForEach(t => t.Dispose());
    }

    [Fact]
    public void Advance_PastSeveralTimers_EachCallbackObservesClockAtItsOwnDueTime()
    {
        var seen = new List<(string Name, DateTimeOffset Now, TimeSpan Elapsed, long Timestamp)>();
        void Record(object? name) => seen.Add(((string)name!, _clock.GetUtcNow(), _clock.Elapsed, _clock.GetTimestamp()));
        using var a = _clock.CreateTimer(Record, "a", Ms(700), Timeout.InfiniteTimeSpan);
        using var b = _clock.CreateTimer(Record, "b", Ms(200), Timeout.InfiniteTimeSpan);

        _clock.Advance(TimeSpan.FromSeconds(1));

        seen.Should().Equal(
            ("b", Start + Ms(200), Ms(200), Ms(200).Ticks),
            ("a", Start + Ms(700), Ms(700), Ms(700).Ticks));
        _clock.GetUtcNow().Should().Be(Start + TimeSpan.FromSeconds(1), "after the callbacks the clock reaches the end of the step");
    }

    [Fact]
    public void Advance_PeriodicTimer_FiresOncePerElapsedPeriodAtEachPeriodBoundary()
    {
        var firedAt = new List<TimeSpan>();
        using var timer = _clock.CreateTimer(_ => firedAt.Add(_clock.Elapsed), null, Ms(10), Ms(10));

        _clock.Advance(Ms(35));
        firedAt.Should().Equal(Ms(10), Ms(20), Ms(30));

        _clock.Advance(Ms(5));
        firedAt.Should().Equal(Ms(10), Ms(20), Ms(30), Ms(40));
    }

    [Fact]
    public void Advance_PeriodicTimerWithDifferentFirstDelay_FirstFiresAtDueThenEveryPeriod()
    {
        var firedAt = new List<TimeSpan>();
        using var timer = _clock.CreateTimer(_ => firedAt.Add(_clock.Elapsed), null, Ms(5), Ms(20));

        _clock.Advance(Ms(50));

        firedAt.Should().Equal(Ms(5), Ms(25), Ms(45));
    }

    [Fact]
    public void Advance_PeriodicAndOneShotInterleaved_FireInTimeOrder()
    {
        var order = new List<string>();
        using var periodic = _clock.CreateTimer(_ => order.Add($"p@{_clock.Elapsed.TotalMilliseconds}"), null, Ms(10), Ms(10));
        using var oneShot = _clock.CreateTimer(_ => order.Add($"o@{_clock.Elapsed.TotalMilliseconds}"), null, Ms(25), Timeout.InfiniteTimeSpan);

        _clock.Advance(Ms(40));

        order.Should().Equal("p@10", "p@20", "o@25", "p@30", "p@40");
    }

    [Fact]
    public void Advance_CallbackArmsTimerDueWithinStep_FiresItInSameAdvanceAtItsDueTime()
    {
        var firedAt = new List<(string, TimeSpan)>();
        ITimer? second = null;
        using var first = _clock.CreateTimer(_ =>
        {
            firedAt.Add(("first", _clock.Elapsed));
            second = _clock.CreateTimer(_ => firedAt.Add(("second", _clock.Elapsed)), null, Ms(15), Timeout.InfiniteTimeSpan);
        }, null, Ms(10), Timeout.InfiniteTimeSpan);

        _clock.Advance(Ms(30));

        firedAt.Should().Equal(("first", Ms(10)), ("second", Ms(25)));
        second.Should().NotBeNull();
        second!.Dispose();
    }

    [Fact]
    public void Advance_CalledAgainFromTimerCallback_ClockNeverMovesBackwards()
    {
        // A nested Advance (from a callback, or from another thread while callbacks run) moves the
        // clock past the outer step's end; the outer Advance must not then rewind it.
        var seen = new List<TimeSpan>();
        using var nested = _clock.CreateTimer(_ => _clock.Advance(Ms(20)), null, Ms(5), Timeout.InfiniteTimeSpan);
        using var probe = _clock.CreateTimer(_ => seen.Add(_clock.Elapsed), null, Ms(15), Timeout.InfiniteTimeSpan);

        _clock.Advance(Ms(10));

        seen.Should().Equal(Ms(15));
        _clock.Elapsed.Should().BeGreaterThanOrEqualTo(Ms(25), "time already reached 25 ms inside the nested Advance; a clock must be monotonic");
    }

    [Fact]
    public void CreateTimer_DueTimeZero_FiresOnNextAdvanceEvenByZero()
    {
        var fired = 0;
        using var timer = _clock.CreateTimer(_ => fired++, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        fired.Should().Be(0, "time stands still until Advance");

        _clock.Advance(TimeSpan.Zero);

        fired.Should().Be(1);
    }

    [Fact]
    public void CreateTimer_WithState_PassesStateToCallback()
    {
        var state = new object();
        object? received = null;
        using var timer = _clock.CreateTimer(s => received = s, state, Ms(1), Timeout.InfiniteTimeSpan);

        _clock.Advance(Ms(1));

        received.Should().BeSameAs(state);
    }

    [Fact]
    public void CreateTimer_NullCallback_ThrowsArgumentNull()
    {
        var act = () => _clock.CreateTimer(null!, null, Ms(1), Timeout.InfiniteTimeSpan);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void CreateTimer_NegativeDueTime_ThrowsArgumentOutOfRange()
    {
        var act = () => _clock.CreateTimer(_ => { }, null, Ms(-5), Timeout.InfiniteTimeSpan);

        act.Should().Throw<ArgumentOutOfRangeException>();
        _clock.ActiveTimerCount.Should().Be(0);
    }

    [Fact]
    public void CreateTimer_InfiniteDueTime_StaysDisarmed()
    {
        var fired = 0;
        using var timer = _clock.CreateTimer(_ => fired++, null, Timeout.InfiniteTimeSpan, Ms(10));

        _clock.Advance(TimeSpan.FromDays(1));

        fired.Should().Be(0);
        _clock.ActiveTimerCount.Should().Be(0);
    }

    // ---- ActiveTimerCount ----

    [Fact]
    public void ActiveTimerCount_OneShotFired_DropsButPeriodicStays()
    {
        using var oneShot = _clock.CreateTimer(_ => { }, null, Ms(10), Timeout.InfiniteTimeSpan);
        using var periodic = _clock.CreateTimer(_ => { }, null, Ms(10), Ms(10));
        _clock.ActiveTimerCount.Should().Be(2);

        _clock.Advance(Ms(10));

        _clock.ActiveTimerCount.Should().Be(1);
    }

    // ---- Change and Dispose ----

    [Fact]
    public void Change_BeforeDue_RearmsRelativeToCurrentTime()
    {
        var firedAt = new List<TimeSpan>();
        using var timer = _clock.CreateTimer(_ => firedAt.Add(_clock.Elapsed), null, Ms(10), Timeout.InfiniteTimeSpan);
        _clock.Advance(Ms(5));

        timer.Change(Ms(20), Timeout.InfiniteTimeSpan).Should().BeTrue();
        _clock.Advance(Ms(19));
        firedAt.Should().BeEmpty("the original due time (10 ms) was replaced by now + 20 ms = 25 ms");

        _clock.Advance(Ms(1));
        firedAt.Should().Equal(Ms(25));
    }

    [Fact]
    public void Change_AfterOneShotFired_RearmsIt()
    {
        var fired = 0;
        using var timer = _clock.CreateTimer(_ => fired++, null, Ms(10), Timeout.InfiniteTimeSpan);
        _clock.Advance(Ms(10));
        fired.Should().Be(1);

        timer.Change(Ms(10), Timeout.InfiniteTimeSpan);
        _clock.Advance(Ms(10));

        fired.Should().Be(2);
    }

    [Fact]
    public void Change_ToInfiniteDueTime_DisarmsTimer()
    {
        var fired = 0;
        using var timer = _clock.CreateTimer(_ => fired++, null, Ms(10), Ms(10));

        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _clock.Advance(TimeSpan.FromSeconds(1));

        fired.Should().Be(0);
        _clock.ActiveTimerCount.Should().Be(0);
    }

    [Fact]
    public void Change_PeriodicToOneShot_StopsRepeating()
    {
        var fired = 0;
        using var timer = _clock.CreateTimer(_ => fired++, null, Ms(10), Ms(10));
        _clock.Advance(Ms(20));
        fired.Should().Be(2);

        timer.Change(Ms(10), Timeout.InfiniteTimeSpan);
        _clock.Advance(Ms(100));

        fired.Should().Be(3);
    }

    [Fact]
    public void Change_InsideOwnPeriodicCallback_TakesEffectFromThatMoment()
    {
        var firedAt = new List<TimeSpan>();
        ITimer timer = null!;
        timer = _clock.CreateTimer(_ =>
        {
            firedAt.Add(_clock.Elapsed);
            if (firedAt.Count == 1)
                timer.Change(Ms(50), Ms(50));
        }, null, Ms(10), Ms(10));

        _clock.Advance(Ms(110));

        firedAt.Should().Equal(Ms(10), Ms(60), Ms(110));
        timer.Dispose();
    }

    [Fact]
    public void Dispose_BeforeDue_TimerNeverFires()
    {
        var fired = 0;
        var timer = _clock.CreateTimer(_ => fired++, null, Ms(10), Ms(10));

        timer.Dispose();
        _clock.Advance(TimeSpan.FromSeconds(1));

        fired.Should().Be(0);
        _clock.ActiveTimerCount.Should().Be(0);
    }

    [Fact]
    public async Task DisposeAsync_BeforeDue_TimerNeverFires()
    {
        var fired = 0;
        var timer = _clock.CreateTimer(_ => fired++, null, Ms(10), Timeout.InfiniteTimeSpan);

        await timer.DisposeAsync();
        _clock.Advance(TimeSpan.FromSeconds(1));

        fired.Should().Be(0);
        _clock.ActiveTimerCount.Should().Be(0);
    }

    [Fact]
    public void Dispose_InsideOwnPeriodicCallback_StopsFurtherFiringsInSameAdvance()
    {
        var fired = 0;
        ITimer timer = null!;
        timer = _clock.CreateTimer(_ =>
        {
            if (++fired == 2)
                timer.Dispose();
        }, null, Ms(10), Ms(10));

        _clock.Advance(Ms(100));

        fired.Should().Be(2);
        _clock.ActiveTimerCount.Should().Be(0);
    }

    [Fact]
    public void Dispose_OneTimerInsideAnotherTimersCallback_PreventsItFromFiring()
    {
        var order = new List<string>();
        ITimer victim = null!;
        using var killer = _clock.CreateTimer(_ => { order.Add("killer"); victim.Dispose(); }, null, Ms(10), Timeout.InfiniteTimeSpan);
        victim = _clock.CreateTimer(_ => order.Add("victim"), null, Ms(20), Timeout.InfiniteTimeSpan);

        _clock.Advance(Ms(30));

        order.Should().Equal("killer");
    }

    [Fact]
    public void Change_AfterDispose_DoesNotRearmTimer()
    {
        // A disposed timer must stay dead: TimeProvider.System's timer returns false from Change after
        // Dispose and never fires; a disposed ITimer that fires later calls back into torn-down code.
        var fired = 0;
        var timer = _clock.CreateTimer(_ => fired++, null, Ms(10), Timeout.InfiniteTimeSpan);
        timer.Dispose();

        var changed = timer.Change(Ms(10), Timeout.InfiniteTimeSpan);
        _clock.Advance(Ms(100));

        fired.Should().Be(0, "a disposed timer must never fire");
        _clock.ActiveTimerCount.Should().Be(0, "a disposed timer must not be re-armed");
        changed.Should().BeFalse("Change on a disposed timer reports that nothing was changed");
    }

    [Fact]
    public void Change_NegativeDueTime_ThrowsAndLeavesTimerArmedAsBefore()
    {
        // Argument validation must not have side effects: the rejected Change should leave the
        // timer exactly as it was (System.Threading.Timer validates before touching the timer).
        var fired = 0;
        using var timer = _clock.CreateTimer(_ => fired++, null, Ms(10), Timeout.InfiniteTimeSpan);

        var act = () => timer.Change(Ms(-5), Timeout.InfiniteTimeSpan);

        act.Should().Throw<ArgumentOutOfRangeException>();
        _clock.Advance(Ms(10));
        fired.Should().Be(1, "the rejected Change must not disarm the timer");
    }

    // ---- timestamps ----

    [Fact]
    public void TimestampFrequency_Always_IsTicksPerSecond()
    {
        _clock.TimestampFrequency.Should().Be(TimeSpan.TicksPerSecond);
    }

    [Fact]
    public void GetElapsedTime_AcrossAdvance_ReturnsVirtualTimeOnly()
    {
        _clock.Advance(Ms(123));
        var started = _clock.GetTimestamp();

        _clock.Advance(TimeSpan.FromSeconds(2));
        _clock.Advance(Ms(500));

        _clock.GetElapsedTime(started).Should().Be(TimeSpan.FromSeconds(2.5));
        _clock.GetElapsedTime(started, _clock.GetTimestamp()).Should().Be(TimeSpan.FromSeconds(2.5));
    }

    [Fact]
    public void GetTimestamp_AfterAdvance_GrowsByStepInTicks()
    {
        var before = _clock.GetTimestamp();

        _clock.Advance(TimeSpan.FromSeconds(1));

        (_clock.GetTimestamp() - before).Should().Be(TimeSpan.TicksPerSecond);
    }

    // ---- BCL integrations ----

    [Fact]
    public async Task TaskDelay_WithProvider_CompletesOnlyAfterAdvancePassesDelay()
    {
        var delay = Task.Delay(TimeSpan.FromSeconds(5), _clock);
        ExpectNoMsg(Ms(100)); // real time passes
        delay.IsCompleted.Should().BeFalse();

        _clock.Advance(TimeSpan.FromSeconds(4.999));
        delay.IsCompleted.Should().BeFalse();

        _clock.Advance(Ms(1));
        await delay.WaitAsync(TimeSpan.FromSeconds(3));
        delay.IsCompletedSuccessfully.Should().BeTrue();
        _clock.ActiveTimerCount.Should().Be(0);
    }

    [Fact]
    public async Task WaitAsync_WithProviderTimeout_TimesOutOnlyAfterAdvance()
    {
        var never = new TaskCompletionSource();
        var waiting = never.Task.WaitAsync(TimeSpan.FromSeconds(10), _clock);

        _clock.Advance(TimeSpan.FromSeconds(9));
        waiting.IsCompleted.Should().BeFalse();

        _clock.Advance(TimeSpan.FromSeconds(1));
        var act = () => waiting;
        await act.Should().ThrowAsync<TimeoutException>();
    }

    [Fact]
    public void CancellationTokenSource_WithProvider_CancelsOnlyAfterAdvance()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2), _clock);

        _clock.Advance(TimeSpan.FromSeconds(1));
        cts.IsCancellationRequested.Should().BeFalse();

        _clock.Advance(TimeSpan.FromSeconds(1));
        cts.IsCancellationRequested.Should().BeTrue();
    }
}
