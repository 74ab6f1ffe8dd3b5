namespace ActorExec.Actors.Tests.Supervision;

public sealed class BackoffSupervisorSpec() : TestKit.TestKit(new TestKitOptions { UseVirtualTime = true })
{
    private sealed class Flaky : ReceiveActor
    {
        public Flaky(IActorRef reporter)
        {
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("flaky"));
            Receive<string>(s => s == "quit", _ => Context.Stop(Self));
            Receive<string>(s => Sender.Tell($"child got {s}", Self));
            reporter.Tell("started", Self);
        }
    }

    private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(8);

    private (IActorRef Supervisor, TestProbe Starts) Backoff(Func<BackoffOptions, BackoffOptions>? configure = null)
    {
        var starts = CreateTestProbe();
        var options = new BackoffOptions(Props.Create(() => new Flaky(starts.Ref)), "flaky", Min, Max, RandomFactor: 0);
        var supervisor = ActorOf(BackoffSupervisor.Props(configure?.Invoke(options) ?? options), "backoff");
        starts.ExpectMsg("started");
        return (supervisor, starts);
    }

    /// <summary>Fails the child, then advances the clock to just before and just after the expected delay.</summary>
    private void FailAndExpectRestartAfter(IActorRef supervisor, TestProbe starts, TimeSpan delay)
    {
        supervisor.Tell("fail");
        AwaitChildGone(supervisor);
        Advance(delay - TimeSpan.FromMilliseconds(1));
        starts.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Advance(TimeSpan.FromMilliseconds(1));
        starts.ExpectMsg("started");
    }

    /// <summary>Once the supervisor saw its child stop, it has scheduled the recreation.</summary>
    private void AwaitChildGone(IActorRef supervisor) => AwaitAssert(() =>
    {
        supervisor.Tell(BackoffSupervisor.GetCurrentChild.Instance);
        ExpectMsg<BackoffSupervisor.CurrentChild>().Ref.Should().BeNull();
    });

    [Fact]
    public void OnFailure_RepeatedFailures_DelaysDoubleUpToTheMaximum()
    {
        var (supervisor, starts) = Backoff();
        FailAndExpectRestartAfter(supervisor, starts, TimeSpan.FromSeconds(1));
        FailAndExpectRestartAfter(supervisor, starts, TimeSpan.FromSeconds(2));
        FailAndExpectRestartAfter(supervisor, starts, TimeSpan.FromSeconds(4));
        FailAndExpectRestartAfter(supervisor, starts, TimeSpan.FromSeconds(8));
        FailAndExpectRestartAfter(supervisor, starts, TimeSpan.FromSeconds(8));
    }

    [Fact]
    public void ResetBackoffAfter_ChildRunsLongEnough_DelayStartsFromMinimumAgain()
    {
        var (supervisor, starts) = Backoff(o => o with { ResetBackoffAfter = TimeSpan.FromSeconds(30) });
        FailAndExpectRestartAfter(supervisor, starts, TimeSpan.FromSeconds(1));
        FailAndExpectRestartAfter(supervisor, starts, TimeSpan.FromSeconds(2));

        Advance(TimeSpan.FromSeconds(30)); // stable for the reset period
        supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance);
        ExpectMsg(new BackoffSupervisor.RestartCount(0));

        FailAndExpectRestartAfter(supervisor, starts, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void RandomFactor_SeededRandom_StretchesDelayWithinTheFactor()
    {
        var seeded = new Random(42);
        var expectedJitter = 1 + new Random(42).NextDouble() * 0.5;
        var (supervisor, starts) = Backoff(o => o with { RandomFactor = 0.5, Random = seeded });
        FailAndExpectRestartAfter(supervisor, starts, TimeSpan.FromTicks((long)(TimeSpan.FromSeconds(1).Ticks * expectedJitter)));
    }

    [Fact]
    public void Messages_ToSupervisor_AreForwardedToChildWithOriginalSender()
    {
        var (supervisor, _) = Backoff();
        supervisor.Tell("hello");
        ExpectMsg("child got hello");
    }

    [Fact]
    public void OnStop_ChildStopsItself_IsRecreated()
    {
        var (supervisor, starts) = Backoff(o => o with { Mode = BackoffMode.OnStop });
        supervisor.Tell("quit");
        AwaitChildGone(supervisor);
        Advance(Min);
        starts.ExpectMsg("started");
    }

    [Fact]
    public void MaxNrOfRetries_Exhausted_SupervisorStops()
    {
        var (supervisor, starts) = Backoff(o => o with { MaxNrOfRetries = 1 });
        Watch(supervisor);
        FailAndExpectRestartAfter(supervisor, starts, Min);
        supervisor.Tell("fail");
        ExpectTerminated(supervisor);
    }

    [Fact]
    public void Props_InvalidOptions_NameTheOption()
    {
        var options = new BackoffOptions(Props.Create(() => new Flaky(TestActor)), "flaky", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), 0);
        var act = () => BackoffSupervisor.Props(options);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*MaxBackoff*");
    }
}
