namespace ActorExec.Actors.Tests;

// The code shown in README.md, compiled and run so the README cannot drift from the API.

public sealed record Increment(int By);
public sealed record GetCount;
public sealed record Flush;
public sealed record Saved(int Count);

public sealed class Counter : ReceiveActor, IWithTimers
{
    private readonly IActorRef _store;
    private int _count;

    public Counter(IActorRef store)
    {
        _store = store;
        Receive<Increment>(i => _count += i.By);
        Receive<GetCount>(_ => Sender.Tell(_count));
        ReceiveAsync<Flush>(async _ =>
        {
            // No other message is processed until this completes; Self and Context stay valid.
            var saved = await _store.Ask<Saved>(_count, TimeSpan.FromSeconds(1));
            Context.System.EventStream.Publish(saved);
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart() => Timers.StartPeriodicTimer("flush", new Flush(), TimeSpan.FromSeconds(1));
}

public sealed class CounterSpec() : TestKit.TestKit(new TestKitOptions { UseVirtualTime = true })
{
    [Fact]
    public void Flush_EverySecond_SavesTheCount()
    {
        var counter = ActorOf(Props.Create(() => new Counter(TestActor))); // TestActor plays the store
        counter.Tell(new Increment(5));
        counter.Tell(new GetCount());
        ExpectMsg(5);                           // the reply comes to TestActor, the implicit sender

        Advance(TimeSpan.FromSeconds(1));       // the flush timer fires on the virtual clock
        ExpectMsg(5);                           // the counter asks the store to save 5...
        Reply(new Saved(5));                    // ...and the store answers
    }

    [Fact]
    public async Task Counter_UsedFromOutside_AsInTheReadme()
    {
        await using var system = ActorSystem.Create("exec");
        var counter = system.ActorOf(Props.Create(() => new Counter(system.DeadLetters)), "counter");
        counter.Tell(new Increment(5));
        var count = await counter.Ask<int>(new GetCount(), TimeSpan.FromSeconds(1));

        count.Should().Be(5);
        counter.Path.ToString().Should().Be("/user/counter");
        await system.Terminate();
        system.WhenTerminated.IsCompletedSuccessfully.Should().BeTrue();
    }
}
