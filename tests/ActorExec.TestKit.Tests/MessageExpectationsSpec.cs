namespace ActorExec.TestKit.Tests;

/// <summary>The receiving core of MessageExpectations: ReceiveOne/N, LastSender, Reply, Forward and failure reports.</summary>
public sealed class MessageExpectationsSpec : TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(200);

    private sealed class Echo : ReceiveActor
    {
        public Echo() => Receive<string>(s => Sender.Tell("echo:" + s, Self));
    }

    // ---- ReceiveOne / TryReceive ----

    [Fact]
    public void ReceiveOne_MessageWaiting_ReturnsItWithSender()
    {
        var probe = CreateTestProbe("sender");

        probe.Send(TestActor, "hello");
        var received = ReceiveOne();

        received.Message.Should().Be("hello");
        received.Sender.Should().Be(probe.Ref);
        LastReceived.Should().BeSameAs(received);
    }

    [Fact]
    public void ReceiveOne_Silence_ThrowsNamingTimeoutAndTestActor()
    {
        var act = () => ReceiveOne(Short);

        var failure = act.Should().Throw<XunitException>().Which;
        failure.Message.Should().Contain("Expected a message within 200 ms, but none arrived");
        failure.Message.Should().Contain("/system/testActor");
    }

    [Fact]
    public async Task ReceiveOneAsync_MessageArrivesWhileWaiting_CompletesWithIt()
    {
        var pending = ReceiveOneAsync();
        pending.IsCompleted.Should().BeFalse("nothing has been sent yet");

        TestActor.Tell("late", null);

        (await pending).Message.Should().Be("late");
    }

    [Fact]
    public async Task TryReceiveAsync_Silence_ReturnsNull()
    {
        var received = await TryReceiveAsync(Short);

        received.Should().BeNull();
        LastReceived.Should().BeNull("nothing was taken");
    }

    [Fact]
    public async Task TryReceiveAsync_MessageWaiting_ReturnsItAndRemembersIt()
    {
        TestActor.Tell(42, null);

        var received = await TryReceiveAsync();

        received.Should().NotBeNull();
        received!.Message.Should().Be(42);
        LastReceived.Should().BeSameAs(received);
    }

    // ---- ReceiveN ----

    [Fact]
    public void ReceiveN_EnoughMessages_ReturnsThemInArrivalOrder()
    {
        for (var i = 0; i < 5; i++)
            TestActor.Tell(i, null);

        ReceiveN(5).Should().Equal(0, 1, 2, 3, 4);
    }

    [Fact]
    public void ReceiveN_MoreMessagesThanCount_LeavesTheRestInInbox()
    {
        for (var i = 0; i < 4; i++)
            TestActor.Tell(i, null);

        ReceiveN(2).Should().Equal(0, 1);

        ExpectMsg(2);
        ExpectMsg(3);
    }

    [Fact]
    public void ReceiveN_TooFewArrive_ThrowsSayingHowManyArrived()
    {
        TestActor.Tell("one", null);
        TestActor.Tell("two", null);

        var act = () => ReceiveN(3, Short);

        var failure = act.Should().Throw<XunitException>().Which;
        failure.Message.Should().Contain("Expected 3 messages within 200 ms, but only 2 arrived");
        failure.Message.Should().Contain("/system/testActor");
    }

    [Fact]
    public void ReceiveN_Zero_ReturnsEmptyWithoutWaiting()
    {
        ReceiveN(0, Short).Should().BeEmpty();
    }

    // ---- LastSender / LastReceived / Reply ----

    [Fact]
    public void LastSender_BeforeAnyMessage_ThrowsInvalidOperation()
    {
        var act = () => LastSender;

        act.Should().Throw<InvalidOperationException>().WithMessage("*No message has been received yet*");
    }

    [Fact]
    public void LastSender_AfterReplyFromActor_IsThatActor()
    {
        var echo = ActorOf(Props.Create<Echo>(), "echo");

        echo.Tell("hi");
        ExpectMsg("echo:hi");

        LastSender.Should().Be(echo);
        LastSender.Path.ToString().Should().Be("/user/echo");
    }

    [Fact]
    public void LastReceived_AfterSeveralMessages_IsTheLatestTaken()
    {
        TestActor.Tell("a", null);
        TestActor.Tell("b", null);
        TestActor.Tell("c", null);

        ExpectMsg("a");
        ExpectMsg("b");

        LastReceived!.Message.Should().Be("b");
        PendingCount.Should().Be(1, "\"c\" is still waiting");
    }

    [Fact]
    public void Reply_AfterMessageFromProbe_SendsToProbeFromTestActor()
    {
        var probe = CreateTestProbe();
        probe.Send(TestActor, "ping");
        ExpectMsg("ping");

        Reply("pong");

        probe.ExpectMsg("pong");
        probe.LastSender.Should().Be(TestActor);
    }

    [Fact]
    public void Reply_BeforeAnyMessage_ThrowsInvalidOperation()
    {
        var act = () => Reply("orphan");

        act.Should().Throw<InvalidOperationException>();
    }

    // ---- Forward ----

    [Fact]
    public void Forward_AfterMessage_KeepsOriginalSender()
    {
        var original = CreateTestProbe("original");
        var target = CreateTestProbe("target");
        original.Send(TestActor, "parcel");
        ExpectMsg("parcel");

        Forward(target.Ref);

        target.ExpectMsg("parcel");
        target.LastSender.Should().Be(original.Ref, "Forward keeps the original sender");
        target.Reply("thanks");
        original.ExpectMsg("thanks");
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Forward_ToActor_ActorRepliesToOriginalSender()
    {
        var echo = ActorOf(Props.Create<Echo>());
        var original = CreateTestProbe();
        original.Send(TestActor, "x");
        ExpectMsg("x");

        Forward(echo);

        original.ExpectMsg("echo:x");
        original.LastSender.Should().Be(echo);
    }

    [Fact]
    public void Forward_BeforeAnyMessage_ThrowsInvalidOperation()
    {
        var act = () => Forward(CreateTestProbe().Ref);

        act.Should().Throw<InvalidOperationException>();
    }

    // ---- PendingCount / RemainingOrDefault ----

    [Fact]
    public void PendingCount_MessagesArrive_CountsThemUntilTaken()
    {
        PendingCount.Should().Be(0);
        TestActor.Tell(1, null);
        TestActor.Tell(2, null);

        AwaitCondition(() => PendingCount == 2, message: "both messages queued");
        ReceiveOne();

        PendingCount.Should().Be(1);
    }

    [Fact]
    public void RemainingOrDefault_OutsideWithin_IsTheDefaultTimeout()
    {
        RemainingOrDefault.Should().Be(new TestKitOptions().DefaultTimeout);
    }

    [Fact]
    public void RemainingOrDefault_InsideRealTimeWithin_IsAtMostTheWithinMax()
    {
        TimeSpan inside = default;

        Within(TimeSpan.FromSeconds(1), () => inside = RemainingOrDefault);

        inside.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(1));
        RemainingOrDefault.Should().Be(TimeSpan.FromSeconds(3), "leaving Within restores the default");
    }

    // ---- failure report ----

    [Fact]
    public void Failure_AfterEarlierMessages_ListsRecentlyReceived()
    {
        TestActor.Tell("first", null);
        TestActor.Tell(7, null);
        ExpectMsg("first");
        ExpectMsg(7);

        var act = () => ExpectMsg<string>(timeout: Short);

        var failure = act.Should().Throw<XunitException>().Which;
        failure.Message.Should().Contain("Recently received:");
        failure.Message.Should().Contain("\"first\" from /deadLetters");
        failure.Message.Should().Contain("Int32 7 from /deadLetters");
    }

    [Fact]
    public void Failure_AfterManyMessages_ListsOnlyTheLastFive()
    {
        for (var i = 1; i <= 7; i++)
            TestActor.Tell($"m{i}", null);
        ReceiveN(7);

        var act = () => ReceiveOne(Short);

        var failure = act.Should().Throw<XunitException>().Which;
        failure.Message.Should().NotContain("\"m1\"").And.NotContain("\"m2\"");
        foreach (var kept in new[] { "m3", "m4", "m5", "m6", "m7" })
            failure.Message.Should().Contain($"\"{kept}\"");
    }

    [Fact]
    public void Failure_BeforeAnyMessage_HasNoHistorySection()
    {
        var act = () => ReceiveOne(Short);

        act.Should().Throw<XunitException>().Which.Message.Should().NotContain("Recently received");
    }
}
