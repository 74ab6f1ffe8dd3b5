namespace ActorExec.TestKit.Tests;

/// <summary>The actor behind the TestActor and every probe: records what it receives, handles watch requests itself.</summary>
public sealed class TestActorSpec : TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(150);

    private sealed class Echo : ReceiveActor
    {
        public Echo() => Receive<string>(s => Sender.Tell("echo:" + s, Self));
    }

    private sealed record Custom(string Text);

    [Fact]
    public void Receive_AnyMessage_IsRecordedWithItsSender()
    {
        var probe = CreateTestProbe();

        probe.Send(TestActor, new Custom("c"));
        probe.Send(TestActor, 3.5);

        var first = ReceiveOne();
        first.Message.Should().Be(new Custom("c"));
        first.Sender.Should().Be(probe.Ref);
        ExpectMsg(3.5);
    }

    [Fact]
    public void Receive_SystemLevelMessages_AreRecordedNotHandled()
    {
        TestActor.Tell(new Status.Failure(new InvalidOperationException("x")), null);
        TestActor.Tell(ReceiveTimeout.Instance, null);

        ExpectMsg<Status.Failure>().Cause.Message.Should().Be("x");
        ExpectMsg<ReceiveTimeout>().Should().BeSameAs(ReceiveTimeout.Instance);
    }

    [Fact]
    public void Watch_Request_IsNotRecordedAsAMessage()
    {
        var echo = ActorOf(Props.Create<Echo>());

        Watch(echo);
        Unwatch(echo);

        ExpectNoMsg(Short);
    }

    [Fact]
    public void Terminated_OfWatchedActor_IsRecordedAndTestActorSurvives()
    {
        var echo = Watch(ActorOf(Props.Create<Echo>(), "gone"));
        Sys.Stop(echo);
        ExpectTerminated(echo);

        var other = ActorOf(Props.Create<Echo>());
        other.Tell("still-alive");

        ExpectMsg("echo:still-alive", TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Watch_SeveralActors_EachTerminatedRecorded()
    {
        var actors = Enumerable.Range(0, 3).Select(i => Watch(ActorOf(Props.Create<Echo>(), $"w{i}"))).ToList();

        actors.ForEach(Sys.Stop);

        var terminated = ReceiveN(3).Cast<Terminated>().Select(t => t.ActorRef).ToList();
        terminated.Should().BeEquivalentTo(actors);
    }

    [Fact]
    public void Probe_RecordsIntoItsOwnInboxOnly()
    {
        var probe = CreateTestProbe();

        probe.Ref.Tell("to-probe", null);
        TestActor.Tell("to-test-actor", null);

        probe.ExpectMsg("to-probe");
        ExpectMsg("to-test-actor");
        probe.PendingCount.Should().Be(0);
        PendingCount.Should().Be(0);
    }

    [Fact]
    public void Receive_ManyMessages_ArrivalTimesAreNonDecreasing()
    {
        for (var i = 0; i < 50; i++)
            TestActor.Tell(i, null);

        var times = new List<TimeSpan>();
        for (var i = 0; i < 50; i++)
            times.Add(ReceiveOne().ArrivedAfter);

        times.Should().BeInAscendingOrder();
    }
}
