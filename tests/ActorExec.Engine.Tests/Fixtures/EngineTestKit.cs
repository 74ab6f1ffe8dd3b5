using System.Diagnostics;
using ActorExec.Engine.Venues;
using ActorExec.Trading.Slippage;
using ActorExec.Venues.Paper;
using Xunit.Abstractions;

namespace ActorExec.Engine.Tests.Fixtures;

/// <summary>
/// An actor system on a virtual clock with a real SQLite journal, two paper venues (a Kalshi-like one
/// that settles on match and a Polymarket-like one that settles on chain) and a started engine.
/// Time only moves when a test drives it.
/// </summary>
public abstract class EngineTestKit : TestKit.TestKit, IAsyncLifetime
{
    public static readonly VenueId KalshiId = new("kalshi");
    public static readonly VenueId PolyId = new("poly");

    protected EngineTestKit(ITestOutputHelper? output = null) : this(EngineStores.Create(), output)
    {
    }

    private EngineTestKit(EngineStores stores, ITestOutputHelper? output)
        : base(new TestKitOptions
        {
            UseVirtualTime = true,
            DefaultTimeout = TimeSpan.FromSeconds(20),
            SystemOptions = new ActorSystemOptions { Persistence = stores.Options },
        }, output)
    {
        Stores = stores;
        Output = output;
    }

    protected EngineStores Stores { get; }

    protected ITestOutputHelper? Output { get; }

    protected ManualTimeProvider Clock => VirtualClock!;

    protected PaperVenue Kalshi { get; private set; } = null!;

    protected PaperVenue Poly { get; private set; } = null!;

    protected ExecutionEngine Engine { get; private set; } = null!;

    /// <summary>The markets both venues list.</summary>
    protected virtual IReadOnlyList<PaperMarket> Markets => [.. Enumerable.Range(1, 5).Select(i => PaperMarket.Binary($"m-{i}", 0.5m))];

    protected virtual EngineOptions EngineOptions => new();

    protected virtual PaperVenueOptions KalshiOptions(IReadOnlyList<PaperMarket> markets) => PaperVenueOptions.KalshiLike(KalshiId, markets, seed: 11) with
    {
        TimeProvider = Clock,
        Liquidity = new PaperLiquidityOptions { Enabled = false },
    };

    protected virtual PaperVenueOptions PolyOptions(IReadOnlyList<PaperMarket> markets) => PaperVenueOptions.PolymarketLike(PolyId, markets, seed: 22) with
    {
        TimeProvider = Clock,
        Liquidity = new PaperLiquidityOptions { Enabled = false },
    };

    protected virtual VenueSupervisorOptions SupervisorOptions(VenueId venue) => venue == KalshiId ? VenueSupervisorOptions.KalshiLike : VenueSupervisorOptions.PolymarketLike;

    public virtual async Task InitializeAsync()
    {
        Kalshi = new PaperVenue(KalshiOptions(Markets));
        Poly = new PaperVenue(PolyOptions(Markets));
        Engine = await StartEngineAsync(Sys);
    }

    protected async Task<ExecutionEngine> StartEngineAsync(ActorSystem system)
    {
        // Loading the venues' markets pays the venues' (virtual) latency, so the start is driven too.
        var engine = await DriveAsync(ExecutionEngine.StartAsync(system, Stores.Queries,
        [
            new VenueConnection(Kalshi, Kalshi, SupervisorOptions(KalshiId)),
            new VenueConnection(Poly, Poly, SupervisorOptions(PolyId)),
        ], EngineOptions));
        if (EngineOptions.ReconcileBeforeTrading)
            await DriveUntilAsync(() => engine.Venues.All.All(v => v.Status.IsReconciled), "both venues reconciled");
        return engine;
    }

    public virtual async Task DisposeAsync()
    {
        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        await Stores.DisposeAsync();
    }

    /// <summary>Advances the virtual clock in steps until <paramref name="task"/> completes (at most <paramref name="maxVirtual"/> of virtual time, 30 s of real time).</summary>
    protected async Task<T> DriveAsync<T>(Task<T> task, TimeSpan? step = null, TimeSpan? maxVirtual = null)
    {
        await DriveUntilAsync(() => task.IsCompleted, "the task to complete", step, maxVirtual);
        return await task;
    }

    /// <summary>
    /// Advances the virtual clock until <paramref name="condition"/> holds, like a discrete-event
    /// simulation: once the actors have worked through everything the last step released, the clock
    /// jumps to the next timer that falls due (at most <paramref name="step"/>, default 1 s, at a time).
    /// </summary>
    protected async Task DriveUntilAsync(Func<bool> condition, string what, TimeSpan? step = null, TimeSpan? maxVirtual = null)
    {
        var realLimit = Stopwatch.StartNew();
        var virtualStart = Clock.GetUtcNow();
        var limit = maxVirtual ?? TimeSpan.FromMinutes(10);
        var maxStep = step ?? TimeSpan.FromSeconds(1);
        while (!condition())
        {
            await QuiesceAsync();
            if (condition())
                break;
            if (Clock.GetUtcNow() - virtualStart > limit)
                throw new TimeoutException($"waited {limit} of virtual time for {what}");
            if (realLimit.Elapsed > TimeSpan.FromSeconds(30))
                throw new TimeoutException($"waited 30 s of real time for {what} (virtual time {Clock.GetUtcNow() - virtualStart})");
            var nextDue = Clock.NextTimerDueIn ?? maxStep;
            Clock.Advance(nextDue < maxStep ? nextDue : maxStep);
        }
    }

    /// <summary>
    /// Waits until the thread pool has been idle for a few consecutive checks (nothing queued, no more
    /// workers busy than when the fixture started, no work items completing besides this check's own),
    /// so virtual time only moves once the actors and the journal have worked through what the last
    /// step released, however slow the machine.
    /// </summary>
    protected async Task QuiesceAsync()
    {
        var quiet = 0;
        var deadline = Stopwatch.StartNew();
        var completed = ThreadPool.CompletedWorkItemCount;
        while (quiet < 2 && deadline.Elapsed < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(1);
            var nowCompleted = ThreadPool.CompletedWorkItemCount;
            var idle = ThreadPool.PendingWorkItemCount == 0 && BusyWorkers() <= _idleBusyWorkers && nowCompleted - completed <= 2;
            completed = nowCompleted;
            quiet = idle ? quiet + 1 : 0;
        }
    }

    private readonly int _idleBusyWorkers = BusyWorkers();

    private static int BusyWorkers()
    {
        ThreadPool.GetMaxThreads(out var maxWorkers, out _);
        ThreadPool.GetAvailableThreads(out var available, out _);
        return maxWorkers - available;
    }

    /// <summary>Sends a command to the market region and drives the clock until its result arrives.</summary>
    protected Task<ExecutionResult> ExecuteAsync(IMarketCommand command, TimeSpan? step = null, ExecutionEngine? engine = null)
        => DriveAsync((engine ?? Engine).Region.Ask<ExecutionResult>(command, Timeout.InfiniteTimeSpan), step);

    /// <summary>Sets a crossed pair: YES offered on Kalshi at <paramref name="yesAsk"/>, NO offered on Poly at <paramref name="noAsk"/>.</summary>
    protected void SetArbitrageBooks(MarketId market, decimal yesAsk, decimal yesSize, decimal noAsk, decimal noSize)
    {
        Kalshi.AddLiquidity(market, Side.Sell, new Price(yesAsk), new Quantity(yesSize));
        Poly.AddLiquidity(market, Side.Buy, new Price(1m - noAsk), new Quantity(noSize));
    }

    protected static ExecuteArbitrage Arbitrage(string executionId, MarketId market, decimal yesAsk, decimal yesSize, decimal noAsk, decimal noSize, decimal maxSize = 1_000m)
        => new(new ExecutionId(executionId), market,
            new VenueQuote(KalshiId, new BookLevel(new Price(yesAsk), new Quantity(yesSize)), null),
            new VenueQuote(PolyId, null, new BookLevel(new Price(noAsk), new Quantity(noSize))),
            new Quantity(maxSize));

    protected static OrderIntentBuilder NewOrder(string clientOrderId, VenueId venue, MarketId market) => new(clientOrderId, venue, market);
}
