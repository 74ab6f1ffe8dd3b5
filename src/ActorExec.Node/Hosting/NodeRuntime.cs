using ActorExec.Cluster.Delivery;
using ActorExec.Cluster.Fencing;
using ActorExec.Cluster.Runtime;
using ActorExec.Engine.Persistence;
using ActorExec.Node.Cluster;
using ActorExec.Examples.Arbitrage;
using ActorExec.Node.Configuration;
using ActorExec.Node.Demo;
using ActorExec.Node.Metrics;
using ActorExec.Node.VenueConnections;
using ActorExec.Persistence.Sql;
using ActorExec.Trading.Execution;
using Npgsql;

namespace ActorExec.Node.Hosting;

/// <summary>
/// One running node: the journal, the actor system, the paper venues, the engine and (when enabled)
/// the sample strategy. Stopping is graceful: intake stops first, in-flight executions get
/// <see cref="NodeSettings.ShutdownTimeout"/> to reach a persisted end, then the actors stop and the
/// journal flushes its last writes.
/// </summary>
internal sealed partial class NodeRuntime : IAsyncDisposable
{
    private readonly ILogger _log;
    private IActorRef? _scanner;
    private NpgsqlDataSource? _clusterData;
    private NodeVenues? _venues;

    private NodeRuntime(NodeSettings settings, SqlStores stores, ActorSystem system, ExecutionEngine engine, EngineObserver observer, ILogger log)
    {
        Settings = settings;
        Stores = stores;
        System = system;
        Engine = engine;
        Observer = observer;
        _log = log;
    }

    public NodeSettings Settings { get; }

    public SqlStores Stores { get; }

    public ActorSystem System { get; }

    public ExecutionEngine Engine { get; }

    public EngineObserver Observer { get; }

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>This node's membership of the cluster; null when it runs alone.</summary>
    public ClusterNode? Cluster { get; private set; }

    public static async Task<NodeRuntime> StartAsync(NodeSettings settings, ILoggerFactory loggers, NodeMetrics metrics, CancellationToken cancellationToken)
    {
        if (settings.Demo.Enabled && settings.Venues.Count != 2)
            throw new NodeConfigurationException([$"actorexec.demo.enabled: the sample arbitrage strategy needs exactly two venues, {settings.Venues.Count} are configured"]);
        var connected = await NodeVenues.ConnectAsync(settings, TimeProvider.System, Environment.GetEnvironmentVariable, cancellationToken).ConfigureAwait(false);
        var venues = connected.Connections;
        Directory.CreateDirectory(settings.DataDir);
        var postgres = settings.Cluster is { } hardened
            ? ActorExec.Cluster.ClusterConnections.Harden(settings.Persistence.PostgresConnectionString, hardened.Options)
            : settings.Persistence.PostgresConnectionString;
        var clusterData = settings.Cluster is null ? null : NpgsqlDataSource.Create(postgres);
        var guard = settings.Cluster is { } clustered
            ? new ClusterWriteGuard(new LeaseFence(clustered.Options), new InboxStore(clusterData!, clustered.Options))
            : null;
        var stores = settings.Persistence.Store == "sqlite"
            ? SqlPersistence.Sqlite(settings.Persistence.SqlitePath, EngineSerialization.Serializer())
            : SqlPersistence.Postgres(postgres, EngineSerialization.Serializer(), new SqlJournalOptions { WriteGuard = guard });
        await stores.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var system = ActorSystem.Create("actorexec", new ActorSystemOptions
        {
            LoggerFactory = loggers,
            Persistence = new Actors.Persistence.PersistenceOptions(new TimedJournal(stores.Journal, metrics.JournalWriteLatency), stores.SnapshotStore),
        });
        var observer = new EngineObserver();
        observer.Start(system);
        ClusterNode? cluster = null;
        var hosting = EngineHosting.SingleNode;
        if (settings.Cluster is { } clusterSettings)
        {
            var address = clusterSettings.AdvertisedAddress.Length > 0 ? clusterSettings.AdvertisedAddress : $"http://{settings.Inspection.Host}:{settings.Inspection.Port}";
            cluster = await ClusterNode.JoinAsync(clusterData!, clusterSettings.Options, clusterSettings.Runtime, settings.NodeId, address,
                EngineSerialization.Messages(), EngineSerialization.JsonOptions, loggers.CreateLogger("ActorExec.Cluster"), cancellationToken).ConfigureAwait(false);
            guard!.FenceBroken += cluster.OnFenceBroken;
            var node = cluster;
            hosting = new EngineHosting(shards => node.RegionProps(new MarketEntities(shards)), $"positions-{settings.NodeId}");
        }
        var engine = await ExecutionEngine.StartAsync(system, stores.Queries, venues, settings.Engine, hosting, cancellationToken).ConfigureAwait(false);
        cluster?.Start(engine.Region);
        var runtime = new NodeRuntime(settings, stores, system, engine, observer, loggers.CreateLogger("ActorExec.Node")) { Cluster = cluster, _clusterData = clusterData, _venues = connected };
        LogStarted(runtime._log, settings.NodeId, settings.Profile, settings.Persistence.Store, settings.Persistence.Location, string.Join(", ", settings.Venues.Select(v => $"{v.Name} ({v.Kind})")));
        if (settings.PaperExchange.Url is { } exchange)
            LogTradingThroughExchange(runtime._log, exchange.ToString());
        if (settings.Demo.Enabled)
            runtime.StartDemo(venues[0].MarketData, venues[1].MarketData);
        return runtime;
    }

    private void StartDemo(IMarketData first, IMarketData second)
    {
        var demo = Settings.Demo;
        _scanner = System.ActorOf(ArbitrageScanner.PropsFor(Engine.Region, first, second, new ArbitrageScannerOptions
        {
            Markets = PaperVenues.Markets(demo.Markets),
            Interval = demo.ScanInterval,
            MinEdge = demo.MinEdge,
            MaxSize = demo.MaxSize,
            ExecutionIdPrefix = Settings.NodeId,
        }), "arbitrage-scanner");
        LogDemoStarted(_log, demo.Markets, demo.ScanInterval.TotalMilliseconds);
    }

    /// <summary>Stops intake, waits for in-flight executions (bounded), stops the actors, flushes the journal.</summary>
    public async Task StopAsync()
    {
        LogStopping(_log, Settings.NodeId);
        if (_scanner is { } scanner)
        {
            System.Stop(scanner);
            _scanner = null;
        }
        var deadline = DateTimeOffset.UtcNow + Settings.ShutdownTimeout;
        var inFlight = await InFlightAsync().ConfigureAwait(false);
        while (inFlight.Count > 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100).ConfigureAwait(false);
            inFlight = await InFlightAsync().ConfigureAwait(false);
        }
        if (inFlight.Count > 0)
            LogStoppedWithInFlight(_log, inFlight.Count, string.Join(", ", inFlight.Select(m => m.Market.Value)));
        if (Cluster is { } cluster)
            await LeaveClusterAsync(cluster, deadline).ConfigureAwait(false);
        try
        {
            await System.Terminate().WaitAsync(Settings.ShutdownTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Journaled state is what counts: the journal still flushes below, and recovery resumes the rest.
            LogActorsStillStopping(_log, Settings.ShutdownTimeout.TotalSeconds);
        }
        if (Cluster is { } node)
            await node.DisposeAsync().ConfigureAwait(false);
        await Stores.DisposeAsync().ConfigureAwait(false);
        if (_venues is { } venues)
            await venues.DisposeAsync().ConfigureAwait(false);
        if (_clusterData is { } data)
            await data.DisposeAsync().ConfigureAwait(false);
        LogStopped(_log, Settings.NodeId);
    }

    // A stopping member hands every shard off before it exits, so its markets carry on elsewhere at once
    // instead of after a lease timeout. A node declared dead has nothing left to hand off.
    private async Task LeaveClusterAsync(ClusterNode cluster, DateTimeOffset deadline)
    {
        if (cluster.Exited.IsCompleted)
            return;
        var budget = deadline - DateTimeOffset.UtcNow;
        using var timeout = new CancellationTokenSource(budget > TimeSpan.FromSeconds(5) ? budget : TimeSpan.FromSeconds(5));
        try
        {
            await cluster.LeaveAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or NpgsqlException or TimeoutException or AskTimeoutException)
        {
            LogLeaveIncomplete(_log, e.Message);
        }
    }

    /// <summary>The live markets with an execution in flight.</summary>
    public async Task<IReadOnlyList<MarketStateReport>> InFlightAsync()
        => [.. (await LiveMarketStatesAsync().ConfigureAwait(false)).Where(m => m.Phase == InFlightPhase.InFlight)];

    /// <summary>The state of every market the region has live now (asking does not wake passivated ones).</summary>
    public async Task<IReadOnlyList<MarketStateReport>> LiveMarketStatesAsync()
    {
        var active = await Engine.Region.Ask<ActiveMarkets>(GetActiveMarkets.Instance, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        var states = await Task.WhenAll(active.Live.Select(m => Engine.Region.Ask<MarketStateReport>(new GetMarketState(m), TimeSpan.FromSeconds(10)))).ConfigureAwait(false);
        return states;
    }

    public async ValueTask DisposeAsync()
    {
        if (!System.WhenTerminated.IsCompleted)
            await StopAsync().ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 7001, EventName = "node_started", Level = LogLevel.Information,
        Message = "Node {node_id} started (profile {profile}); journal {store} at {location}; venues {venues}")]
    private static partial void LogStarted(ILogger logger, string node_id, string profile, string store, string location, string venues);

    [LoggerMessage(EventId = 7002, EventName = "demo_started", Level = LogLevel.Information,
        Message = "Sample arbitrage strategy scanning {markets} markets every {interval_ms} ms")]
    private static partial void LogDemoStarted(ILogger logger, int markets, double interval_ms);

    [LoggerMessage(EventId = 7003, EventName = "node_stopping", Level = LogLevel.Information,
        Message = "Node {node_id} stopping: intake stopped, waiting for in-flight executions")]
    private static partial void LogStopping(ILogger logger, string node_id);

    [LoggerMessage(EventId = 7004, EventName = "node_stopped_with_inflight", Level = LogLevel.Warning,
        Message = "{count} executions were still in flight at the shutdown timeout ({markets}); their orders are journaled and resume on the next start")]
    private static partial void LogStoppedWithInFlight(ILogger logger, int count, string markets);

    [LoggerMessage(EventId = 7006, EventName = "node_stop_timed_out", Level = LogLevel.Warning,
        Message = "Actors were still stopping after {seconds} s; flushing the journal and exiting")]
    private static partial void LogActorsStillStopping(ILogger logger, double seconds);

    [LoggerMessage(EventId = 7007, EventName = "cluster_leave_incomplete", Level = LogLevel.Warning,
        Message = "Could not hand every shard off before stopping ({reason}); the others take the rest over after the lease timeout")]
    private static partial void LogLeaveIncomplete(ILogger logger, string reason);

    [LoggerMessage(EventId = 7005, EventName = "node_stopped", Level = LogLevel.Information,
        Message = "Node {node_id} stopped; journal flushed")]
    private static partial void LogStopped(ILogger logger, string node_id);

    [LoggerMessage(EventId = 7025, EventName = "paper_exchange_connected", Level = LogLevel.Information,
        Message = "The paper venues are served by the paper exchange at {url}")]
    private static partial void LogTradingThroughExchange(ILogger logger, string url);
}
