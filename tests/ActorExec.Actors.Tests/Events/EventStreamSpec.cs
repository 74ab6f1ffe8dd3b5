using System.Collections.Concurrent;

namespace ActorExec.Actors.Tests.Events;

public sealed class EventStreamSpec : TestKit.TestKit
{
    private interface IAlert;
    private sealed record BreakerOpened(string Venue) : IAlert;
    private sealed record Heartbeat;

    [Fact]
    public void Publish_SubscriberOfInterface_ReceivesImplementations()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe<IAlert>(probe.Ref);
        Sys.EventStream.Publish(new Heartbeat());
        Sys.EventStream.Publish(new BreakerOpened("paper"));
        probe.ExpectMsg(new BreakerOpened("paper"));
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Subscribe_Twice_DeliversOnce()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe<Heartbeat>(probe.Ref).Should().BeTrue();
        Sys.EventStream.Subscribe<Heartbeat>(probe.Ref).Should().BeFalse();
        Sys.EventStream.Subscribe<object>(probe.Ref).Should().BeTrue();
        Sys.EventStream.Publish(new Heartbeat());
        probe.ExpectMsg<Heartbeat>();
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Unsubscribe_StopsDelivery()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe<Heartbeat>(probe.Ref);
        Sys.EventStream.Unsubscribe(probe.Ref).Should().BeTrue();
        Sys.EventStream.Publish(new Heartbeat());
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    private sealed class Idle : ReceiveActor;

    [Fact]
    public void Tell_ToStoppedActor_PublishesDeadLetterWithSenderAndRecipient()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe<DeadLetter>(probe.Ref);
        var target = ActorOf(Props.Create<Idle>(), "stopped");
        Watch(target);
        Sys.Stop(target);
        ExpectTerminated(target);

        target.Tell("hello?");

        var letter = probe.ExpectMsg<DeadLetter>();
        letter.Message.Should().Be("hello?");
        letter.Sender.Should().BeSameAs(TestActor);
        letter.Recipient.Should().BeSameAs(target);
    }

    [Fact]
    public void Tell_ToDeadLettersRef_PublishesDeadLetter()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe<DeadLetter>(probe.Ref);
        Sys.DeadLetters.Tell("nobody", null);
        probe.ExpectMsg<DeadLetter>(d => Equals(d.Message, "nobody"));
    }

    [Fact]
    public void Publish_SubscriberStopped_IsDroppedAutomatically()
    {
        var probe = CreateTestProbe();
        var subscriber = ActorOf(Props.Create<Idle>());
        Sys.EventStream.Subscribe<Heartbeat>(subscriber);
        Watch(subscriber);
        Sys.Stop(subscriber);
        ExpectTerminated(subscriber);

        Sys.EventStream.Publish(new Heartbeat());

        Sys.EventStream.Unsubscribe(subscriber).Should().BeFalse();
    }
}

public sealed class EventStreamConcurrencySpec
{
    /// <summary>
    /// A message published after Subscribe returns reaches the subscriber even while another thread
    /// publishes the same type. An earlier cache could store a resolution made just before a
    /// concurrent Subscribe after that Subscribe cleared it; the window is too narrow for this test
    /// to hit reliably, so the fix (a cache per immutable snapshot) is correct by construction and
    /// this test guards the guarantee itself.
    /// </summary>
    [Fact]
    public async Task Subscribe_WhilePublishingConcurrently_NewSubscriberReceivesLaterMessages()
    {
        await using var system = ActorSystem.Create("event-stream-race");
        var stream = system.EventStream;
        using var stop = new CancellationTokenSource();
        // Each round's Unsubscribe invalidates the cache, so the publisher resolves afresh right
        // when the next round subscribes: the moment a stale resolution could be cached.
        var publisher = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
                stream.Publish(0);
        });

        var missed = 0;
        for (var round = 0; round < 5_000; round++)
        {
            var subscriber = new RecordingRef();
            stream.Subscribe<int>(subscriber);
            stream.Publish(-1);
            if (!subscriber.Received.Contains(-1))
                missed++;
            stream.Unsubscribe(subscriber);
        }
        stop.Cancel();
        await publisher;

        missed.Should().Be(0, "a message published after Subscribe returned must reach the subscriber");
    }

    /// <summary>A reference that records synchronously, so the assertion needs no waiting.</summary>
    private sealed class RecordingRef : IActorRef
    {
        public ConcurrentBag<object> Received { get; } = [];

        public ActorPath Path { get; } = ActorPath.Root.Child("recording");

        public void Tell(object message, IActorRef? sender) => Received.Add(message);
    }
}
