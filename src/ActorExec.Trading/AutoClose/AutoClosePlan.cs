namespace ActorExec.Trading.AutoClose;

/// <summary>
/// How to sell the unhedged excess of a binary arbitrage: a price walk that starts at the
/// over-filled leg's fill price and steps down once per retry until it reaches the floor, where it
/// stays. Attempts are numbered from 0 (the first order); built by <see cref="AutoClosePlanner"/>.
/// </summary>
public sealed record AutoClosePlan
{
    internal AutoClosePlan(
        MarketId market, VenueId venue, Outcome outcome, Quantity excess, Price startPrice,
        InstrumentRules rules, bool settlesOnChain, AutoCloseOptions options)
    {
        Market = market;
        Venue = venue;
        Outcome = outcome;
        Excess = excess;
        Quantity = new Quantity(rules.RoundDownToIncrement(excess.Value));
        StartPrice = startPrice;
        Rules = rules;
        SettlesOnChain = settlesOnChain;
        PriceStep = options.PriceStep;
        RetryInterval = options.RetryInterval;
        SettlementWait = options.SettlementWait;

        // The configured floor may be off this venue's grid or below its minimum: the effective
        // floor is the lowest price the venue accepts that is not below the configured one.
        var floor = Math.Max(RoundUpToTick(options.FloorPrice, rules.TickSize), rules.MinPrice);
        FloorPrice = new Price(Math.Min(floor, rules.MaxPrice), "floorPrice");
        MaxAttempts = FirstAttemptAtFloor() + 1;
    }

    /// <summary>The market of the arbitrage.</summary>
    public MarketId Market { get; }

    /// <summary>The venue of the over-filled leg, where the excess is sold.</summary>
    public VenueId Venue { get; }

    /// <summary>The outcome the over-filled leg bought, which the plan sells.</summary>
    public Outcome Outcome { get; }

    /// <summary>Always <see cref="Side.Sell"/>: the excess is closed by selling what was over-bought.</summary>
    public Side Side => Side.Sell;

    /// <summary>|YES filled − NO filled|, exactly.</summary>
    public Quantity Excess { get; }

    /// <summary>The contracts to sell: the excess rounded down to the venue's size increment.</summary>
    public Quantity Quantity { get; }

    /// <summary>Excess that cannot be sold on this venue because it is below its size increment.</summary>
    public Quantity Remainder => Excess - Quantity;

    /// <summary>True when <see cref="Quantity"/> is a size the venue accepts in one order (within its minimum and maximum).</summary>
    public bool IsSellable => Rules.IsValidQuantity(Quantity.Value);

    /// <summary>The over-filled leg's average fill price, where the walk starts.</summary>
    public Price StartPrice { get; }

    /// <summary>The venue's rules, to which every price of the walk is rounded.</summary>
    public InstrumentRules Rules { get; }

    /// <summary>True when the first attempt waits for on-chain settlement.</summary>
    public bool SettlesOnChain { get; }

    /// <summary>Price reduction per retry.</summary>
    public decimal PriceStep { get; }

    /// <summary>The lowest price of the walk, on the venue's grid.</summary>
    public Price FloorPrice { get; }

    /// <summary>Delay before every attempt after the first.</summary>
    public TimeSpan RetryInterval { get; }

    /// <summary>The configured settlement wait; applied only when <see cref="SettlesOnChain"/>.</summary>
    public TimeSpan SettlementWait { get; }

    /// <summary>Attempts until the walk reaches the floor, that one included; later attempts repeat the floor price.</summary>
    public int MaxAttempts { get; }

    /// <summary>
    /// The ask of attempt <paramref name="attempt"/>: start − attempt × step, rounded down to the
    /// venue's tick (a sell that rounds down only gets more likely to fill), clamped between the floor and the venue's maximum.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attempt"/> is negative.</exception>
    public Price PriceFor(int attempt)
    {
        CheckAttempt(attempt);
        if (attempt >= MaxAttempts - 1)
            return FloorPrice;
        var stepped = Rules.RoundDownToTick(StartPrice.Value - attempt * PriceStep);
        var clamped = Math.Min(Math.Max(stepped, FloorPrice.Value), Rules.MaxPrice);
        return Rules.Price(clamped, "autoClosePrice");
    }

    /// <summary>True when attempt <paramref name="attempt"/> asks the floor price, so retrying cannot lower the ask further.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attempt"/> is negative.</exception>
    public bool HasReachedFloor(int attempt)
    {
        CheckAttempt(attempt);
        return attempt >= MaxAttempts - 1;
    }

    /// <summary>
    /// How long to wait before attempt <paramref name="attempt"/>: the settlement wait (or nothing
    /// off chain) before the first, the retry interval before every other.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attempt"/> is negative.</exception>
    public TimeSpan DelayBefore(int attempt)
    {
        CheckAttempt(attempt);
        if (attempt > 0)
            return RetryInterval;
        return SettlesOnChain ? SettlementWait : TimeSpan.Zero;
    }

    // RoundDownToTick(x) <= floor exactly when x < floor + tick (the floor is on the grid), so the
    // first attempt at the floor is the first k with start − k·step < floor + tick.
    private int FirstAttemptAtFloor()
    {
        var distance = StartPrice.Value - FloorPrice.Value - Rules.TickSize;
        if (distance < 0)
            return 0;
        var steps = Math.Floor(distance / PriceStep) + 1;
        return steps >= int.MaxValue ? int.MaxValue - 1 : (int)steps;
    }

    private static decimal RoundUpToTick(decimal value, decimal tick) => Math.Ceiling(value / tick) * tick;

    private static void CheckAttempt(int attempt)
    {
        if (attempt < 0)
            throw new ArgumentOutOfRangeException(nameof(attempt), attempt, $"attempt must not be negative, got {attempt}");
    }
}
