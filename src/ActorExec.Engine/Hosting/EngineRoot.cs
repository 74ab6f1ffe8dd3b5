using ActorExec.Actors.Persistence;
using ActorExec.Engine.AutoClose;
using ActorExec.Engine.Markets;
using ActorExec.Engine.Positions;
using ActorExec.Engine.Reconciliation;
using ActorExec.Engine.Region;
using ActorExec.Engine.Venues;

namespace ActorExec.Engine.Hosting;

/// <summary>Asks the engine root for its well-known actors.</summary>
internal sealed record GetEngineActors
{
    public static readonly GetEngineActors Instance = new();
}

/// <summary>The engine's well-known actors.</summary>
internal sealed record EngineActors(IActorRef Region, IActorRef Positions, IActorRef AutoClose, IActorRef Reconciliation);

/// <summary>
/// The top of the engine's tree (<c>/user/engine</c>): one supervisor per venue, the positions read
/// model, the auto-close and reconciliation supervisors, and the market region, started in that order
/// so every market finds the venues it calls.
/// </summary>
internal sealed class EngineRoot : ReceiveActor
{
    private readonly EngineServices _services;
    private readonly IJournalQueries _queries;
    private readonly EngineHosting _hosting;
    private EngineActors? _actors;

    public EngineRoot(EngineServices services, IJournalQueries queries, EngineHosting hosting)
    {
        _services = services;
        _queries = queries;
        _hosting = hosting;
        Receive<GetEngineActors>(_ => Sender.Tell(_actors!, Self));
    }

    protected override void PreStart()
    {
        foreach (var venue in _services.Venues.All)
            venue.AttachSupervisor(Context.ActorOf(Props.Create(() => new VenueSupervisor(venue)), $"venue-{Uri.EscapeDataString(venue.Venue.Value)}"));
        var positionsId = _hosting.PositionsPersistenceId;
        var positions = Context.ActorOf(Props.Create(() => new PositionsActor(_queries, _services.Risk, _services.Options.PositionsPollInterval, positionsId)), "positions");
        var autoClose = Context.ActorOf(Props.Create(() => new AutoCloseSupervisor(_services)), "auto-close");
        var services = _services;
        Func<MarketId, Props> marketProps = market => Props.Create(() => new MarketActor(market, services));
        var region = _hosting.Region is { } factory
            ? Context.System.ActorOf(factory(new MarketShards(marketProps)), "markets")
            : Context.ActorOf(Props.Create(() => new LocalMarketRegion(marketProps, LocalMarketRegion.RegionPersistenceId)), "markets");
        _services.Attach(positions, autoClose, region);
        var reconciliation = Context.ActorOf(Props.Create(() => new ReconciliationSupervisor(_services)), "reconciliation");
        _actors = new EngineActors(region, positions, autoClose, reconciliation);
    }
}
