using System.Collections.Concurrent;
using ActorExec.Actors.Persistence;
using ActorExec.Actors.Persistence.InMemory;
using ActorExec.Actors.Persistence.Serialization;

namespace ActorExec.Actors.Tests.Persistence;

/// <summary>
/// Many presumed-new persistent actors each persist, then ask an echo actor that answers at once (the
/// answer lands while the actor still waits for its persist handlers to finish), then persist again:
/// every actor must see its answer. Found by the engine benchmark: an order actor's venue reply sat in
/// its mailbox until the system terminated.
/// </summary>
[Collection(nameof(StressCollection))]
public sealed class PersistReplyStressSpec : TestKit.TestKit
{
    private const int Actors = 3_000;

    public PersistReplyStressSpec() : base(new TestKitOptions
    {
        DefaultTimeout = TimeSpan.FromSeconds(30),
        SystemOptions = new ActorSystemOptions { Persistence = new PersistenceOptions(new ThreadHoppingJournal(new InMemoryJournal(new JsonEventSerializer(new EventTypeRegistry().Register<Noted>("noted.v1"))))) },
    })
    {
    }

    private sealed record Noted(string Text);

    private sealed record Go(IActorRef Echo);

    private sealed record Ping;

    private sealed record Pong;

    private sealed class Echo : ReceiveActor
    {
        public Echo() => Receive<Ping>(_ => Sender.Tell(new Pong(), Self));
    }

    private sealed class Worker : PersistentActor
    {
        private readonly string _id;

        public Worker(string id, ConcurrentDictionary<string, byte> done)
        {
            _id = id;
            Command<Go>(go => PersistAll([new Noted("a"), new Noted("b")], e =>
            {
                if (((Noted)e).Text == "b")
                    go.Echo.Tell(new Ping(), Self);
            }));
            Command<Pong>(_ => Persist(new Noted("c"), _ => done.TryAdd(id, 0)));
        }

        public override string PersistenceId => _id;

        protected override bool PresumeNew => true;
    }

    /// <summary>Completes every write on another thread, as a group-committing journal does.</summary>
    private sealed class ThreadHoppingJournal(IJournal inner) : IJournal
    {
        public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            return await inner.WriteAsync(writes, cancellationToken);
        }

        public IAsyncEnumerable<PersistentRepresentation> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken = default)
            => inner.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, max, cancellationToken);

        public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default)
            => inner.ReadHighestSequenceNrAsync(persistenceId, cancellationToken);

        public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
            => inner.DeleteMessagesToAsync(persistenceId, toSequenceNr, cancellationToken);
    }

    [Fact]
    public async Task PersistThenAskThenPersist_ManyActorsAtOnce_EveryAnswerIsHandled()
    {
        var done = new ConcurrentDictionary<string, byte>();
        var echo = ActorOf(Props.Create(() => new Echo()), "echo");
        for (var round = 0; round < 10; round++)
        {
            var workers = Enumerable.Range(0, Actors)
                .Select(i => ActorOf(Props.Create(() => new Worker($"w-{round}-{i}", done)), $"w-{round}-{i}"))
                .ToList();
            foreach (var worker in workers)
                worker.Tell(new Go(echo), null);
            var expected = (round + 1) * Actors;
            await AwaitConditionAsync(() => done.Count == expected, TimeSpan.FromSeconds(30),
                message: $"round {round}: {expected - done.Count} of {Actors} actors never handled their answer");
        }
    }
}
