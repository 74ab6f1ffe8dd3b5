using System.Diagnostics;
using ActorExec.Actors;

namespace ActorExec.Bench.Kernel;

/// <summary>Plain threads Tell as fast as they can into one actor; measured until the actor has processed them all.</summary>
internal static class FanIn
{
    private sealed class Counter : ReceiveActor
    {
        private readonly long _expected;
        private readonly TaskCompletionSource _done;
        private long _count;

        public Counter(long expected, TaskCompletionSource done)
        {
            _expected = expected;
            _done = done;
            Receive<Tick>(_ =>
            {
                if (++_count == _expected)
                    _done.TrySetResult();
            });
        }
    }

    private sealed class Tick
    {
        public static readonly Tick Instance = new();
    }

    public static async Task<double> RunAsync(ActorSystem system, int threads, int messages)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var counter = system.ActorOf(Props.Create(() => new Counter(messages, done)));
        var perThread = messages / threads;
        using var go = new ManualResetEventSlim();
        var senders = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            go.Wait();
            for (var i = 0; i < perThread; i++)
                counter.Tell(Tick.Instance, null);
        }) { IsBackground = true }).ToList();
        senders.ForEach(t => t.Start());

        var started = Stopwatch.GetTimestamp();
        go.Set();
        await done.Task;
        var elapsed = Stopwatch.GetElapsedTime(started);
        senders.ForEach(t => t.Join());
        system.Stop(counter);
        return perThread * threads / elapsed.TotalSeconds;
    }
}
