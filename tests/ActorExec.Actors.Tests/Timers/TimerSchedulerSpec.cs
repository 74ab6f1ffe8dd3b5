namespace ActorExec.Actors.Tests.Timers;

public sealed class TimerSchedulerSpec() : TestKit.TestKit(new TestKitOptions { UseVirtualTime = true })
{
    private sealed record StartSingle(string Key, string Message, TimeSpan After);
    private sealed record StartPeriodic(string Key, string Message, TimeSpan Every);
    private sealed record Cancel(string Key);
    private sealed record BlockThenCancel(string Key, ManualResetEventSlim Gate);

    private sealed class Ticking : ReceiveActor, IWithTimers
    {
        public Ticking(IActorRef reporter)
        {
            Receive<StartSingle>(s =>
            {
                Timers.StartSingleTimer(s.Key, s.Message, s.After);
                Sender.Tell("started", Self);
            });
            Receive<StartPeriodic>(p =>
            {
                Timers.StartPeriodicTimer(p.Key, p.Message, p.Every);
                Sender.Tell("started", Self);
            });
            Receive<Cancel>(c =>
            {
                Timers.Cancel(c.Key);
                Sender.Tell($"cancelled, active: {Timers.IsTimerActive(c.Key)}", Self);
            });
            Receive<BlockThenCancel>(b =>
            {
                b.Gate.Wait(TimeSpan.FromSeconds(10));
                Timers.Cancel(b.Key);
                Sender.Tell($"cancelled, active: {Timers.IsTimerActive(b.Key)}", Self);
            });
            Receive<string>(s => s == "crash", _ => throw new InvalidOperationException("restart me"));
            Receive<string>(m => reporter.Tell(m, Self));
        }

        public ITimerScheduler Timers { get; set; } = null!;
    }

    private IActorRef Ticker(TestProbe reporter) => ActorOf(Props.Create(() => new Ticking(reporter.Ref)));

    [Fact]
    public void StartSingleTimer_FiresOnceWhenDue()
    {
        var reporter = CreateTestProbe();
        var ticker = Ticker(reporter);
        ticker.Tell(new StartSingle("k", "ding", TimeSpan.FromSeconds(5)));
        ExpectMsg("started");

        Advance(TimeSpan.FromSeconds(4.9));
        reporter.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Advance(TimeSpan.FromMilliseconds(100));
        reporter.ExpectMsg("ding");
        Advance(TimeSpan.FromSeconds(60));
        reporter.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void StartPeriodicTimer_FiresEveryInterval()
    {
        var reporter = CreateTestProbe();
        var ticker = Ticker(reporter);
        ticker.Tell(new StartPeriodic("k", "tick", TimeSpan.FromSeconds(1)));
        ExpectMsg("started");

        Advance(TimeSpan.FromSeconds(3));

        reporter.ExpectMsg("tick");
        reporter.ExpectMsg("tick");
        reporter.ExpectMsg("tick");
        reporter.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void StartSingleTimer_SameKey_ReplacesPreviousTimer()
    {
        var reporter = CreateTestProbe();
        var ticker = Ticker(reporter);
        ticker.Tell(new StartSingle("k", "first", TimeSpan.FromSeconds(1)));
        ticker.Tell(new StartSingle("k", "second", TimeSpan.FromSeconds(2)));
        ExpectMsg("started");
        ExpectMsg("started");

        Advance(TimeSpan.FromSeconds(5));

        reporter.ExpectMsg("second");
        reporter.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Cancel_PendingTimer_NeverFires()
    {
        var reporter = CreateTestProbe();
        var ticker = Ticker(reporter);
        ticker.Tell(new StartPeriodic("k", "tick", TimeSpan.FromSeconds(1)));
        ticker.Tell(new Cancel("k"));
        ExpectMsg("started");
        ExpectMsg("cancelled, active: False");

        Advance(TimeSpan.FromSeconds(10));

        reporter.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Stop_PendingTimers_DoNotFireAfterwards()
    {
        var reporter = CreateTestProbe();
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe<DeadLetter>(deadLetters.Ref);
        var ticker = Ticker(reporter);
        ticker.Tell(new StartPeriodic("k", "tick", TimeSpan.FromSeconds(1)));
        ExpectMsg("started");
        Watch(ticker);
        Sys.Stop(ticker);
        ExpectTerminated(ticker);

        Advance(TimeSpan.FromSeconds(10));

        reporter.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        deadLetters.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        VirtualClock!.ActiveTimerCount.Should().Be(0);
    }

    [Fact]
    public void Restart_CancelsTimersOfTheFailedInstance()
    {
        var reporter = CreateTestProbe();
        var ticker = Ticker(reporter);
        ticker.Tell(new StartSingle("k", "from the old instance", TimeSpan.FromSeconds(1)));
        ExpectMsg("started");

        ticker.Tell("crash");
        ticker.Tell(new StartSingle("other", "from the new instance", TimeSpan.FromSeconds(2)));
        ExpectMsg("started");
        Advance(TimeSpan.FromSeconds(3));

        reporter.ExpectMsg("from the new instance");
        reporter.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Cancel_TimerMessageAlreadyQueued_IsNotDelivered()
    {
        var reporter = CreateTestProbe();
        var ticker = Ticker(reporter);
        using var gate = new ManualResetEventSlim();
        ticker.Tell(new StartSingle("k", "late", TimeSpan.FromSeconds(1)));
        ExpectMsg("started");

        // The actor holds on this message until the gate opens, then cancels the timer. The timer
        // fires meanwhile, so its message is already in the mailbox when Cancel runs.
        ticker.Tell(new BlockThenCancel("k", gate));
        Advance(TimeSpan.FromSeconds(1));
        gate.Set();

        ExpectMsg("cancelled, active: False");
        reporter.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }
}
