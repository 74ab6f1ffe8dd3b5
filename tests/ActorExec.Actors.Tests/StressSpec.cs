using System.Collections.Concurrent;

namespace ActorExec.Actors.Tests;

/// <summary>
/// Many threads send while actors restart and some stop: every message is processed at most once,
/// and each one is either processed or counted as a dead letter (nothing vanishes).
/// </summary>
[Collection(nameof(StressCollection))]
public sealed class StressSpec : TestKit.TestKit
{
    private const int Targets = 8;
    private const int SenderThreads = 4;
    private const int PerThread = 25_000;
    private const int FailEvery = 97;

    private sealed record Work(long Id, bool Fail);

    private sealed class Target : ReceiveActor
    {
        public Target(ConcurrentDictionary<long, int> processed) => Receive<Work>(work =>
        {
            processed.AddOrUpdate(work.Id, 1, (_, n) => n + 1);
            if (work.Fail)
                throw new InvalidOperationException($"planned failure {work.Id}");
        });
    }

    private sealed class DeadLetterRecorder : ReceiveActor
    {
        public DeadLetterRecorder(ConcurrentDictionary<long, int> dead) => Receive<DeadLetter>(letter =>
        {
            if (letter.Message is Work work)
                dead.AddOrUpdate(work.Id, 1, (_, n) => n + 1);
        });
    }

    [Fact]
    public void Tell_ManyThreadsWhileActorsRestartAndStop_NothingTwiceNothingLost()
    {
        var processed = new ConcurrentDictionary<long, int>();
        var dead = new ConcurrentDictionary<long, int>();
        var recorder = Sys.SystemActorOf(Props.Create(() => new DeadLetterRecorder(dead)), "dead-letter-recorder");
        Sys.EventStream.Subscribe<DeadLetter>(recorder);
        var targets = Enumerable.Range(0, Targets)
            .Select(i => ActorOf(Props.Create(() => new Target(processed)), $"target-{i}"))
            .ToArray();

        using var halfway = new CountdownEvent(SenderThreads);
        var threads = Enumerable.Range(0, SenderThreads).Select(t => new Thread(() =>
        {
            var random = new Random(1000 + t); // seeded: the same traffic every run
            for (var i = 0; i < PerThread; i++)
            {
                if (i == PerThread / 2)
                    halfway.Signal();
                var id = (long)t * PerThread + i;
                targets[random.Next(Targets)].Tell(new Work(id, id % FailEvery == 0), null);
            }
        })).ToList();
        threads.ForEach(t => t.Start());

        // Halfway through, two targets stop for good: what they still get becomes dead letters.
        halfway.Wait(TimeSpan.FromSeconds(30)).Should().BeTrue();
        Sys.Stop(targets[0]);
        Sys.Stop(targets[1]);
        threads.ForEach(t => t.Join());

        const int total = SenderThreads * PerThread;
        AwaitCondition(() => processed.Count + dead.Count >= total, TimeSpan.FromSeconds(60), message: "every message processed or dead-lettered");
        processed.Values.Should().OnlyContain(n => n == 1, "no message may be processed twice");
        dead.Values.Should().OnlyContain(n => n == 1, "no message may be dead-lettered twice");
        processed.Keys.Intersect(dead.Keys).Should().BeEmpty("a message is either processed or a dead letter");
        (processed.Count + dead.Count).Should().Be(total);
        dead.Should().NotBeEmpty("the stopped targets received messages after they stopped");
    }
}
