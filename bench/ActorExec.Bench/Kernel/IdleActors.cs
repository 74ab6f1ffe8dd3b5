using System.Diagnostics;
using ActorExec.Actors;

namespace ActorExec.Bench.Kernel;

/// <summary>Creates many idle actors (a ReceiveActor with one handler); measures creation rate and heap bytes per actor.</summary>
internal static class IdleActors
{
    private static int s_started;

    private sealed class Idle : ReceiveActor
    {
        private int _seen;

        public Idle() => Receive<string>(_ => _seen++);

        protected override void PreStart() => Interlocked.Increment(ref s_started);
    }

    /// <summary>Synchronous on purpose: no async frame may keep the measured system reachable afterwards.</summary>
    public static (double CreationsPerSecond, double BytesPerActor) Run(int count)
    {
        var system = ActorSystem.Create("idle-actors");
        var props = Props.Create<Idle>();
        var refs = new IActorRef[count];
        s_started = 0;

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
            refs[i] = system.ActorOf(props);
        var wait = new SpinWait();
        while (Volatile.Read(ref s_started) < count)
            wait.SpinOnce();
        var elapsed = Stopwatch.GetElapsedTime(started);
        var after = GC.GetTotalMemory(forceFullCollection: true);

        GC.KeepAlive(refs); // allocated before the first reading, so not counted
        system.Terminate().Wait();
        return (count / elapsed.TotalSeconds, (after - before) / (double)count);
    }
}
