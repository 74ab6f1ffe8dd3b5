namespace ActorExec.Actors.Tests.Supervision;

public sealed class SupervisionSpec : TestKit.TestKit
{
    /// <summary>Counts the messages it handles; throws the exception it is given; reports its lifecycle to a probe.</summary>
    private sealed class Worker : ReceiveActor
    {
        private readonly IActorRef _reporter;
        private int _count;

        public Worker(IActorRef reporter)
        {
            _reporter = reporter;
            Receive<Exception>(e => throw e);
            Receive<string>(s => s == "count", _ => Sender.Tell(++_count, Self));
            Receive<Props>(props => Sender.Tell(Context.ActorOf(props, "child"), Self));
            Receive<string>(s => s == "block", _ => Sender.Tell("blocked", Self));
        }

        protected override void PreStart() => _reporter.Tell("prestart", Self);

        protected override void PostStop() => _reporter.Tell("poststop", Self);

        protected override void PreRestart(Exception reason, object? message)
        {
            _reporter.Tell($"prerestart:{reason.Message}:{message?.GetType().Name}", Self);
            base.PreRestart(reason, message);
        }

        protected override void PostRestart(Exception reason)
        {
            _reporter.Tell($"postrestart:{reason.Message}", Self);
            base.PostRestart(reason);
        }
    }

    /// <summary>A parent whose strategy for its children is given; forwards everything else to its child.</summary>
    private sealed class Supervisor : ReceiveActor
    {
        private readonly SupervisorStrategy _strategy;

        public Supervisor(SupervisorStrategy strategy)
        {
            _strategy = strategy;
            Receive<Props>(props => Sender.Tell(Context.ActorOf(props), Self));
            Receive<(Props Props, string Name)>(named => Sender.Tell(Context.ActorOf(named.Props, named.Name), Self));
        }

        protected override SupervisorStrategy SupervisorStrategy() => _strategy;
    }

    private IActorRef Supervise(SupervisorStrategy strategy, Props child, string? name = null)
    {
        var supervisor = ActorOf(Props.Create(() => new Supervisor(strategy)), name);
        supervisor.Tell(child);
        return ExpectMsg<IActorRef>();
    }

    private static Func<Exception, Directive> Always(Directive directive) => _ => directive;

    private IEnumerable<IActorRef> TerminatedActors(int count) => ReceiveN(count).Cast<Terminated>().Select(t => t.ActorRef);

    [Fact]
    public void Restart_AfterFailure_KeepsRefAndMailboxAndDropsOnlyTheFailedMessage()
    {
        var probe = CreateTestProbe();
        var worker = Supervise(new OneForOneStrategy(Always(Directive.Restart)), Props.Create(() => new Worker(probe.Ref)));
        probe.ExpectMsg("prestart");
        worker.Tell("count");
        ExpectMsg(1);

        // Queued behind the failing message: must survive the restart in the same mailbox.
        worker.Tell(new InvalidOperationException("boom"));
        worker.Tell("count");
        worker.Tell("count");

        probe.ExpectMsg("prerestart:boom:InvalidOperationException");
        probe.ExpectMsg("poststop");
        probe.ExpectMsg("postrestart:boom");
        probe.ExpectMsg("prestart");
        ExpectMsg(1); // state was reset by the restart...
        ExpectMsg(2); // ...and both queued messages were processed by the new instance
        LastSender.Should().BeSameAs(worker);
    }

    [Fact]
    public void Resume_AfterFailure_KeepsState()
    {
        var probe = CreateTestProbe();
        var worker = Supervise(new OneForOneStrategy(Always(Directive.Resume)), Props.Create(() => new Worker(probe.Ref)));
        worker.Tell("count");
        worker.Tell("count");
        ExpectMsg(1);
        ExpectMsg(2);

        worker.Tell(new InvalidOperationException("ignored"));
        worker.Tell("count");

        ExpectMsg(3);
        probe.ExpectMsg("prestart");
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Stop_AfterFailure_StopsChildAndItsChildren()
    {
        var probe = CreateTestProbe();
        var grandchildProbe = CreateTestProbe();
        var worker = Supervise(new OneForOneStrategy(Always(Directive.Stop)), Props.Create(() => new Worker(probe.Ref)));
        worker.Tell(Props.Create(() => new Worker(grandchildProbe.Ref)));
        var grandchild = ExpectMsg<IActorRef>();
        Watch(worker);
        Watch(grandchild);

        worker.Tell(new InvalidOperationException("fatal"));

        TerminatedActors(2).Should().BeEquivalentTo(new[] { worker, grandchild });
        grandchildProbe.FishForMessage(m => (string)m == "poststop");
    }

    [Fact]
    public void Escalate_ChildFailure_ReachesGrandparentWithTheSameException()
    {
        var decisions = CreateTestProbe();
        var grandparentStrategy = new OneForOneStrategy(e =>
        {
            decisions.Ref.Tell(e.Message, null);
            return Directive.Stop;
        });
        var middleProps = Props.Create(() => new Supervisor(new OneForOneStrategy(Always(Directive.Escalate))));
        var middle = Supervise(grandparentStrategy, middleProps);
        middle.Tell(Props.Create(() => new Worker(CreateTestProbe(null).Ref)));
        var leaf = ExpectMsg<IActorRef>();
        Watch(middle);

        leaf.Tell(new InvalidOperationException("from the leaf"));

        decisions.ExpectMsg("from the leaf");
        ExpectTerminated(middle);
    }

    [Fact]
    public void Restart_MaxNrOfRetriesExhausted_StopsChild()
    {
        var probe = CreateTestProbe();
        var worker = Supervise(new OneForOneStrategy(2, TimeSpan.FromMinutes(1), Always(Directive.Restart)), Props.Create(() => new Worker(probe.Ref)));
        Watch(worker);

        worker.Tell(new InvalidOperationException("1"));
        worker.Tell(new InvalidOperationException("2"));
        worker.Tell("count");
        ExpectMsg(1); // restarted twice, still alive
        worker.Tell(new InvalidOperationException("3"));

        ExpectTerminated(worker);
    }

    [Fact]
    public void AllForOne_Restart_RestartsEverySibling()
    {
        var strategy = new AllForOneStrategy(Always(Directive.Restart));
        var supervisor = ActorOf(Props.Create(() => new Supervisor(strategy)));
        var probeA = CreateTestProbe();
        var probeB = CreateTestProbe();
        supervisor.Tell(Props.Create(() => new Worker(probeA.Ref)));
        var a = ExpectMsg<IActorRef>();
        supervisor.Tell(Props.Create(() => new Worker(probeB.Ref)));
        var b = ExpectMsg<IActorRef>();
        b.Tell("count");
        ExpectMsg(1);

        a.Tell(new InvalidOperationException("one fails"));

        probeB.FishForMessage(m => (string)m == "postrestart:one fails");
        b.Tell("count");
        ExpectMsg(1); // b's state was reset too
    }

    [Fact]
    public void AllForOne_Stop_StopsEverySibling()
    {
        var supervisor = ActorOf(Props.Create(() => new Supervisor(new AllForOneStrategy(Always(Directive.Stop)))));
        supervisor.Tell(Props.Create(() => new Worker(CreateTestProbe(null).Ref)));
        var a = ExpectMsg<IActorRef>();
        supervisor.Tell(Props.Create(() => new Worker(CreateTestProbe(null).Ref)));
        var b = ExpectMsg<IActorRef>();
        Watch(a);
        Watch(b);

        a.Tell(new InvalidOperationException("stop all"));

        TerminatedActors(2).Should().BeEquivalentTo(new[] { a, b });
    }

    [Fact]
    public void DefaultStrategy_ConstructorThrows_StopsActorWithInitializationException()
    {
        var actor = ActorOf(Props.Create<FailingConstructor>(), "fails-in-ctor");
        Watch(actor);
        ExpectTerminated(actor);
    }

    private sealed class FailingConstructor : ReceiveActor
    {
        public FailingConstructor() => throw new InvalidOperationException("cannot start");
    }

    [Fact]
    public void DefaultStrategy_HandlerThrows_RestartsAndKeepsProcessing()
    {
        var probe = CreateTestProbe();
        var worker = ActorOf(Props.Create(() => new Worker(probe.Ref)));
        worker.Tell(new ArgumentException("bad input"));
        worker.Tell("count");

        ExpectMsg(1);
        probe.FishForMessage(m => (string)m == "postrestart:bad input");
    }

    [Fact]
    public void Kill_DefaultStrategy_StopsActor()
    {
        var worker = ActorOf(Props.Create(() => new Worker(CreateTestProbe(null).Ref)));
        Watch(worker);
        worker.Tell(Kill.Instance);
        ExpectTerminated(worker);
    }

    [Fact]
    public void Failure_InOneActor_DoesNotDisturbAnother()
    {
        var healthy = ActorOf(Props.Create(() => new Worker(CreateTestProbe(null).Ref)));
        var failing = ActorOf(Props.Create(() => new Worker(CreateTestProbe(null).Ref)));
        for (var i = 0; i < 50; i++)
        {
            failing.Tell(new InvalidOperationException($"failure {i}"));
            healthy.Tell("count");
        }

        ReceiveN(50).Should().Equal(Enumerable.Range(1, 50).Cast<object>());
    }

    [Fact]
    public void PropsWithSupervisorStrategy_OverridesActorsOwnStrategy()
    {
        var probe = CreateTestProbe();
        var parentProps = Props.Create(() => new Supervisor(SupervisorStrategy.Default))
            .WithSupervisorStrategy(new OneForOneStrategy(Always(Directive.Resume)));
        var parent = ActorOf(parentProps);
        parent.Tell(Props.Create(() => new Worker(probe.Ref)));
        var worker = ExpectMsg<IActorRef>();
        worker.Tell("count");
        ExpectMsg(1);

        worker.Tell(new InvalidOperationException("resumed, not restarted"));
        worker.Tell("count");

        ExpectMsg(2);
    }

    [Fact]
    public void OneForOneStrategy_NegativeRetries_IsRejected()
    {
        var act = () => new OneForOneStrategy(-1, null, Always(Directive.Restart));
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*unlimited*");
    }
}
