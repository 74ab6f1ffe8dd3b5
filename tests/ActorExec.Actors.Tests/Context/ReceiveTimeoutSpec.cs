namespace ActorExec.Actors.Tests.Context;

public sealed class ReceiveTimeoutSpec() : TestKit.TestKit(new TestKitOptions { UseVirtualTime = true })
{
    private sealed record NotResetting : INotInfluenceReceiveTimeout;
    private sealed record SetTimeout(TimeSpan? Value);

    private sealed class Sleepy : ReceiveActor
    {
        public Sleepy(IActorRef reporter)
        {
            Receive<SetTimeout>(t =>
            {
                Context.SetReceiveTimeout(t.Value);
                Sender.Tell($"timeout {Context.ReceiveTimeout?.TotalSeconds}", Self);
            });
            Receive<ReceiveTimeout>(_ => reporter.Tell("idle", Self));
            Receive<NotResetting>(_ => Sender.Tell("ignored", Self));
            Receive<string>(s => Sender.Tell($"got {s}", Self));
        }
    }

    private IActorRef SleepyWithTimeout(TestProbe reporter, TimeSpan timeout)
    {
        var actor = ActorOf(Props.Create(() => new Sleepy(reporter.Ref)));
        actor.Tell(new SetTimeout(timeout));
        ExpectMsg($"timeout {timeout.TotalSeconds}");
        return actor;
    }

    [Fact]
    public void SetReceiveTimeout_NoMessages_DeliversReceiveTimeoutRepeatedly()
    {
        var reporter = CreateTestProbe();
        SleepyWithTimeout(reporter, TimeSpan.FromSeconds(10));

        Advance(TimeSpan.FromSeconds(10));
        reporter.ExpectMsg("idle");
        Advance(TimeSpan.FromSeconds(10));
        reporter.ExpectMsg("idle");
    }

    [Fact]
    public void SetReceiveTimeout_MessageArrives_ResetsTheIdleTime()
    {
        var reporter = CreateTestProbe();
        var actor = SleepyWithTimeout(reporter, TimeSpan.FromSeconds(10));

        Advance(TimeSpan.FromSeconds(6));
        actor.Tell("work");
        ExpectMsg("got work");
        Advance(TimeSpan.FromSeconds(6)); // 12 s since start, only 6 s idle: the actor re-arms
        AwaitCondition(() => VirtualClock!.ActiveTimerCount == 1, message: "receive timeout re-armed");
        reporter.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Advance(TimeSpan.FromSeconds(4)); // now 10 s idle
        reporter.ExpectMsg("idle");
    }

    [Fact]
    public void SetReceiveTimeout_NotInfluencingMessage_DoesNotReset()
    {
        var reporter = CreateTestProbe();
        var actor = SleepyWithTimeout(reporter, TimeSpan.FromSeconds(10));

        Advance(TimeSpan.FromSeconds(6));
        actor.Tell(new NotResetting());
        ExpectMsg("ignored");
        Advance(TimeSpan.FromSeconds(4));

        reporter.ExpectMsg("idle");
    }

    [Fact]
    public void SetReceiveTimeout_Null_TurnsItOff()
    {
        var reporter = CreateTestProbe();
        var actor = SleepyWithTimeout(reporter, TimeSpan.FromSeconds(10));
        actor.Tell(new SetTimeout(null));
        ExpectMsg("timeout ");

        Advance(TimeSpan.FromMinutes(5));

        reporter.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }
}
