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
