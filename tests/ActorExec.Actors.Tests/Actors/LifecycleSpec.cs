namespace ActorExec.Actors.Tests.Actors;

public sealed class LifecycleSpec : TestKit.TestKit
{
    private sealed class Reporting : ReceiveActor
    {
        private readonly IActorRef _reporter;

        public Reporting(IActorRef reporter)
        {
            _reporter = reporter;
            Receive<Props>(props => Sender.Tell(Context.ActorOf(props, "kid"), Self));
            Receive<string>(s => s == "stop-kid", _ => Context.Stop(Context.Child("kid")!));
            Receive<string>(s => s == "stop-self", _ =>
            {
                Context.Stop(Self);
                Sender.Tell("stopping", Self);
            });
            ReceiveAny(m => _reporter.Tell(m, Self));
        }

        protected override void PreStart() => _reporter.Tell("prestart", Self);

        protected override void PostStop() => _reporter.Tell("poststop", Self);
    }

    [Fact]
    public void PreStart_RunsBeforeTheFirstMessage()
    {
        var actor = ActorOf(Props.Create(() => new Reporting(TestActor)));
        actor.Tell("first");
        ExpectMsg("prestart");
        ExpectMsg("first");
    }

    [Fact]
    public void PoisonPill_ProcessesEarlierMessagesThenStops()
    {
        var actor = ActorOf(Props.Create(() => new Reporting(TestActor)));
        actor.Tell("a");
        actor.Tell("b");
        actor.Tell(PoisonPill.Instance);
        actor.Tell("after the pill");

        ExpectMsg("prestart");
        ExpectMsg("a");
        ExpectMsg("b");
        ExpectMsg("poststop");
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void ContextStopChild_StopsOnlyTheChild()
    {
        var kidProbe = CreateTestProbe();
        var parent = ActorOf(Props.Create(() => new Reporting(TestActor)));
        ExpectMsg("prestart");
        parent.Tell(Props.Create(() => new Reporting(kidProbe.Ref)));
        var kid = ExpectMsg<IActorRef>();
        Watch(kid);

        parent.Tell("stop-kid");

        ExpectTerminated(kid);
        kidProbe.FishForMessage(m => (string)m == "poststop");
        parent.Tell("still alive");
        ExpectMsg("still alive");
    }

    [Fact]
    public void ContextStopSelf_MessagesAlreadyQueuedBecomeDeadLetters()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe<DeadLetter>(deadLetters.Ref);
        var actor = ActorOf(Props.Create(() => new Reporting(TestActor)));
        ExpectMsg("prestart");

        actor.Tell("stop-self");
        actor.Tell("queued behind the stop");

        ExpectMsg("stopping");
        ExpectMsg("poststop");
        deadLetters.ExpectMsg<DeadLetter>(d => Equals(d.Message, "queued behind the stop") && d.Recipient.Equals(actor));
    }

    [Fact]
    public async Task GracefulStop_ActorStops_ReturnsTrue()
    {
        var actor = ActorOf(Props.Create(() => new Reporting(TestActor)));
        (await actor.GracefulStop(TimeSpan.FromSeconds(3))).Should().BeTrue();
        FishForMessage(m => (string)m == "poststop");
    }

    [Fact]
    public async Task GracefulStop_StopMessageIgnored_ReturnsFalseAfterTimeout()
    {
        var actor = ActorOf(Props.Create(() => new Reporting(TestActor)));
        (await actor.GracefulStop(TimeSpan.FromMilliseconds(200), stopMessage: "not a stop")).Should().BeFalse();
    }

    [Fact]
    public void Exception_InPostStop_IsContainedAndTerminationCompletes()
    {
        var actor = ActorOf(Props.Create<ThrowsInPostStop>());
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
    }

    private sealed class ThrowsInPostStop : ReceiveActor
    {
        protected override void PostStop() => throw new InvalidOperationException("PostStop failed");
    }

    [Fact]
    public void Context_ParentAndChildren_AreVisibleInsideTheActor()
    {
        var parent = ActorOf(Props.Create<Family>(), "family");
        parent.Tell("describe");
        var description = ExpectMsg<string>();
        description.Should().Be("parent=/user children=a,b");
    }

    private sealed class Family : ReceiveActor
    {
        public Family()
        {
            Context.ActorOf(Props.Create<Family.Leaf>(), "a");
            Context.ActorOf(Props.Create<Family.Leaf>(), "b");
            Receive<string>(_ => Sender.Tell(
                $"parent={Context.Parent.Path} children={string.Join(',', Context.Children.Select(c => c.Path.Name).Order())}", Self));
        }

        public sealed class Leaf : ReceiveActor;
    }
}
