using System.Globalization;

namespace ActorExec.Trading.Slippage;

/// <summary>Documented defaults of <see cref="SlippageLimits"/>.</summary>
public static class SlippageDefaults
{
    /// <summary>50 bps (0.5 %) worse than intended is the most an order may pay.</summary>
    public const decimal MaxSlippageBps = 50m;

    /// <summary>From 25 bps, half the maximum, the order goes out with a warning.</summary>
    public const decimal WarnSlippageBps = 25m;

    /// <summary>The visible size must at least cover the order (1×).</summary>
    public const decimal MinLiquidityMultiple = 1m;
}

/// <summary>Thresholds of <see cref="SlippageGuard"/>; both bps thresholds are inclusive.</summary>
public sealed record SlippageLimits
{
    /// <summary>The largest slippage accepted, in bps; exactly this much is accepted (with a warning), more is rejected.</summary>
    public decimal MaxSlippageBps { get; init; } = SlippageDefaults.MaxSlippageBps;

    /// <summary>The slippage, in bps, from which (inclusive) an accepted order carries a warning.</summary>
    public decimal WarnSlippageBps { get; init; } = SlippageDefaults.WarnSlippageBps;

    /// <summary>The visible size of the side must be at least this multiple of the order size.</summary>
    public decimal MinLiquidityMultiple { get; init; } = SlippageDefaults.MinLiquidityMultiple;

    /// <summary>Throws if a threshold is out of range; call once at start-up.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is negative, the warning is above the maximum, or the multiple is below 1.</exception>
    public SlippageLimits Validate()
    {
        if (MaxSlippageBps < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxSlippageBps), MaxSlippageBps,
                $"{nameof(SlippageLimits)}.{nameof(MaxSlippageBps)} must not be negative, got {Text(MaxSlippageBps)}");
        if (WarnSlippageBps < 0 || WarnSlippageBps > MaxSlippageBps)
            throw new ArgumentOutOfRangeException(nameof(WarnSlippageBps), WarnSlippageBps,
                $"{nameof(SlippageLimits)}.{nameof(WarnSlippageBps)} must be between 0 and {nameof(MaxSlippageBps)} ({Text(MaxSlippageBps)}), got {Text(WarnSlippageBps)}");
        // Below 1 the rule could never bind: the book has to hold the whole size anyway.
        if (MinLiquidityMultiple < 1)
            throw new ArgumentOutOfRangeException(nameof(MinLiquidityMultiple), MinLiquidityMultiple,
                $"{nameof(SlippageLimits)}.{nameof(MinLiquidityMultiple)} must be at least 1, got {Text(MinLiquidityMultiple)}");
        return this;
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
