using System.Collections.Frozen;
using ActorExec.Trading.Execution;

namespace ActorExec.Venues.Paper;

/// <summary>How a <see cref="PaperVenue"/> trades, quotes, settles and fails. Checked by <see cref="Validate"/> when the venue is built.</summary>
public sealed record PaperVenueOptions
{
    private static readonly FrozenSet<OrderType> AllOrderTypes = FrozenSet.Create(OrderType.Limit, OrderType.Market, OrderType.PostOnly);
    private static readonly FrozenSet<TimeInForce> AllTimesInForce = FrozenSet.Create(TimeInForce.Gtc, TimeInForce.Gtd, TimeInForce.Ioc, TimeInForce.Fok, TimeInForce.Fak);

    /// <summary>The venue's id; order ids are <c>{venue}-o{n}</c> and fill ids <c>{venue}-f{n}</c>.</summary>
    public required VenueId Venue { get; init; }

    /// <summary>True for a Polymarket-like venue (Filled → Mined → Confirmed), false to confirm at the match; default false.</summary>
    public bool SettlesOnChain { get; init; }

    /// <summary>Rules of markets that set none; default <see cref="InstrumentRules.BinaryCents"/>.</summary>
    public InstrumentRules DefaultRules { get; init; } = InstrumentRules.BinaryCents;

    /// <summary>Fee charged on fills of our incoming orders; default <see cref="FeeSchedule.Free"/>.</summary>
    public FeeSchedule TakerFees { get; init; } = FeeSchedule.Free;

    /// <summary>Fee charged on fills of our resting orders; default <see cref="FeeSchedule.Free"/>.</summary>
    public FeeSchedule MakerFees { get; init; } = FeeSchedule.Free;

    /// <summary>The markets listed (ids unique); default none.</summary>
    public IReadOnlyList<PaperMarket> Markets { get; init; } = [];

    /// <summary>Seed of every random choice (price walks, level sizes, faults, settlement failures, latency jitter); default 0.</summary>
    public int Seed { get; init; }

    /// <summary>The clock of expiries, requotes, settlement, outages and latency; default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The simulated liquidity provider.</summary>
    public PaperLiquidityOptions Liquidity { get; init; } = new();

    /// <summary>The on-chain settlement timeline (used only when <see cref="SettlesOnChain"/>).</summary>
    public PaperSettlementOptions Settlement { get; init; } = new();

    /// <summary>Call latency; default zero (every call completes synchronously).</summary>
    public PaperLatencyOptions Latency { get; init; } = new();

    /// <summary>Random faults; default none.</summary>
    public PaperFaultOptions Faults { get; init; } = new();

    /// <summary>True when resting orders can be amended; default true.</summary>
    public bool SupportsModify { get; init; } = true;

    /// <summary>Order types accepted; default all (limit, market, post-only).</summary>
    public IReadOnlySet<OrderType> OrderTypes { get; init; } = AllOrderTypes;

    /// <summary>Times in force accepted; default all (GTC, GTD, IOC, FOK, FAK).</summary>
    public IReadOnlySet<TimeInForce> TimesInForce { get; init; } = AllTimesInForce;

    /// <summary>
    /// A Kalshi-like venue: settles on match, Kalshi taker and maker fees, limit, market and post-only
    /// orders with GTC, GTD, IOC or FOK.
    /// </summary>
    public static PaperVenueOptions KalshiLike(VenueId venue, IEnumerable<PaperMarket> markets, int seed) => new()
    {
        Venue = venue,
        SettlesOnChain = false,
        TakerFees = FeeSchedule.KalshiTaker,
        MakerFees = FeeSchedule.KalshiMaker,
        Markets = [.. markets ?? throw new ArgumentNullException(nameof(markets))],
        Seed = seed,
        TimesInForce = FrozenSet.Create(TimeInForce.Gtc, TimeInForce.Gtd, TimeInForce.Ioc, TimeInForce.Fok),
    };

    /// <summary>
    /// A Polymarket-like venue: settles on chain (Filled → Mined → Confirmed), no fees, limit, market
    /// and post-only orders with GTC, GTD, FOK, FAK or IOC.
    /// </summary>
    public static PaperVenueOptions PolymarketLike(VenueId venue, IEnumerable<PaperMarket> markets, int seed) => new()
    {
        Venue = venue,
        SettlesOnChain = true,
        Markets = [.. markets ?? throw new ArgumentNullException(nameof(markets))],
        Seed = seed,
    };

    /// <summary>Checks every option, nested ones included.</summary>
    /// <exception cref="ArgumentException">An option is missing or inconsistent (the message names it and its value); <see cref="ArgumentOutOfRangeException"/> for a value out of range.</exception>
    public void Validate()
    {
        if (Venue.Value is null)
            throw new ArgumentException("PaperVenueOptions.Venue must be set", nameof(Venue));
        Require(DefaultRules, nameof(DefaultRules));
        Require(TakerFees, nameof(TakerFees));
        Require(MakerFees, nameof(MakerFees));
        Require(TimeProvider, nameof(TimeProvider));
        Require(Liquidity, nameof(Liquidity)).Validate();
        Require(Settlement, nameof(Settlement)).Validate();
        Require(Latency, nameof(Latency)).Validate();
        Require(Faults, nameof(Faults)).Validate();
        if (Require(OrderTypes, nameof(OrderTypes)).Count == 0)
            throw new ArgumentException("PaperVenueOptions.OrderTypes must name at least one order type", nameof(OrderTypes));
        if (Require(TimesInForce, nameof(TimesInForce)).Count == 0)
            throw new ArgumentException("PaperVenueOptions.TimesInForce must name at least one time in force", nameof(TimesInForce));

        var seen = new HashSet<MarketId>();
        foreach (var market in Require(Markets, nameof(Markets)))
        {
            if (market is null)
                throw new ArgumentException("PaperVenueOptions.Markets must not contain null", nameof(Markets));
            market.Validate(DefaultRules);
            if (!seen.Add(market.Market))
                throw new ArgumentException($"PaperVenueOptions.Markets lists market '{market.Market}' twice", nameof(Markets));
        }
    }

    private static T Require<T>(T? value, string name) where T : class
        => value ?? throw new ArgumentException($"PaperVenueOptions.{name} must not be null", name);
}
