using System.Runtime.CompilerServices;
using Xunit.Abstractions;

namespace ActorExec.TestKit.Tests;

/// <summary>The kit in real time: implicit sender, actors, Within, AwaitCondition, AwaitAssert, Watch and disposal.</summary>
public sealed class TestKitSpec : TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(200);

    private sealed class Echo : ReceiveActor
    {
        public Echo() => Receive<string>(s => Sender.Tell("echo:" + s, Self));
    }

    private sealed class Counter : ReceiveActor
    {
        public Counter(StrongBox<int> count) => Receive<string>(_ => Interlocked.Increment(ref count.Value));
    }

    private sealed class Stopping : ReceiveActor
    {
        public Stopping(TaskCompletionSource stopped)
        {
            _stopped = stopped;
            Receive<string>(_ => { });
        }

        private readonly TaskCompletionSource _stopped;

        protected override void PostStop() => _stopped.TrySetResult();
    }

    private sealed class Failing : ReceiveActor
    {
        public Failing() => Receive<string>(s => throw new InvalidOperationException("boom: " + s));
    }

    private sealed class Kit(TestKitOptions? options = null, ITestOutputHelper? output = null) : TestKit(options, output);

    private sealed class RecordingOutput : ITestOutputHelper
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                    return [.. _lines];
            }
        }

        public void WriteLine(string message)
        {
            lock (_lines)
                _lines.Add(message);
        }

        public void WriteLine(string format, params object[] args) => WriteLine(string.Format(null, format, args));
    }

    // ---- TestActor and implicit sender ----

    [Fact]
    public void TestActor_Always_LivesAtSystemTestActorAndIsRef()
    {
        TestActor.Path.ToString().Should().Be("/system/testActor");
        Ref.Should().BeSameAs(TestActor);
    }

    [Fact]
    public void Tell_WithoutSenderFromTest_ReplyReachesTestActor()
    {
        var echo = ActorOf(Props.Create<Echo>(), "echo");

        echo.Tell("hi");

        ExpectMsg("echo:hi");
        LastSender.Should().Be(echo);
    }

    [Fact]
    public void ImplicitSender_InsideTest_IsTheTestActor()
    {
        ImplicitSender.Current.Should().Be(TestActor);
    }

    [Fact]
    public async Task Tell_AfterAwait_ReplyStillReachesTestActor()
    {
        var echo = ActorOf(Props.Create<Echo>());
        await Task.Yield();
        var answer = await echo.Ask<string>("ask", TimeSpan.FromSeconds(3));
        answer.Should().Be("echo:ask");

        echo.Tell("after-await");

        (await ExpectMsgAsync<string>()).Should().Be("echo:after-await");
        LastSender.Should().Be(echo);
    }

    [Fact]
    public async Task Tell_FromThreadPoolTask_ReplyReachesTestActor()
    {
        var echo = ActorOf(Props.Create<Echo>());

        await Task.Run(() => echo.Tell("from-pool"));

        await ExpectMsgAsync("echo:from-pool");
    }

    [Fact]
    public void Tell_WithExplicitNoSender_ReplyGoesToDeadLetters()
    {
        var echo = ActorOf(Props.Create<Echo>());

        echo.Tell("nobody", ActorRefs.NoSender);

        ExpectNoMsg(Short);
    }

    [Fact]
    public void ActorOf_WithName_CreatesTopLevelUserActor()
    {
        var echo = ActorOf(Props.Create<Echo>(), "named");

        echo.Path.ToString().Should().Be("/user/named");
        echo.Tell("ping");
        ExpectMsg("echo:ping");
    }

    // ---- Watch / Unwatch ----

    [Fact]
    public void Watch_ThenStop_TerminatedArrivesInTestActor()
    {
        var echo = Watch(ActorOf(Props.Create<Echo>(), "watched"));

        echo.Tell(PoisonPill.Instance);

        ExpectTerminated(echo).ActorRef.Path.ToString().Should().Be("/user/watched");
    }

    [Fact]
    public void Unwatch_BeforeStop_NoTerminatedArrives()
    {
        var echo = Watch(ActorOf(Props.Create<Echo>()));
        Unwatch(echo);
        TestActor.Tell("barrier", null); // processed after Watch and Unwatch
        ExpectMsg("barrier");

        Sys.Stop(echo);

        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    // ---- Within (real time) ----

    [Fact]
    public void Within_BlockEndsInsideBounds_Passes()
    {
        var echo = ActorOf(Props.Create<Echo>());

        var act = () => Within(TimeSpan.FromSeconds(3), () =>
        {
            echo.Tell("quick");
            ExpectMsg("echo:quick");
        });

        act.Should().NotThrow();
    }

    [Fact]
    public void Within_BlockTakesLongerThanMax_ThrowsAtMost()
    {
        var act = () => Within(TimeSpan.FromMilliseconds(50), () => ExpectNoMsg(TimeSpan.FromMilliseconds(250)));

        act.Should().Throw<XunitException>().Which.Message.Should().Contain("Expected the block to take at most 50 ms, but it took");
    }

    [Fact]
    public void Within_BlockFasterThanMin_ThrowsAtLeast()
    {
        var act = () => Within(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), () => { });

        act.Should().Throw<XunitException>().Which.Message.Should().Contain("Expected the block to take at least 2000 ms, but it took");
    }

    [Fact]
    public void Within_ExpectationWithoutTimeoutInside_WaitsOnlyForTimeLeft()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var act = () => Within(TimeSpan.FromMilliseconds(300), () => ExpectMsg<string>());

        var failure = act.Should().Throw<XunitException>().Which;
        failure.Message.Should().Contain("none arrived");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2), "the expectation inherits Within's 300 ms rather than the 3 s default");
    }

    [Fact]
    public async Task WithinAsync_BlockWithResult_ReturnsIt()
    {
        var echo = ActorOf(Props.Create<Echo>());

        var reply = await WithinAsync(TimeSpan.Zero, TimeSpan.FromSeconds(3), async () =>
        {
            echo.Tell("r");
            return await ExpectMsgAsync<string>();
        });

        reply.Should().Be("echo:r");
    }

    [Fact]
    public void Within_BlockThrows_PropagatesBlockFailureAndRestoresDefault()
    {
        var act = () => Within(TimeSpan.FromSeconds(1), () => throw new InvalidOperationException("inner"));

        act.Should().Throw<InvalidOperationException>().WithMessage("inner");
        RemainingOrDefault.Should().Be(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Advance_WithoutVirtualTime_ThrowsInvalidOperation()
    {
        VirtualClock.Should().BeNull();

        var act = () => Advance(TimeSpan.FromSeconds(1));

        act.Should().Throw<InvalidOperationException>().WithMessage("*UseVirtualTime*");
    }

    // ---- AwaitCondition ----

    [Fact]
    public void AwaitCondition_ConditionBecomesTrueAsActorsWork_Passes()
    {
        var count = new StrongBox<int>();
        var counter = ActorOf(Props.Create(() => new Counter(count)));

        for (var i = 0; i < 3; i++)
            counter.Tell("inc");

        AwaitCondition(() => Volatile.Read(ref count.Value) == 3, message: "three increments");
        Volatile.Read(ref count.Value).Should().Be(3);
    }

    [Fact]
    public void AwaitCondition_TrueOnThirdPoll_PassesAfterPollingThreeTimes()
    {
        var polls = 0;

        AwaitCondition(() => ++polls == 3, TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(1));

        polls.Should().Be(3);
    }

    [Fact]
    public void AwaitCondition_NeverTrue_ThrowsWithGivenMessageAfterDeadline()
    {
        var polls = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var act = () => AwaitCondition(() => { polls++; return false; }, Short, message: "counter reaches 5");

        var failure = act.Should().Throw<XunitException>().Which;
        failure.Message.Should().Contain("Condition 'counter reaches 5' was not met within 200 ms");
        failure.Message.Should().Contain("/system/testActor");
        watch.Elapsed.Should().BeGreaterThanOrEqualTo(Short);
        polls.Should().BeGreaterThan(1, "the condition is polled until the deadline");
    }

    [Fact]
    public async Task AwaitConditionAsync_NeverTrueWithoutMessage_ThrowsGenericMessage()
    {
        var act = () => AwaitConditionAsync(() => false, Short);

        (await act.Should().ThrowAsync<XunitException>()).Which.Message.Should().Contain("Condition was not met within 200 ms");
    }

    [Fact]
    public void AwaitCondition_AlreadyTrue_ReturnsAfterSinglePoll()
    {
        var polls = 0;

        AwaitCondition(() => { polls++; return true; }, Short);

        polls.Should().Be(1);
    }

    // ---- AwaitAssert ----

    [Fact]
    public void AwaitAssert_PassesOnThirdAttempt_Returns()
    {
        var attempts = 0;

        AwaitAssert(() => (++attempts).Should().Be(3), TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(1));

        attempts.Should().Be(3);
    }

    [Fact]
    public void AwaitAssert_AlwaysFails_RethrowsLastFailureAfterDeadline()
    {
        var attempts = 0;
        Exception? last = null;

        var act = () => AwaitAssert(() =>
        {
            attempts++;
            last = new InvalidOperationException($"attempt {attempts} failed");
            throw last;
        }, Short);

        var failure = act.Should().Throw<XunitException>().Which;
        attempts.Should().BeGreaterThan(1);
        failure.InnerException.Should().BeSameAs(last, "the last failure is the one reported");
        failure.Message.Should().Contain($"attempt {attempts} failed");
        failure.Message.Should().Contain("Assertion still failed after 200 ms");
    }

    [Fact]
    public async Task AwaitAssertAsync_ActorStateReachedEventually_Passes()
    {
        var count = new StrongBox<int>();
        var counter = ActorOf(Props.Create(() => new Counter(count)));
        counter.Tell("a");
        counter.Tell("b");

        await AwaitAssertAsync(() => Volatile.Read(ref count.Value).Should().Be(2));

        Volatile.Read(ref count.Value).Should().Be(2);
    }

    // ---- Dispose ----

    [Fact]
    public async Task Dispose_Kit_TerminatesItsSystemAndStopsActors()
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var kit = new Kit();
        var actor = kit.ActorOf(Props.Create(() => new Stopping(stopped)));
        actor.Tell("started", null);

        kit.Dispose();

        kit.Sys.WhenTerminated.IsCompletedSuccessfully.Should().BeTrue();
        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(3));
        ImplicitSender.Current.Should().BeNull("disposal clears the ambient sender it set");
        ImplicitSender.Current = TestActor; // restore this test's own implicit sender
    }

    [Fact]
    public void Dispose_Twice_IsHarmless()
    {
        var kit = new Kit();
        kit.Dispose();

        var again = () => kit.Dispose();

        again.Should().NotThrow();
        kit.Sys.WhenTerminated.IsCompletedSuccessfully.Should().BeTrue();
        ImplicitSender.Current = TestActor;
    }

    [Fact]
    public void Constructor_TwoKits_GetDistinctSystems()
    {
        using var first = new Kit();
        using var second = new Kit();

        first.Sys.Should().NotBeSameAs(second.Sys);
        first.Sys.Name.Should().NotBe(second.Sys.Name);
        first.Sys.Name.Should().StartWith("test-");
        ImplicitSender.Current = TestActor;
    }

    [Fact]
    public void Constructor_WithOutput_WritesSystemLogsToIt()
    {
        var output = new RecordingOutput();
        using var kit = new Kit(output: output);
        var failing = kit.ActorOf(Props.Create<Failing>(), "failing");

        failing.Tell("now", null);

        AwaitCondition(() => output.Lines.Any(l => l.Contains("boom: now", StringComparison.Ordinal)), message: "the failure is logged");
        output.Lines.Should().Contain(l => l.Contains("InvalidOperationException", StringComparison.Ordinal));
        ImplicitSender.Current = TestActor;
    }
}

/// <summary>The kit in virtual-time mode: the system runs on a <see cref="ManualTimeProvider"/> that only the test moves.</summary>
public sealed class TestKitVirtualTimeSpec() : TestKit(new TestKitOptions { UseVirtualTime = true })
{
    private sealed record StartSingle(TimeSpan After);

    private sealed record StartPeriodic(TimeSpan Every);

    /// <summary>Arms a timer on request (replying "armed"), and passes every "tick" to the test actor.</summary>
    private sealed class Ticker : ReceiveActor, IWithTimers
    {
        public Ticker(IActorRef target)
        {
            Receive<StartSingle>(m =>
            {
                Timers.StartSingleTimer("t", "tick", m.After);
                Sender.Tell("armed", Self);
            });
            Receive<StartPeriodic>(m =>
            {
                Timers.StartPeriodicTimer("t", "tick", m.Every);
                Sender.Tell("armed", Self);
            });
            Receive<string>(s => target.Tell(s, Self));
        }

        public ITimerScheduler Timers { get; set; } = null!;
    }

    private sealed class Silent : ReceiveActor
    {
        public Silent() => ReceiveAny(_ => { });
    }

    [Fact]
    public void VirtualClock_InVirtualMode_IsTheSystemsClock()
    {
        VirtualClock.Should().NotBeNull();
        Sys.TimeProvider.Should().BeSameAs(VirtualClock);
    }

    [Fact]
    public void Advance_OnKit_MovesTheVirtualClock()
    {
        var before = Sys.TimeProvider.GetUtcNow();

        Advance(TimeSpan.FromMinutes(5));

        Sys.TimeProvider.GetUtcNow().Should().Be(before + TimeSpan.FromMinutes(5));
        VirtualClock!.Elapsed.Should().Be(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void Advance_PastActorSingleTimer_DeliversTickOnlyWhenDue()
    {
        var ticker = ActorOf(Props.Create(() => new Ticker(TestActor)));
        ticker.Tell(new StartSingle(TimeSpan.FromSeconds(5)));
        ExpectMsg("armed");

        Advance(TimeSpan.FromSeconds(4.9));
        ExpectNoMsg(TimeSpan.FromMilliseconds(150));

        Advance(TimeSpan.FromSeconds(0.1));
        ExpectMsg("tick");
        LastSender.Should().Be(ticker);
    }

    [Fact]
    public void Advance_PastSeveralPeriods_DeliversOneTickPerPeriod()
    {
        var ticker = ActorOf(Props.Create(() => new Ticker(TestActor)));
        ticker.Tell(new StartPeriodic(TimeSpan.FromSeconds(1)));
        ExpectMsg("armed");

        Advance(TimeSpan.FromSeconds(3.5));

        ReceiveN(3).Should().Equal("tick", "tick", "tick");
        ExpectNoMsg(TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public async Task Ask_NoReply_TimesOutOnlyWhenVirtualClockPassesTimeout()
    {
        var silent = ActorOf(Props.Create<Silent>(), "silent");
        var ask = silent.Ask<string>("question", TimeSpan.FromSeconds(10));

        ExpectNoMsg(TimeSpan.FromMilliseconds(150)); // real time passes
        ask.IsCompleted.Should().BeFalse("the virtual clock has not moved");

        Advance(TimeSpan.FromSeconds(10));

        var act = () => ask;
        (await act.Should().ThrowAsync<AskTimeoutException>()).Which.Message.Should().Contain("/user/silent");
    }

    // ---- Within on the virtual clock ----

    [Fact]
    public void Within_BlockAdvancesClockInsideBounds_Passes()
    {
        var act = () => Within(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), () => Advance(TimeSpan.FromSeconds(1.5)));

        act.Should().NotThrow();
    }

    [Fact]
    public void Within_BlockAdvancesExactlyToBounds_Passes()
    {
        var act = () => Within(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), () => Advance(TimeSpan.FromSeconds(1)));

        act.Should().NotThrow();
    }

    [Fact]
    public void Within_BlockAdvancesPastMax_ThrowsWithVirtualDuration()
    {
        var act = () => Within(TimeSpan.FromSeconds(2), () => Advance(TimeSpan.FromSeconds(3)));

        var failure = act.Should().Throw<XunitException>().Which;
        failure.Message.Should().Contain("Expected the block to take at most 2000 ms, but it took 3000 ms");
        failure.Message.Should().Contain("/system/testActor");
    }

    [Fact]
    public void Within_BlockAdvancesLessThanMin_ThrowsWithVirtualDuration()
    {
        var act = () => Within(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), () => Advance(TimeSpan.FromMilliseconds(500)));

        act.Should().Throw<XunitException>().Which.Message
            .Should().Contain("Expected the block to take at least 1000 ms, but it took 500 ms");
    }

    [Fact]
    public void Within_RealTimePassesButClockStandsStill_MeasuresVirtualZero()
    {
        // 150 ms of real time pass inside a 50 ms Within: only the virtual clock counts.
        var act = () => Within(TimeSpan.FromMilliseconds(50), () => ExpectNoMsg(TimeSpan.FromMilliseconds(150)));

        act.Should().NotThrow();
    }

    [Fact]
    public void Within_RealTimePassesButClockStandsStill_FailsMinimum()
    {
        var act = () => Within(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), () => ExpectNoMsg(TimeSpan.FromMilliseconds(150)));

        act.Should().Throw<XunitException>().Which.Message.Should().Contain("but it took 0 ms");
    }

    [Fact]
    public async Task WithinAsync_TimerDrivenBlock_ReturnsResultAndMeasuresVirtualTime()
    {
        var ticker = ActorOf(Props.Create(() => new Ticker(TestActor)));

        var tick = await WithinAsync(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), async () =>
        {
            ticker.Tell(new StartSingle(TimeSpan.FromSeconds(30)));
            await ExpectMsgAsync("armed");
            Advance(TimeSpan.FromSeconds(30));
            return await ExpectMsgAsync<string>();
        });

        tick.Should().Be("tick");
    }

    [Fact]
    public void Within_InVirtualMode_ExpectationsKeepDefaultTimeout()
    {
        TimeSpan inside = default;

        Within(TimeSpan.FromMilliseconds(10), () => inside = RemainingOrDefault);

        inside.Should().Be(TimeSpan.FromSeconds(3), "a virtual-time Within does not shorten real-time waits");
    }
}
