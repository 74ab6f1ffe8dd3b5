namespace ActorExec.Actors.Tests.Actors;

public sealed class DeathWatchSpec : TestKit.TestKit
{
    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef reporter, bool handleTerminated)
        {
            Receive<IActorRef>(target => Context.Watch(target));
            Receive<(string Command, IActorRef Target)>(c => c.Command == "unwatch", c =>
            {
                Context.Unwatch(c.Target);
                reporter.Tell("unwatched", Self);
            });
            if (handleTerminated)
                Receive<Terminated>(t => reporter.Tell($"terminated {t.ActorRef.Path.Name}", Self));
        }
    }

    private sealed class Idle : ReceiveActor;

    [Fact]
    public void Watch_TargetStops_DeliversTerminated()
    {
        var target = ActorOf(Props.Create<Idle>(), "target");
        var watcher = ActorOf(Props.Create(() => new Watcher(TestActor, true)));
        watcher.Tell(target);
        Sys.Stop(target);
        ExpectMsg("terminated target");
    }

    [Fact]
    public void Watch_TargetAlreadyDead_StillDeliversTerminated()
    {
        var target = ActorOf(Props.Create<Idle>(), "dead-already");
        Watch(target);
        Sys.Stop(target);
        ExpectTerminated(target);

        var watcher = ActorOf(Props.Create(() => new Watcher(TestActor, true)));
        watcher.Tell(target);

        ExpectMsg("terminated dead-already");
    }

    [Fact]
    public void Watch_FromTestKit_TerminatedHasExistenceConfirmedWhileAlive()
    {
        var target = ActorOf(Props.Create<Idle>());
        var probe = CreateTestProbe();
        probe.Watch(target);
        probe.Ref.Tell("sync", TestActor); // the probe processes its watch request before this
        probe.ExpectMsg("sync");

        Sys.Stop(target);

        probe.ExpectTerminated(target).ExistenceConfirmed.Should().BeTrue();
    }

    [Fact]
    public void Unwatch_BeforeTerminatedProcessed_DropsIt()
    {
        var target = ActorOf(Props.Create<Idle>());
        var watcher = ActorOf(Props.Create(() => new Watcher(TestActor, true)));
        watcher.Tell(target);
        watcher.Tell(("unwatch", target));
        ExpectMsg("unwatched");

        Sys.Stop(target);

        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Watch_TerminatedNotHandled_StopsWatcherWithDeathPact()
    {
        var target = ActorOf(Props.Create<Idle>());
        var watcher = ActorOf(Props.Create(() => new Watcher(TestActor, false)));
        Watch(watcher);
        watcher.Tell(target);

        Sys.Stop(target);

        ExpectTerminated(watcher);
    }

    [Fact]
    public void Watch_ManyWatchers_AllNotified()
    {
        var target = ActorOf(Props.Create<Idle>(), "popular");
        var probes = Enumerable.Range(0, 5).Select(_ => CreateTestProbe()).ToList();
        var watchers = probes.Select(p => ActorOf(Props.Create(() => new Watcher(p.Ref, true)))).ToList();
        watchers.ForEach(w => w.Tell(target));

        Sys.Stop(target);

        probes.ForEach(p => p.ExpectMsg("terminated popular"));
    }
}
