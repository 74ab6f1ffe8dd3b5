using System.Diagnostics;
using ActorExec.Venues.Paper;
using Xunit.Abstractions;

namespace ActorExec.Examples.Tests.Fixtures;

/// <summary>
/// An actor system on a virtual clock with a real SQLite journal, two paper venues whose liquidity
/// provider is off (tests set exact books) and a started engine. Time only moves when a test drives it.
/// </summary>
public abstract class StrategyTestKit : TestKit.TestKit, IAsyncLifetime
{
    private readonly int _idleBusyWorkers = BusyWorkers();

    protected StrategyTestKit(ITestOutputHelper output) : this(StrategyStores.Create(), output)
    {
    }

    private StrategyTestKit(StrategyStores stores, ITestOutputHelper output)
        : base(new TestKitOptions
        {
            UseVirtualTime = true,
            DefaultTimeout = TimeSpan.FromSeconds(20),
            SystemOptions = new ActorSystemOptions { Persistence = stores.Options },
        }, output)
    {
        Stores = stores;
    }

    protected StrategyStores Stores { get; }

    protected ManualTimeProvider Clock => VirtualClock!;

    protected PaperVenue First { get; private set; } = null!;

    protected PaperVenue Second { get; private set; } = null!;

    protected ExecutionEngine Engine { get; private set; } = null!;

    protected virtual EngineOptions EngineOptions => new();

    /// <summary>The first venue; the virtual clock is set by the kit.</summary>
    protected abstract PaperVenueOptions FirstVenueOptions();

    /// <summary>The second venue; the virtual clock is set by the kit.</summary>
    protected abstract PaperVenueOptions SecondVenueOptions();

    public virtual async Task InitializeAsync()
    {
        var noLiquidity = new PaperLiquidityOptions { Enabled = false };
        First = new PaperVenue(FirstVenueOptions() with { TimeProvider = Clock, Liquidity = noLiquidity });
        Second = new PaperVenue(SecondVenueOptions() with { TimeProvider = Clock, Liquidity = noLiquidity });
        Engine = await ExecutionEngine.StartAsync(Sys, Stores.Queries,
            [new VenueConnection(First, First), new VenueConnection(Second, Second)], EngineOptions);
        await DriveUntilAsync(() => Engine.Venues.All.All(v => v.Status.IsReconciled), "both venues reconciled");
    }

    public virtual async Task DisposeAsync()
    {
        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        await Stores.DisposeAsync();
    }

    /// <summary>
    /// Advances the virtual clock by <paramref name="step"/> at a time, letting the actors and the
    /// journal finish what each step released, until <paramref name="condition"/> holds.
    /// </summary>
    protected async Task DriveUntilAsync(Func<bool> condition, string what, TimeSpan? step = null, TimeSpan? maxVirtual = null)
    {
        var realLimit = Stopwatch.StartNew();
        var virtualStart = Clock.GetUtcNow();
        var limit = maxVirtual ?? TimeSpan.FromMinutes(10);
        while (!condition())
        {
            await Task.Delay(1);
            if (condition())
                break;
            if (Clock.GetUtcNow() - virtualStart > limit)
                throw new TimeoutException($"waited {limit} of virtual time for {what}");
            if (realLimit.Elapsed > TimeSpan.FromSeconds(30))
                throw new TimeoutException($"waited 30 s of real time for {what}");
            await QuiesceAsync();
            if (condition())
                break;
            Clock.Advance(step ?? TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>As <see cref="DriveUntilAsync(Func{bool}, string, TimeSpan?, TimeSpan?)"/>, polling an actor's answer to <paramref name="query"/>.</summary>
    protected async Task<T> DriveUntilAsync<T>(IActorRef actor, object query, Func<T, bool> condition, string what, TimeSpan? step = null, TimeSpan? maxVirtual = null)
    {
        var realLimit = Stopwatch.StartNew();
        var virtualStart = Clock.GetUtcNow();
        var limit = maxVirtual ?? TimeSpan.FromMinutes(10);
        while (true)
        {
            await QuiesceAsync();
            var answer = await actor.Ask<T>(query, Timeout.InfiniteTimeSpan).WaitAsync(TimeSpan.FromSeconds(10));
            if (condition(answer))
                return answer;
            if (Clock.GetUtcNow() - virtualStart > limit)
                throw new TimeoutException($"waited {limit} of virtual time for {what}; last answer: {answer}");
            if (realLimit.Elapsed > TimeSpan.FromSeconds(30))
                throw new TimeoutException($"waited 30 s of real time for {what}; last answer: {answer}");
            Clock.Advance(step ?? TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>
    /// Waits until the thread pool has been idle for a few consecutive checks (nothing queued, no more
    /// workers busy than when the fixture started, no work items completing besides this check's own),
    /// so virtual time only moves once the actors and the journal have worked through the last step.
    /// </summary>
    protected async Task QuiesceAsync()
    {
        var quiet = 0;
        var deadline = Stopwatch.StartNew();
        var completed = ThreadPool.CompletedWorkItemCount;
        while (quiet < 3 && deadline.Elapsed < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(1);
            var nowCompleted = ThreadPool.CompletedWorkItemCount;
            var idle = ThreadPool.PendingWorkItemCount == 0 && BusyWorkers() <= _idleBusyWorkers && nowCompleted - completed <= 2;
            completed = nowCompleted;
            quiet = idle ? quiet + 1 : 0;
        }
    }

    /// <summary>Our signed position in <paramref name="market"/> at <paramref name="venue"/> (zero when none is reported).</summary>
    protected static async Task<decimal> PositionAsync(PaperVenue venue, MarketId market)
    {
        var positions = await venue.GetPositionsAsync();
        return positions.Value.Where(p => p.Market == market).Sum(p => p.Contracts);
    }

    private static int BusyWorkers()
    {
        ThreadPool.GetMaxThreads(out var maxWorkers, out _);
        ThreadPool.GetAvailableThreads(out var available, out _);
        return maxWorkers - available;
    }
}
