using ActorExec.Engine;
using System.Diagnostics;
using ActorExec.Actors;
using ActorExec.Engine.Persistence;
using ActorExec.Engine.Venues;
using ActorExec.Persistence.Sql;
using ActorExec.Trading;
using ActorExec.Trading.Execution;
using ActorExec.Trading.Risk;

namespace ActorExec.Bench.Engine;

/// <summary>
/// The execution engine on one node: arbitrage executions per second across 1,000 markets, and the
/// latency from ExecuteArbitrage to its result (both legs acknowledged by a zero-latency paper venue,
/// every step journaled to SQLite), against a baseline in the same run that makes the same checks,
/// journal writes and venue calls directly, without actors. The engine also follows each on-chain leg
/// to CONFIRMED (the baseline stops at the acknowledgement), so its throughput is measured a second
/// time with the paper venue's default on-chain delays: every leg is then polled for seconds.
/// </summary>
internal static class EngineSuite
{
    private const int Markets = 1_000;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    public static async Task<Report> RunAsync(string[] args)
    {
        var runs = Stats.RunsOption(args, "engine");
        var report = new Report("engine");
        var latencySamples = 2_000;
        var rounds = 10; // about 2 s measured per run: long enough to span the GC's background cycles

        var engineThroughput = new List<double>();
        var baselineThroughput = new List<double>();
        var settlingThroughput = new List<double>();
        var engineLatency = new List<double>();
        var baselineLatency = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            Console.Error.WriteLine($"run {run + 1}/{runs}: baseline ...");
            await using (var bench = await Bench.StartAsync(withEngine: false))
            {
                baselineThroughput.Add(await ThroughputAsync(bench, rounds, c => bench.Direct.ExecuteAsync(c)));
                baselineLatency.AddRange(await LatencyAsync(bench, latencySamples, c => bench.Direct.ExecuteAsync(c)));
            }
            Console.Error.WriteLine($"run {run + 1}/{runs}: engine ...");
            await using (var bench = await Bench.StartAsync(withEngine: true))
            {
                engineThroughput.Add(await ThroughputAsync(bench, rounds, bench.ExecuteOnEngineAsync));
                engineLatency.AddRange(await LatencyAsync(bench, latencySamples, bench.ExecuteOnEngineAsync));
            }
            Console.Error.WriteLine($"run {run + 1}/{runs}: engine, legs settling on chain for seconds ...");
            await using (var bench = await Bench.StartAsync(withEngine: true, settlementDelays: true))
                settlingThroughput.Add(await ThroughputAsync(bench, rounds, bench.ExecuteOnEngineAsync));
            Console.Error.WriteLine($"  executions/s: engine {engineThroughput[^1]:N0}, baseline {baselineThroughput[^1]:N0}, engine with settlement delays {settlingThroughput[^1]:N0}");
        }

        report.Add("engine_executions_per_s", $"engine: arbitrage executions/s over {Markets:N0} markets", Stats.Median(engineThroughput), "exec/s");
        report.Add("baseline_executions_per_s", "baseline (no actors): executions/s", Stats.Median(baselineThroughput), "exec/s");
        report.Add("engine_settling_executions_per_s", "engine, default on-chain delays (mine 2 s, confirm 3 s): executions/s", Stats.Median(settlingThroughput), "exec/s");
        foreach (var p in new[] { 50.0, 99.0, 99.9 })
        {
            var key = p.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture).Replace(".", "");
            report.Add($"engine_latency_p{key}_us", $"engine: ExecuteArbitrage → result p{p}", Stats.Percentile(engineLatency, p), "µs");
            report.Add($"baseline_latency_p{key}_us", $"baseline: same work direct p{p}", Stats.Percentile(baselineLatency, p), "µs");
        }
        var overhead = (Stats.Median(engineLatency) / Stats.Median(baselineLatency) - 1) * 100;
        report.Add("engine_overhead_p50_percent", "actor overhead at p50 (engine / baseline − 1)", overhead, "%");
        return report;
    }

    /// <summary>Rounds of one execution per market at once; successful executions per second.</summary>
    private static async Task<double> ThroughputAsync(Bench bench, int rounds, Func<ExecuteArbitrage, Task<bool>> execute)
    {
        // Untimed rounds first, for WarmUp at least: first touches and JIT tiering (tier-0, the PGO
        // instrumented tier, then tier-1 on a background thread that took a fifth of both cores when
        // only one round ran first) are not the steady state a running node trades in.
        var warming = Stopwatch.StartNew();
        do
            await Task.WhenAll(bench.Venues.Markets.Select(m => execute(bench.Next(m))));
        while (warming.Elapsed < WarmUp);
        var succeeded = 0;
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            var results = await Task.WhenAll(bench.Venues.Markets.Select(m => execute(bench.Next(m))));
            succeeded += results.Count(ok => ok);
        }
        var perSecond = succeeded / clock.Elapsed.TotalSeconds;
        if (succeeded < rounds * bench.Venues.Markets.Count * 0.99)
            throw new InvalidOperationException($"only {succeeded} of {rounds * bench.Venues.Markets.Count} executions succeeded; the benchmark would measure refusals");
        return perSecond;
    }

    /// <summary>One execution at a time, rotating over the markets; microseconds each.</summary>
    private static async Task<List<double>> LatencyAsync(Bench bench, int samples, Func<ExecuteArbitrage, Task<bool>> execute)
    {
        var latencies = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var command = bench.Next(bench.Venues.Markets[i % bench.Venues.Markets.Count]);
            var started = Stopwatch.GetTimestamp();
            if (!await execute(command))
                throw new InvalidOperationException($"execution {command.ExecutionId} did not succeed");
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }
        return latencies;
    }

    private sealed class Bench : IAsyncDisposable
    {
        private readonly string _directory;
        private readonly SqlStores _stores;
        private readonly ActorSystem? _system;
        private long _executions;
        private int _failuresShown;

        private Bench(string directory, SqlStores stores, BenchVenues venues, ActorSystem? system, ExecutionEngine? engine, DirectExecutor direct)
        {
            _directory = directory;
            _stores = stores;
            Venues = venues;
            _system = system;
            Engine = engine;
            Direct = direct;
        }

        public BenchVenues Venues { get; }

        public ExecutionEngine? Engine { get; }

        public DirectExecutor Direct { get; }

        /// <summary>One execution through the engine; a failure is printed (the first few) so a refusal is never silent.</summary>
        public async Task<bool> ExecuteOnEngineAsync(ExecuteArbitrage command)
        {
            // Longer than the engine's leg timeout, so a stuck leg answers LEG_OUTCOME_UNKNOWN rather than the Ask timing out.
            var result = await Engine!.Region.Ask<ExecutionResult>(command, TimeSpan.FromSeconds(90));
            if (!result.Success && Interlocked.Increment(ref _failuresShown) <= 5)
                Console.Error.WriteLine($"  execution {result.Id} on {result.Market} failed: {result.Error?.Code}: {result.Error?.Message}");
            return result.Success;
        }

        public ExecuteArbitrage Next(MarketId market)
            => new(new ExecutionId($"x{Interlocked.Increment(ref _executions)}"), market, BenchVenues.KalshiQuote, BenchVenues.PolyQuote, new Quantity(1m));

        public static async Task<Bench> StartAsync(bool withEngine, bool settlementDelays = false)
        {
            var directory = Path.Combine(Path.GetTempPath(), "actorexec-bench-engine-" + Guid.NewGuid().ToString("N")[..8]);
            var stores = SqlPersistence.Sqlite(Path.Combine(directory, "journal.db"), EngineSerialization.Serializer());
            await stores.EnsureSchemaAsync();
            var venues = new BenchVenues(Markets, settlementDelays);
            // The venues answer at once and never throttle: what is measured is the engine, not a rate limit.
            var unthrottled = new VenueSupervisorOptions { WritesPerSecond = 1_000_000, WriteBurst = 1_000_000, ReadsPerSecond = 1_000_000, ReadBurst = 1_000_000 };
            var options = new EngineOptions
            {
                InFlight = new InFlightOptions { Cooldown = TimeSpan.Zero },
                Risk = new RiskLimits { MaxPositionPerMarket = 1_000_000_000m, MaxTotalPosition = 1_000_000_000_000m },
            };
            var connections = new[] { new VenueConnection(venues.Kalshi, venues.Kalshi, unthrottled), new VenueConnection(venues.Poly, venues.Poly, unthrottled) };
            if (!withEngine)
            {
                var directory2 = new VenueDirectory(connections.Select(c => new VenueEntry(c.Adapter, c.MarketData, c.Options!)).ToList());
                foreach (var entry in directory2.All)
                    entry.ReplaceMarkets((await entry.MarketData.GetMarketsAsync()).Value);
                return new Bench(directory, stores, venues, null, null, new DirectExecutor(options, directory2, stores.Journal));
            }
            var system = ActorSystem.Create("bench-engine", new ActorSystemOptions { Persistence = stores.ToPersistenceOptions() });
            var engine = await ExecutionEngine.StartAsync(system, stores.Queries, connections, options);
            var deadline = Stopwatch.StartNew();
            while (!engine.Venues.All.All(v => v.Status.IsReconciled))
            {
                if (deadline.Elapsed > TimeSpan.FromSeconds(30))
                    throw new TimeoutException("the venues were not reconciled within 30 s of start");
                await Task.Delay(10);
            }
            return new Bench(directory, stores, venues, system, engine, null!);
        }

        public async ValueTask DisposeAsync()
        {
            if (_system is not null)
                await _system.Terminate().WaitAsync(TimeSpan.FromSeconds(30));
            await _stores.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A connection still closing: the temp directory is left for the OS to clean.
            }
        }
    }
}
