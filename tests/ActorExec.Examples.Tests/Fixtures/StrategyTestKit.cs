using ActorExec.Venues.Paper;
using Xunit.Abstractions;

namespace ActorExec.Examples.Tests.Fixtures;

/// <summary>
/// An actor system on a virtual clock with a real SQLite journal, two paper venues whose liquidity
/// provider is off (tests set exact books) and a started engine. Time only moves when a test drives it.
/// </summary>
public abstract class StrategyTestKit : TestKit.TestKit, IAsyncLifetime
{

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
        // Loading the venues' markets pays their (virtual) latency, so the start is driven too.
        Engine = await Driver!.CompletionOfAsync(ExecutionEngine.StartAsync(Sys, Stores.Queries,
            [new VenueConnection(First, First), new VenueConnection(Second, Second)], EngineOptions), "the engine to start");
        await DriveUntilAsync(() => Engine.Venues.All.All(v => v.Status.IsReconciled), "both venues reconciled");
    }

    public virtual async Task DisposeAsync()
    {
        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        await Stores.DisposeAsync();
    }

    /// <summary>Drives the virtual clock until <paramref name="condition"/> holds (see <see cref="VirtualTimeDriver"/>).</summary>
    protected Task DriveUntilAsync(Func<bool> condition, string what, TimeSpan? step = null, TimeSpan? maxVirtual = null)
        => Driver!.UntilAsync(condition, what, step, maxVirtual);

    /// <summary>Drives the virtual clock until <paramref name="actor"/>'s answer to <paramref name="query"/> satisfies <paramref name="condition"/>.</summary>
    protected Task<T> DriveUntilAsync<T>(IActorRef actor, object query, Func<T, bool> condition, string what, TimeSpan? step = null, TimeSpan? maxVirtual = null)
        => Driver!.UntilAsync(() => actor.Ask<T>(query, Timeout.InfiniteTimeSpan), condition, what, step, maxVirtual);

    /// <summary>Our signed position in <paramref name="market"/> at <paramref name="venue"/> (zero when none is reported).</summary>
    protected static async Task<decimal> PositionAsync(PaperVenue venue, MarketId market)
    {
        var positions = await venue.GetPositionsAsync();
        return positions.Value.Where(p => p.Market == market).Sum(p => p.Contracts);
    }
}
