using ActorExec.Actors.Persistence;
using ActorExec.Engine.Hosting;
using ActorExec.Engine.Venues;
using ActorExec.Trading.Risk;

namespace ActorExec.Engine;

/// <summary>
/// A running execution engine inside an actor system. Strategies <c>Tell</c> protocol messages
/// (<see cref="ExecuteArbitrage"/>, <see cref="PlaceOrder"/>, …) to <see cref="Region"/> and receive
/// <see cref="ExecutionResult"/>s. The actor system must be created with persistence (a journal and a
/// snapshot store) configured with <see cref="Persistence.EngineSerialization"/>.
/// </summary>
public sealed class ExecutionEngine
{
    private readonly EngineServices _services;

    private ExecutionEngine(ActorSystem system, EngineServices services, EngineActors actors)
    {
        System = system;
        _services = services;
        Region = actors.Region;
        Positions = actors.Positions;
        AutoClose = actors.AutoClose;
        Reconciliation = actors.Reconciliation;
    }

    /// <summary>The actor system the engine runs in.</summary>
    public ActorSystem System { get; }

    /// <summary>The market region: send every strategy command here.</summary>
    public IActorRef Region { get; }

    /// <summary>The positions read model (<see cref="GetPositions"/>, <see cref="SetTradingState"/>).</summary>
    public IActorRef Positions { get; }

    /// <summary>The auto-close supervisor.</summary>
    public IActorRef AutoClose { get; }

    /// <summary>The reconciliation supervisor (<see cref="ReconcileNow"/>).</summary>
    public IActorRef Reconciliation { get; }

    /// <summary>The venues, with their breaker and reconciliation status.</summary>
    public VenueDirectory Venues => _services.Venues;

    /// <summary>The options the engine runs with.</summary>
    public EngineOptions Options => _services.Options;

    /// <summary>The latest risk snapshot (positions per market, daily P&amp;L, trading state).</summary>
    public RiskSnapshot Risk => _services.Risk.Current;

    /// <summary>
    /// Starts the engine under <c>/user/engine</c>: loads each venue's markets, starts the venue
    /// supervisors, positions, auto-close, the market region (which resumes every market with open
    /// work) and reconciliation.
    /// </summary>
    /// <exception cref="ArgumentException">No venue, a venue configured twice, or invalid options (the message names the option).</exception>
    /// <exception cref="InvalidOperationException">The actor system has no journal configured.</exception>
    public static Task<ExecutionEngine> StartAsync(
        ActorSystem system, IJournalQueries queries, IEnumerable<VenueConnection> venues, EngineOptions? options = null, CancellationToken cancellationToken = default)
        => StartAsync(system, queries, venues, options, EngineHosting.SingleNode, cancellationToken);

    /// <summary>As <see cref="StartAsync(ActorSystem, IJournalQueries, IEnumerable{VenueConnection}, EngineOptions?, CancellationToken)"/>, hosted as <paramref name="hosting"/> says (e.g. sharded over a cluster).</summary>
    public static async Task<ExecutionEngine> StartAsync(
        ActorSystem system, IJournalQueries queries, IEnumerable<VenueConnection> venues, EngineOptions? options, EngineHosting hosting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hosting);
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(venues);
        if (system.Options.Persistence is null)
            throw new InvalidOperationException($"actor system {system.Name} has no persistence configured; the engine journals every order");
        options = (options ?? new EngineOptions()).Validate();
        var entries = venues.Select(v => new VenueEntry(v.Adapter, v.MarketData, (v.Options ?? new VenueSupervisorOptions()).Validate())).ToList();
        if (entries.Count == 0)
            throw new ArgumentException("the engine needs at least one venue", nameof(venues));
        var directory = new VenueDirectory(entries);
        foreach (var entry in entries)
        {
            var markets = await entry.MarketData.GetMarketsAsync(cancellationToken).ConfigureAwait(false);
            if (markets.IsSuccess)
                entry.ReplaceMarkets(markets.Value);
        }
        var services = new EngineServices(directory, options);
        var root = system.ActorOf(Props.Create(() => new EngineRoot(services, queries, hosting)), "engine");
        var actors = await root.Ask<EngineActors>(GetEngineActors.Instance, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        return new ExecutionEngine(system, services, actors);
    }
}
