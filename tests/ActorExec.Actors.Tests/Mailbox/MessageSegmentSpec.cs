using ActorExec.Actors.Internal;

namespace ActorExec.Actors.Tests.Mailbox;

public sealed class MessageSegmentSpec
{
    [Fact]
    public void TryEnqueue_UpToCapacity_ThenRefuses()
    {
        var segment = new MessageSegment(4);
        for (var i = 0; i < 4; i++)
            segment.TryEnqueue(i, null).Should().BeTrue();
        segment.TryEnqueue(4, null).Should().BeFalse();
    }

    [Fact]
    public void Ring_ConsumedSlots_AreReusedWithoutGrowing()
    {
        var segment = new MessageSegment(4);
        var consumer = new MailboxConsumer();
        consumer.Attach(segment);
        for (var round = 0; round < 100; round++)
        {
            segment.TryEnqueue(round, null).Should().BeTrue();
            consumer.TryDequeue(out var envelope).Should().BeTrue();
            envelope.Message.Should().Be(round);
        }
        consumer.TryDequeue(out _).Should().BeFalse();
    }

    [Fact]
    public void Freeze_RefusesNewMessages_ConsumerMovesToNextRingOnlyWhenDrained()
    {
        var first = new MessageSegment(4);
        var consumer = new MailboxConsumer();
        consumer.Attach(first);
        first.TryEnqueue("a", null);
        first.TryEnqueue("b", null);
        first.Freeze();
        first.TryEnqueue("refused", null).Should().BeFalse();
        var second = new MessageSegment(8);
        first.Next = second;
        second.TryEnqueue("c", null);

        var order = new List<object>();
        while (consumer.TryDequeue(out var envelope))
            order.Add(envelope.Message);

        order.Should().Equal("a", "b", "c");
        consumer.HasMessages.Should().BeFalse();
    }

    [Fact]
    public async Task Producers_Concurrent_EveryMessageArrivesOnceInPerProducerOrder()
    {
        const int producers = 4;
        const int perProducer = 50_000;
        var tail = new MessageSegment(4);
        var consumer = new MailboxConsumer();
        consumer.Attach(tail);

        var sending = Enumerable.Range(0, producers)
            .Select(p => Task.Run(() =>
            {
                for (var i = 0; i < perProducer; i++)
                    MessageSegment.Enqueue(ref tail, (p, i), null);
            }))
            .ToArray();

        var next = new int[producers];
        var received = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (received < producers * perProducer && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (!consumer.TryDequeue(out var envelope))
            {
                Thread.Yield();
                continue;
            }
            var (producer, sequence) = ((int, int))envelope.Message;
            sequence.Should().Be(next[producer]);
            next[producer]++;
            received++;
        }
        await Task.WhenAll(sending);

        received.Should().Be(producers * perProducer);
        consumer.TryDequeue(out _).Should().BeFalse();
    }
}
