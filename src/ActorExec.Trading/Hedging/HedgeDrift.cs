namespace ActorExec.Trading.Hedging;

/// <summary>
/// How far the two legs of a hedge have drifted apart, and the perp order that would re-balance them.
/// Drift in basis points = |spot notional − perp notional| / max(spot notional, perp notional) × 10,000.
/// </summary>
/// <remarks>
/// The denominator is the larger notional so that drift is symmetric (a short 10% too big and one
/// 10% too small read the same), bounded by 10,000 bps (one leg gone entirely), and defined whenever
/// either leg exists. Both legs empty is zero drift: there is nothing to hedge.
/// </remarks>
/// <param name="SpotNotional">Spot size × spot price.</param>
/// <param name="PerpNotional">Perp short size × perp price.</param>
/// <param name="DriftBps">The drift in basis points, unrounded, in [0, 10,000].</param>
/// <param name="Status">Whether a correction is proposed, and why not when it is not.</param>
/// <param name="Correction">The correcting order; present only when <paramref name="Status"/> is <see cref="HedgeDriftStatus.CorrectionNeeded"/>.</param>
public sealed record HedgeDrift(decimal SpotNotional, decimal PerpNotional, decimal DriftBps, HedgeDriftStatus Status, HedgeCorrection? Correction)
{
    /// <summary>The largest possible drift: one leg is empty.</summary>
    public const decimal MaxBps = 10_000m;

    /// <summary>The drift in basis points between the legs of <paramref name="position"/>.</summary>
    public static decimal Bps(HedgePosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        var spot = position.SpotNotional;
        var perp = position.PerpNotional;
        var larger = Math.Max(spot, perp);
        return larger == 0 ? 0m : Math.Abs(spot - perp) / larger * MaxBps;
    }

    /// <summary>
    /// Measures the drift and, when it exceeds the threshold, proposes the perp order that makes the
    /// perp notional match the spot notional, rounded down so that it never over-corrects.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static HedgeDrift Measure(HedgePosition position, HedgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var spot = position.SpotNotional;
        var perp = position.PerpNotional;
        var bps = Bps(position);
        if (bps <= options.CorrectionThresholdBps)
            return new HedgeDrift(spot, perp, bps, HedgeDriftStatus.WithinThreshold, null);

        var rules = position.PerpRules;
        var targetShort = spot / position.PerpPrice.Value;
        var delta = targetShort - position.PerpShort.Value;
        var size = rules.RoundDownToIncrement(Math.Abs(delta));
        // A capped correction leaves drift that the next measurement picks up.
        if (rules.MaxQuantity is { } max)
            size = Math.Min(size, max);

        if (size == 0)
            return new HedgeDrift(spot, perp, bps, HedgeDriftStatus.CorrectionRoundsToZero, null);
        if (size < rules.MinQuantity)
            return new HedgeDrift(spot, perp, bps, HedgeDriftStatus.CorrectionBelowMinimumSize, null);

        var side = delta > 0 ? Side.Sell : Side.Buy;
        var correction = new HedgeCorrection(position.PerpVenue, position.PerpMarket, side, rules.Quantity(size, "hedgeCorrection"), targetShort);
        return new HedgeDrift(spot, perp, bps, HedgeDriftStatus.CorrectionNeeded, correction);
    }

    /// <summary>True when the drift exceeds the threshold, whether or not a correcting order could be sized.</summary>
    public bool ExceedsThreshold => Status != HedgeDriftStatus.WithinThreshold;
}
