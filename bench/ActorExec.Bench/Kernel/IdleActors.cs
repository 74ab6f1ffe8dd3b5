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

    public static async Task<(double CreationsPerSecond, double BytesPerActor)> RunAsync(int count)
    {
        await using var system = ActorSystem.Create("idle-actors");
        var props = Props.Create<Idle>();
        var refs = new IActorRef[count];
        s_started = 0;

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
            refs[i] = system.ActorOf(props);
        while (Volatile.Read(ref s_started) < count)
            await Task.Delay(1);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var after = GC.GetTotalMemory(forceFullCollection: true);

        GC.KeepAlive(refs); // allocated before the first reading, so not counted
        var bytes = (after - before) / (double)count;
        return (count / elapsed.TotalSeconds, bytes);
    }
}
