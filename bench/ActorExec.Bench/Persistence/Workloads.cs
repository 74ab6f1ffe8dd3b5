using System.Diagnostics;
using ActorExec.Actors;
using ActorExec.Actors.Persistence;
using ActorExec.Actors.Persistence.Serialization;

namespace ActorExec.Bench.Persistence;

/// <summary>A small event, about the size of an order event.</summary>
public sealed record Recorded(long N, string Market);

internal static class BenchSerialization
{
    public static IEventSerializer Serializer() => new JsonEventSerializer(new EventTypeRegistry().Register<Recorded>("bench-recorded.v1"));
}

/// <summary>How a benchmark actor persists each command.</summary>
public enum PersistMode
{
    Persist,
    PersistAsync,
    PersistAll100,
}

/// <summary>Persists what it is told to and reports when the expected number of events is stored (or recovered).</summary>
internal sealed class Recorder : PersistentActor
{
    private readonly string _persistenceId;
    private readonly long _expected;
    private readonly TaskCompletionSource _done;
    private long _handled;

    public Recorder(string persistenceId, PersistMode mode, long expected, TaskCompletionSource done)
    {
        _persistenceId = persistenceId;
        _expected = expected;
        _done = done;
        Recover<Recorded>(_ => _handled++);
        Recover<RecoveryCompleted>(_ =>
        {
            if (expected == 0)
                done.TrySetResult();
        });
        switch (mode)
        {
            case PersistMode.Persist:
                Command<long>(n => Persist(new Recorded(n, "m-1"), Count));
                break;
            case PersistMode.PersistAsync:
                Command<long>(n => PersistAsync(new Recorded(n, "m-1"), Count));
                break;
            case PersistMode.PersistAll100:
                Command<long>(n => PersistAll(Enumerable.Range(0, 100).Select(i => new Recorded(n * 100 + i, "m-1")), Count));
                break;
        }
    }

    public override string PersistenceId => _persistenceId;

    private void Count(Recorded _)
    {
        if (++_handled == _expected)
            _done.TrySetResult();
    }
}

public static class Workloads
{
    /// <summary>Events per second for <paramref name="actors"/> actors each persisting <paramref name="commandsPerActor"/> commands.</summary>
    public static async Task<double> PersistAsync(PersistenceOptions stores, PersistMode mode, int actors, int commandsPerActor)
    {
        await using var system = ActorSystem.Create("persist-bench", new ActorSystemOptions { Persistence = stores });
        var eventsPerCommand = mode == PersistMode.PersistAll100 ? 100 : 1;
        var run = Guid.NewGuid().ToString("N")[..8];
        var done = new List<Task>();
        var refs = new List<IActorRef>();
        for (var a = 0; a < actors; a++)
        {
            var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            done.Add(finished.Task);
            var persistenceId = $"bench-{run}-{a}"; // bound now: the factory runs later, on the actor's first turn
            refs.Add(system.ActorOf(Props.Create(() => new Recorder(persistenceId, mode, (long)commandsPerActor * eventsPerCommand, finished))));
        }

        var started = Stopwatch.GetTimestamp();
        for (var n = 0; n < commandsPerActor; n++)
        {
            foreach (var recorder in refs)
                recorder.Tell((long)n, null);
        }
        await Task.WhenAll(done).WaitAsync(TimeSpan.FromMinutes(3));
        var elapsed = Stopwatch.GetElapsedTime(started);
        return (double)actors * commandsPerActor * eventsPerCommand / elapsed.TotalSeconds;
    }

    /// <summary>Writes <paramref name="events"/> events of one actor straight to the journal, in big atomic writes.</summary>
    public static async Task<string> SeedAsync(IJournal journal, long events)
    {
        var persistenceId = "recovery-" + Guid.NewGuid().ToString("N")[..8];
        const int perWrite = 1_000;
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (long start = 1; start <= events; start += perWrite * 10L)
        {
            var writes = new List<AtomicWrite>();
            for (var w = 0; w < 10 && start + (long)w * perWrite <= events; w++)
            {
                var from = start + (long)w * perWrite;
                var to = Math.Min(events, from + perWrite - 1);
                writes.Add(new AtomicWrite([.. Enumerable.Range(0, (int)(to - from + 1)).Select(i => new PersistentRepresentation(persistenceId, from + i, new Recorded(from + i, "m-1"), at, []))]));
            }
            var results = await journal.WriteAsync(writes);
            if (results.FirstOrDefault(r => r is not WriteResult.Stored) is { } failed)
                throw new InvalidOperationException($"Seeding the recovery benchmark failed: {failed}");
        }
        return persistenceId;
    }

    /// <summary>Events per second replayed by one actor recovering <paramref name="events"/> events.</summary>
    public static async Task<double> RecoverAsync(PersistenceOptions stores, string persistenceId, long events)
    {
        await using var system = ActorSystem.Create("recovery-bench", new ActorSystemOptions { Persistence = stores });
        var recovered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = Stopwatch.GetTimestamp();
        system.ActorOf(Props.Create(() => new Recorder(persistenceId, PersistMode.Persist, 0, recovered)));
        await recovered.Task.WaitAsync(TimeSpan.FromMinutes(3));
        return events / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
