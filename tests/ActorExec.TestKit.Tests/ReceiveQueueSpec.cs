namespace ActorExec.TestKit.Tests;

/// <summary>
/// The inbox behind every test actor (internal, so driven through the expectations that read it):
/// FIFO, awaitable with a deadline, safe under concurrent senders, and able to put a message back in front.
/// </summary>
public sealed class ReceiveQueueSpec : TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(150);

    [Fact]
    public void Take_ManyMessagesFromOneSender_ComeOutInSendOrder()
    {
        for (var i = 0; i < 200; i++)
            TestActor.Tell(i, null);

        ReceiveN(200).Should().Equal(Enumerable.Range(0, 200).Cast<object>());
    }

    [Fact]
    public async Task Take_ConcurrentSenders_LosesAndDuplicatesNothing()
    {
        const int senders = 4;
        const int perSender = 250;

        await Task.WhenAll(Enumerable.Range(0, senders).Select(s => Task.Run(() =>
        {
            for (var i = 0; i < perSender; i++)
                TestActor.Tell(s * perSender + i, null);
        })));

        var all = (await ReceiveNAsync(senders * perSender)).Cast<int>().ToList();
        all.Should().BeEquivalentTo(Enumerable.Range(0, senders * perSender));
        foreach (var s in Enumerable.Range(0, senders))
            all.Where(n => n / perSender == s).Should().BeInAscendingOrder("messages from one sender keep their order");
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Take_EmptyInbox_CompletesWhenAMessageArrives()
    {
        var waiting = TryReceiveAsync(TimeSpan.FromSeconds(3));
        waiting.IsCompleted.Should().BeFalse();

        TestActor.Tell("wake", null);

        var received = await waiting;
        received!.Message.Should().Be("wake");
    }

    [Fact]
    public async Task Take_EmptyInboxUntilDeadline_ReturnsNullAfterWaiting()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var received = await TryReceiveAsync(Short);

        received.Should().BeNull();
        watch.Elapsed.Should().BeGreaterThanOrEqualTo(Short - TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Take_ZeroTimeoutWithMessageWaiting_ReturnsIt()
    {
        TestActor.Tell("ready", null);
        AwaitCondition(() => PendingCount == 1);

        var received = await TryReceiveAsync(TimeSpan.Zero);

        received!.Message.Should().Be("ready");
    }

    [Fact]
    public async Task Take_ZeroTimeoutOnEmptyInbox_ReturnsNull()
    {
        (await TryReceiveAsync(TimeSpan.Zero)).Should().BeNull();
    }

    [Fact]
    public async Task Take_SequentialWaits_EachGetsItsOwnMessage()
    {
        for (var i = 0; i < 3; i++)
        {
            var waiting = ReceiveOneAsync();
            TestActor.Tell(i, null);
            (await waiting).Message.Should().Be(i);
        }
    }

    [Fact]
    public void PutBack_RejectedByReceiveWhile_IsTakenBeforeLaterMessages()
    {
        TestActor.Tell("x", null);
        TestActor.Tell(1, null);
        TestActor.Tell(2, null);

        ReceiveWhile(m => m as string, max: TimeSpan.FromSeconds(3)).Should().Equal("x");

        ReceiveN(2).Should().Equal(1, 2);
    }

    [Fact]
    public void PutBack_RejectedMessage_StillCountsAsPending()
    {
        TestActor.Tell(1, null);
        AwaitCondition(() => PendingCount == 1);

        ReceiveWhile(m => m as string, max: Short).Should().BeEmpty();

        PendingCount.Should().Be(1);
        ExpectMsg(1);
        PendingCount.Should().Be(0);
    }
}
