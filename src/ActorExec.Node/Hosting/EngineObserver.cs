using System.Collections.Concurrent;

namespace ActorExec.Node.Hosting;

/// <summary>Follows the engine's event stream for operators: the last reconciliation of each venue.</summary>
internal sealed class EngineObserver
{
    private readonly ConcurrentDictionary<VenueId, ReconciliationCompleted> _reconciliations = new();

    public ReconciliationCompleted? LastReconciliation(VenueId venue) => _reconciliations.GetValueOrDefault(venue);

    public IActorRef Start(ActorSystem system) => system.SystemActorOf(Props.Create(() => new Listener(this)), "node-observer");

    private sealed class Listener : ReceiveActor
    {
        public Listener(EngineObserver observer) => Receive<ReconciliationCompleted>(done => observer._reconciliations[done.Venue] = done);

        protected override void PreStart() => Context.System.EventStream.Subscribe<ReconciliationCompleted>(Self);
    }
}
