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

    /// <summary>Drives the virtual clock until <paramref name="task"/> completes (see <see cref="VirtualTimeDriver"/>).</summary>
    protected Task<T> DriveAsync<T>(Task<T> task, TimeSpan? maxStep = null, TimeSpan? maxVirtual = null)
        => Driver!.CompletionOfAsync(task, maxStep: maxStep, maxVirtual: maxVirtual);

    /// <summary>Drives the virtual clock until <paramref name="condition"/> holds (see <see cref="VirtualTimeDriver"/>).</summary>
    protected Task DriveUntilAsync(Func<bool> condition, string what, TimeSpan? maxStep = null, TimeSpan? maxVirtual = null)
        => Driver!.UntilAsync(condition, what, maxStep, maxVirtual);

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
