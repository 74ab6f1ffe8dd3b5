namespace ActorExec.TestKit.Tests;

/// <summary>The ExpectMsg family: each failure must say what was expected and what arrived (or that nothing did).</summary>
public sealed class MessageExpectationsExpectSpec : TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(200);

    private sealed record Ping(int N);

    private sealed class Echo : ReceiveActor
    {
        public Echo() => Receive<string>(s => Sender.Tell("echo:" + s, Self));
    }

    private static XunitException FailureOf(Action act) => act.Should().Throw<XunitException>().Which;

    // ---- ExpectMsg<T> ----

    [Fact]
    public void ExpectMsg_OfType_ReturnsTheMessage()
    {
        TestActor.Tell(new Ping(3), null);

        var ping = ExpectMsg<Ping>();

        ping.Should().Be(new Ping(3));
    }

    [Fact]
    public void ExpectMsg_OfBaseType_AcceptsDerivedMessage()
    {
        TestActor.Tell(new Ping(1), null);

        ExpectMsg<object>().Should().Be(new Ping(1));
    }

    [Fact]
    public void ExpectMsg_PredicateHolds_ReturnsTheMessage()
    {
        TestActor.Tell(new Ping(10), null);

        ExpectMsg<Ping>(p => p.N > 5).N.Should().Be(10);
    }

    [Fact]
    public async Task ExpectMsgAsync_MessageSentAfterwards_WaitsForIt()
    {
        var pending = ExpectMsgAsync<Ping>();
        pending.IsCompleted.Should().BeFalse();

        TestActor.Tell(new Ping(2), null);

        (await pending).N.Should().Be(2);
    }

    [Fact]
    public void ExpectMsg_WrongType_ThrowsNamingExpectedTypeAndReceivedMessage()
    {
        TestActor.Tell("hello", null);

        var failure = FailureOf(() => ExpectMsg<Ping>(timeout: Short));

        failure.Message.Should().Contain("Expected a message of type Ping");
        failure.Message.Should().Contain("but received \"hello\" from /deadLetters");
        failure.Message.Should().Contain("/system/testActor");
    }

    [Fact]
    public void ExpectMsg_WrongTypeNonString_ThrowsNamingReceivedTypeAndValue()
    {
        TestActor.Tell(new Ping(4), null);

        var failure = FailureOf(() => ExpectMsg<string>(timeout: Short));

        failure.Message.Should().Contain("Expected a message of type String");
        failure.Message.Should().Contain("but received Ping Ping { N = 4 }");
    }

    [Fact]
    public void ExpectMsg_PredicateFails_ThrowsSayingPredicateAndReceivedMessage()
    {
        TestActor.Tell(new Ping(1), null);

        var failure = FailureOf(() => ExpectMsg<Ping>(p => p.N > 5, Short));

        failure.Message.Should().Contain("Expected a message of type Ping matching the predicate");
        failure.Message.Should().Contain("but received Ping Ping { N = 1 }");
        failure.Message.Should().Contain("/system/testActor");
    }

    [Fact]
    public void ExpectMsg_WithHint_PutsHintInFailure()
    {
        var failure = FailureOf(() => ExpectMsg<Ping>(timeout: Short, hint: "the first ping"));

        failure.Message.Should().Contain("Expected a message of type Ping (the first ping) within 200 ms, but none arrived");
    }

    [Fact]
    public void ExpectMsg_OfTypeTimesOut_ThrowsNoneArrivedWithTypeTimeoutAndPath()
    {
        var failure = FailureOf(() => ExpectMsg<Ping>(timeout: Short));

        failure.Message.Should().Contain("Expected a message of type Ping within 200 ms, but none arrived");
        failure.Message.Should().Contain("[/system/testActor, at +");
    }

    [Fact]
    public void ExpectMsg_MessageFromActor_FailureNamesSenderPath()
    {
        var echo = ActorOf(Props.Create<Echo>(), "echo");
        echo.Tell("hi");

        var failure = FailureOf(() => ExpectMsg<int>(timeout: TimeSpan.FromSeconds(3)));

        failure.Message.Should().Contain("Expected a message of type Int32, but received \"echo:hi\" from /user/echo");
    }

    // ---- ExpectMsg(value) ----

    [Fact]
    public void ExpectMsg_EqualValue_ReturnsTheMessage()
    {
        TestActor.Tell(new Ping(5), null);

        ExpectMsg(new Ping(5)).Should().Be(new Ping(5));
    }

    [Fact]
    public void ExpectMsg_WrongValue_ThrowsNamingExpectedAndReceived()
    {
        TestActor.Tell("a", null);

        var failure = FailureOf(() => ExpectMsg("b", Short));

        failure.Message.Should().Contain("Expected \"b\", but received \"a\" from /deadLetters");
        failure.Message.Should().Contain("/system/testActor");
    }

    [Fact]
    public void ExpectMsg_ValueOfOtherType_ThrowsNamingBothTypes()
    {
        TestActor.Tell("42", null);

        var failure = FailureOf(() => ExpectMsg(42, Short));

        failure.Message.Should().Contain("Expected Int32 42, but received \"42\"");
    }

    [Fact]
    public void ExpectMsg_ValueTimesOut_ThrowsNoneArrivedNamingValue()
    {
        var failure = FailureOf(() => ExpectMsg("never", Short));

        failure.Message.Should().Contain("Expected \"never\" within 200 ms, but none arrived");
        failure.Message.Should().Contain("/system/testActor");
    }

    [Fact]
    public void ExpectMsg_NullValue_ThrowsArgumentNull()
    {
        var act = () => ExpectMsg<string>(expected: null!, Short);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void ExpectMsg_WrongMessage_ConsumesIt()
    {
        TestActor.Tell("wrong", null);
        TestActor.Tell("right", null);
        FailureOf(() => ExpectMsg("right", Short));

        ExpectMsg("right").Should().Be("right", "the failed expectation took \"wrong\" out of the inbox");
    }

    // ---- ExpectNoMsg ----

    [Fact]
    public void ExpectNoMsg_Silence_Passes()
    {
        var act = () => ExpectNoMsg(TimeSpan.FromMilliseconds(150));

        act.Should().NotThrow();
        PendingCount.Should().Be(0);
    }

    [Fact]
    public async Task ExpectNoMsgAsync_Silence_Passes()
    {
        var act = () => ExpectNoMsgAsync(TimeSpan.FromMilliseconds(150));

        await act.Should().NotThrowAsync();
    }

    [Fact]
    public void ExpectNoMsg_MessageWaiting_ThrowsNamingIt()
    {
        TestActor.Tell(new Ping(9), null);

        var failure = FailureOf(() => ExpectNoMsg(Short));

        failure.Message.Should().Contain("Expected no message for 200 ms, but received Ping Ping { N = 9 } from /deadLetters");
        failure.Message.Should().Contain("/system/testActor");
    }

    [Fact]
    public void ExpectNoMsg_MessageArrivesDuringWait_ThrowsNamingIt()
    {
        var echo = ActorOf(Props.Create<Echo>(), "echo");
        echo.Tell("late");

        var failure = FailureOf(() => ExpectNoMsg(TimeSpan.FromMilliseconds(500)));

        failure.Message.Should().Contain("but received \"echo:late\" from /user/echo");
    }

    [Fact]
    public void ExpectNoMsg_WithoutDuration_UsesDefaultNoMessageWait()
    {
        TestActor.Tell("x", null);

        var failure = FailureOf(() => ExpectNoMsg());

        failure.Message.Should().Contain("Expected no message for 100 ms");
    }

    // ---- ExpectMsgAllOf ----

    [Fact]
    public void ExpectMsgAllOf_ArrivingInAnotherOrder_ReturnsThemInArrivalOrder()
    {
        TestActor.Tell("c", null);
        TestActor.Tell("a", null);
        TestActor.Tell("b", null);

        var received = ExpectMsgAllOf("a", "b", "c");

        received.Should().Equal("c", "a", "b");
    }

    [Fact]
    public void ExpectMsgAllOf_MixedTypes_MatchesByEquality()
    {
        TestActor.Tell(new Ping(2), null);
        TestActor.Tell(1, null);

        ExpectMsgAllOf(1, new Ping(2)).Should().HaveCount(2);
    }

    [Fact]
    public void ExpectMsgAllOf_Duplicates_NeedsEachOccurrence()
    {
        TestActor.Tell("a", null);
        TestActor.Tell("a", null);

        ExpectMsgAllOf("a", "a").Should().Equal("a", "a");
    }

    [Fact]
    public void ExpectMsgAllOf_SomeMissing_ThrowsListingMissingOnes()
    {
        TestActor.Tell("b", null);

        var failure = FailureOf(() => ExpectMsgAllOf(Short, "a", "b", "c"));

        failure.Message.Should().Contain("Expected all of [\"a\", \"b\", \"c\"] within 200 ms");
        failure.Message.Should().Contain("these never arrived: [\"a\", \"c\"]");
        failure.Message.Should().Contain("/system/testActor");
    }

    [Fact]
    public void ExpectMsgAllOf_UnexpectedMessage_ThrowsNamingItAndTheStillMissing()
    {
        TestActor.Tell("a", null);
        TestActor.Tell(99, null);

        var failure = FailureOf(() => ExpectMsgAllOf(Short, "a", "b"));

        failure.Message.Should().Contain("Expected one of [\"b\"], but received Int32 99 from /deadLetters");
    }

    [Fact]
    public void ExpectMsgAllOf_DuplicateWhereDistinctExpected_ThrowsNamingTheExtraOne()
    {
        TestActor.Tell("a", null);
        TestActor.Tell("a", null);

        var failure = FailureOf(() => ExpectMsgAllOf(Short, "a", "b"));

        failure.Message.Should().Contain("Expected one of [\"b\"], but received \"a\"");
    }

    [Fact]
    public async Task ExpectMsgAllOfAsync_AllArrive_Completes()
    {
        var pending = ExpectMsgAllOfAsync(null, 1, 2);
        TestActor.Tell(2, null);
        TestActor.Tell(1, null);

        (await pending).Should().Equal(2, 1);
    }

    // ---- ExpectTerminated ----

    [Fact]
    public void ExpectTerminated_AfterWatchAndStop_ReturnsTerminatedOfThatActor()
    {
        var echo = Watch(ActorOf(Props.Create<Echo>(), "doomed"));
        // Watch is a message to the test actor: a round trip through it guarantees the watch is in
        // place before the stop, so the death is observed (ExistenceConfirmed) rather than inferred.
        TestActor.Tell("barrier", null);
        ExpectMsg("barrier");

        Sys.Stop(echo);

        var terminated = ExpectTerminated(echo);
        terminated.ActorRef.Should().Be(echo);
        terminated.ExistenceConfirmed.Should().BeTrue();
    }

    [Fact]
    public void ExpectTerminated_StopRightAfterWatch_StillReturnsTerminated()
    {
        var echo = Watch(ActorOf(Props.Create<Echo>(), "short-lived"));

        Sys.Stop(echo);

        ExpectTerminated(echo).ActorRef.Should().Be(echo, "even if the watch lands after the stop, the death is reported");
    }

    [Fact]
    public void ExpectTerminated_AfterPoisonPill_ReturnsTerminated()
    {
        var echo = Watch(ActorOf(Props.Create<Echo>()));
        echo.Tell("last");
        echo.Tell(PoisonPill.Instance);

        ExpectMsg("echo:last");
        ExpectTerminated(echo).ActorRef.Should().Be(echo);
    }

    [Fact]
    public void ExpectTerminated_OfAnotherActor_ThrowsNamingExpectedActorAndReceivedTerminated()
    {
        var alive = Watch(ActorOf(Props.Create<Echo>(), "alive"));
        var dead = Watch(ActorOf(Props.Create<Echo>(), "dead"));

        Sys.Stop(dead);

        var failure = FailureOf(() => ExpectTerminated(alive));
        failure.Message.Should().Contain("Expected a message of type Terminated (Terminated of /user/alive) matching the predicate");
        failure.Message.Should().Contain("/user/dead");
    }

    [Fact]
    public void ExpectTerminated_NotWatched_ThrowsNoneArrived()
    {
        var echo = ActorOf(Props.Create<Echo>(), "unwatched");

        Sys.Stop(echo);

        var failure = FailureOf(() => ExpectTerminated(echo, Short));
        failure.Message.Should().Contain("Terminated of /user/unwatched");
        failure.Message.Should().Contain("none arrived");
    }

    // ---- FishForMessage ----

    [Fact]
    public void FishForMessage_MatchAfterOthers_DiscardsUntilMatchAndReturnsIt()
    {
        foreach (var m in new object[] { "noise", 1, "target", "after" })
            TestActor.Tell(m, null);

        var fished = FishForMessage(m => m is "target");

        fished.Should().Be("target");
        ExpectMsg("after", Short);
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void FishForMessage_NoMatch_ThrowsSayingHowManyWereDiscarded()
    {
        foreach (var m in new object[] { "a", "b", "c" })
            TestActor.Tell(m, null);

        var failure = FailureOf(() => FishForMessage(m => m is int, Short, "an int"));

        failure.Message.Should().Contain("Fished for a message (an int) for 200 ms and discarded 3 without finding it");
        failure.Message.Should().Contain("/system/testActor");
        failure.Message.Should().Contain("\"c\"", "the discarded messages appear in the recent history");
    }

    [Fact]
    public void FishForMessageTyped_MatchAfterOthers_ReturnsTypedMatch()
    {
        foreach (var m in new object[] { new Ping(1), "x", new Ping(7), new Ping(8) })
            TestActor.Tell(m, null);

        var ping = FishForMessage<Ping>(p => p.N > 5);

        ping.N.Should().Be(7);
        ExpectMsg(new Ping(8));
    }

    [Fact]
    public void FishForMessageTyped_NoMatch_ThrowsNamingType()
    {
        TestActor.Tell("x", null);

        var failure = FailureOf(() => FishForMessage<Ping>(timeout: Short));

        failure.Message.Should().Contain("Fished for a message (Ping)").And.Contain("discarded 1");
    }

    // ---- ReceiveWhile ----

    [Fact]
    public void ReceiveWhile_RejectedMessage_StopsAndLeavesItInInbox()
    {
        foreach (var m in new object[] { "a", "b", 42, "c" })
            TestActor.Tell(m, null);

        var taken = ReceiveWhile(m => m as string, max: TimeSpan.FromSeconds(3));

        taken.Should().Equal("a", "b");
        ExpectMsg(42);
        ExpectMsg("c");
    }

    [Fact]
    public void ReceiveWhile_RejectedMessage_DoesNotBecomeLastReceived()
    {
        TestActor.Tell("a", null);
        TestActor.Tell(1, null);

        ReceiveWhile(m => m as string, max: TimeSpan.FromSeconds(3));

        LastReceived!.Message.Should().Be("a");
        PendingCount.Should().Be(1);
    }

    [Fact]
    public void ReceiveWhile_MaxMessagesReached_StopsAndLeavesRest()
    {
        for (var i = 0; i < 5; i++)
            TestActor.Tell($"m{i}", null);

        var taken = ReceiveWhile(m => m as string, max: TimeSpan.FromSeconds(3), maxMessages: 3);

        taken.Should().Equal("m0", "m1", "m2");
        ExpectMsg("m3");
        ExpectMsg("m4");
    }

    [Fact]
    public void ReceiveWhile_IdleGapExpires_ReturnsWhatArrivedWellBeforeMax()
    {
        TestActor.Tell("a", null);
        TestActor.Tell("b", null);
        IReadOnlyList<string> taken = [];

        Within(TimeSpan.FromSeconds(5), () =>
            taken = ReceiveWhile(m => m as string, max: TimeSpan.FromSeconds(10), idle: TimeSpan.FromMilliseconds(150)));

        taken.Should().Equal("a", "b");
    }

    [Fact]
    public void ReceiveWhile_Silence_ReturnsEmpty()
    {
        ReceiveWhile(m => m as string, max: Short).Should().BeEmpty();
    }

    [Fact]
    public void ReceiveWhile_Projection_ReturnsFilterResults()
    {
        TestActor.Tell(new Ping(1), null);
        TestActor.Tell(new Ping(2), null);
        TestActor.Tell("stop", null);

        var taken = ReceiveWhile(m => m is Ping p ? $"#{p.N}" : null, max: TimeSpan.FromSeconds(3));

        taken.Should().Equal("#1", "#2");
        ExpectMsg("stop");
    }
}
