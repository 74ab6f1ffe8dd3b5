namespace ActorExec.TestKit.Tests;

/// <summary>Probes: extra test actors with their own inbox, expectations, Send, Watch and Forward.</summary>
public sealed class TestProbeSpec : TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(150);

    private sealed class Echo : ReceiveActor
    {
        public Echo() => Receive<string>(s => Sender.Tell("echo:" + s, Self));
    }

    /// <summary>Sends every string it receives on to a fixed target, keeping the original sender.</summary>
    private sealed class Relay : ReceiveActor
    {
        public Relay(IActorRef target) => Receive<string>(s => target.Forward("relayed:" + s));
    }

    [Fact]
    public void CreateTestProbe_WithName_LivesUnderSystemWithThatName()
    {
        var probe = CreateTestProbe("my-probe");

        probe.Ref.Path.ToString().Should().Be("/system/my-probe");
        probe.ToString().Should().Be("TestProbe(/system/my-probe)");
    }

    [Fact]
    public void CreateTestProbe_WithoutName_GetsDistinctNames()
    {
        var first = CreateTestProbe();
        var second = CreateTestProbe();

        first.Ref.Path.Should().NotBe(second.Ref.Path);
        first.Ref.Path.Name.Should().StartWith("probe-");
        second.Ref.Path.Name.Should().StartWith("probe-");
    }

    [Fact]
    public void Send_ToActor_ReplyReachesProbeNotTestActor()
    {
        var echo = ActorOf(Props.Create<Echo>(), "echo");
        var probe = CreateTestProbe();

        probe.Send(echo, "hi");

        probe.ExpectMsg("echo:hi");
        probe.LastSender.Should().Be(echo);
        ExpectNoMsg(Short);
    }

    [Fact]
    public void Tell_WithProbeAsExplicitSender_ReplyReachesProbe()
    {
        var echo = ActorOf(Props.Create<Echo>());
        var probe = CreateTestProbe();

        echo.Tell("x", probe.Ref);

        probe.ExpectMsg("echo:x");
    }

    [Fact]
    public void Probes_MessageToOne_DoesNotAppearInOthersOrTestActor()
    {
        var first = CreateTestProbe("first");
        var second = CreateTestProbe("second");

        first.Ref.Tell("for-first", null);
        second.Ref.Tell("for-second", null);

        first.ExpectMsg("for-first");
        second.ExpectMsg("for-second");
        first.ExpectNoMsg(Short);
        second.ExpectNoMsg(Short);
        ExpectNoMsg(Short);
    }

    [Fact]
    public void Probes_ReceiveConcurrently_EachSeesOnlyItsOwnInOrder()
    {
        var first = CreateTestProbe();
        var second = CreateTestProbe();

        for (var i = 0; i < 20; i++)
        {
            first.Ref.Tell(i, null);
            second.Ref.Tell(-i, null);
        }

        first.ReceiveN(20).Should().Equal(Enumerable.Range(0, 20).Cast<object>());
        second.ReceiveN(20).Should().Equal(Enumerable.Range(0, 20).Select(i => (object)(-i)));
        first.PendingCount.Should().Be(0);
        second.PendingCount.Should().Be(0);
    }

    [Fact]
    public void ExpectMsg_OnProbeTimesOut_FailureNamesProbePath()
    {
        var probe = CreateTestProbe("quiet");

        var act = () => probe.ExpectMsg<string>(timeout: Short);

        var failure = act.Should().Throw<XunitException>().Which;
        failure.Message.Should().Contain("Expected a message of type String within 150 ms, but none arrived");
        failure.Message.Should().Contain("/system/quiet");
        failure.Message.Should().NotContain("/system/testActor");
    }

    [Fact]
    public void LastSender_OnProbe_IsIndependentOfTestActor()
    {
        var echo = ActorOf(Props.Create<Echo>());
        var probe = CreateTestProbe();

        probe.Send(echo, "p");
        probe.ExpectMsg("echo:p");

        probe.LastSender.Should().Be(echo);
        var testActorLastSender = () => LastSender;
        testActorLastSender.Should().Throw<InvalidOperationException>("the test actor has received nothing");
    }

    [Fact]
    public void Reply_FromProbe_ReachesLastSenderWithProbeAsSender()
    {
        var probe = CreateTestProbe();
        TestActor.Tell("ignored", null);
        probe.Ref.Tell("question"); // implicit sender: the test actor

        probe.ExpectMsg("question");
        probe.LastSender.Should().Be(TestActor);
        probe.Reply("answer");

        ExpectMsg("ignored");
        ExpectMsg("answer");
        LastSender.Should().Be(probe.Ref);
    }

    [Fact]
    public void Forward_FromProbe_KeepsOriginalSender()
    {
        var echo = ActorOf(Props.Create<Echo>());
        var middle = CreateTestProbe("middle");

        middle.Ref.Tell("via-probe"); // sent by the test actor
        middle.ExpectMsg("via-probe");
        middle.Forward(echo);

        ExpectMsg("echo:via-probe");
        LastSender.Should().Be(echo);
        middle.ExpectNoMsg(Short);
    }

    [Fact]
    public void Forward_ThroughActor_ProbeSeesOriginalSenderNotRelay()
    {
        var probe = CreateTestProbe();
        var relay = ActorOf(Props.Create(() => new Relay(probe.Ref)), "relay");
        var origin = CreateTestProbe("origin");

        origin.Send(relay, "m");

        probe.ExpectMsg("relayed:m");
        probe.LastSender.Should().Be(origin.Ref);
    }

    [Fact]
    public void Watch_FromProbe_TerminatedArrivesAtProbeOnly()
    {
        var probe = CreateTestProbe();
        var echo = probe.Watch(ActorOf(Props.Create<Echo>(), "watched"));

        Sys.Stop(echo);

        probe.ExpectTerminated(echo).ActorRef.Should().Be(echo);
        ExpectNoMsg(Short);
    }

    [Fact]
    public void Unwatch_FromProbeBeforeStop_NoTerminatedArrives()
    {
        var probe = CreateTestProbe();
        var echo = probe.Watch(ActorOf(Props.Create<Echo>()));
        probe.Unwatch(echo);

        // Round trip through the probe's mailbox so Watch and Unwatch are processed before the stop.
        probe.Ref.Tell("barrier", null);
        probe.ExpectMsg("barrier");
        Sys.Stop(echo);

        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void Watch_ReturnsTheWatchedActor()
    {
        var probe = CreateTestProbe();
        var echo = ActorOf(Props.Create<Echo>());

        probe.Watch(echo).Should().BeSameAs(echo);
        probe.Unwatch(echo).Should().BeSameAs(echo);
    }

    [Fact]
    public void Ref_OfProbe_IsWhatExpectationsRead()
    {
        var probe = CreateTestProbe();

        probe.Ref.Tell(5, null);

        probe.ExpectMsg(5);
        probe.LastReceived!.Sender.Should().Be(Sys.DeadLetters);
    }
}
