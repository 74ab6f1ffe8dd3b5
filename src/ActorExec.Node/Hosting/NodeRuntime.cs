using ActorExec.Engine.Persistence;
using ActorExec.Examples.Arbitrage;
using ActorExec.Node.Configuration;
using ActorExec.Node.Demo;
using ActorExec.Node.Metrics;
using ActorExec.Persistence.Sql;
using ActorExec.Trading.Execution;

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

    public static async Task<NodeRuntime> StartAsync(NodeSettings settings, ILoggerFactory loggers, NodeMetrics metrics, CancellationToken cancellationToken)
    {
        var venues = await PaperVenues.ConnectAsync(settings, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        if (settings.Demo.Enabled && venues.Count != 2)
            throw new NodeConfigurationException([$"actorexec.demo.enabled: the sample arbitrage strategy needs exactly two venues, {venues.Count} are configured"]);
        Directory.CreateDirectory(settings.DataDir);
        var stores = settings.Persistence.Store == "sqlite"
            ? SqlPersistence.Sqlite(settings.Persistence.SqlitePath, EngineSerialization.Serializer())
            : SqlPersistence.Postgres(settings.Persistence.PostgresConnectionString, EngineSerialization.Serializer());
        await stores.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var system = ActorSystem.Create("actorexec", new ActorSystemOptions
        {
            LoggerFactory = loggers,
            Persistence = new Actors.Persistence.PersistenceOptions(new TimedJournal(stores.Journal, metrics.JournalWriteLatency), stores.SnapshotStore),
        });
        var observer = new EngineObserver();
        observer.Start(system);
        var engine = await ExecutionEngine.StartAsync(system, stores.Queries, venues, settings.Engine, cancellationToken).ConfigureAwait(false);
        var runtime = new NodeRuntime(settings, stores, system, engine, observer, loggers.CreateLogger("ActorExec.Node"));
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
        try
        {
            await System.Terminate().WaitAsync(Settings.ShutdownTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Journaled state is what counts: the journal still flushes below, and recovery resumes the rest.
            LogActorsStillStopping(_log, Settings.ShutdownTimeout.TotalSeconds);
        }
        await Stores.DisposeAsync().ConfigureAwait(false);
        LogStopped(_log, Settings.NodeId);
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

    [LoggerMessage(EventId = 7005, EventName = "node_stopped", Level = LogLevel.Information,
        Message = "Node {node_id} stopped; journal flushed")]
    private static partial void LogStopped(ILogger logger, string node_id);

    [LoggerMessage(EventId = 7025, EventName = "paper_exchange_connected", Level = LogLevel.Information,
        Message = "The paper venues are served by the paper exchange at {url}")]
    private static partial void LogTradingThroughExchange(ILogger logger, string url);
}
