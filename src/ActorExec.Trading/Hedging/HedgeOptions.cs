using System.Globalization;

namespace ActorExec.Trading.Hedging;

/// <summary>Defaults of <see cref="HedgeOptions"/>, in one place.</summary>
public static class HedgeDefaults
{
    /// <summary>
    /// Drift above 50 bps (0.5% of the larger leg) is corrected: below it, the fees and spread of a
    /// correcting order cost more than the exposure it removes.
    /// </summary>
    public const decimal CorrectionThresholdBps = 50m;
}

/// <summary>When a perp/spot hedge is re-balanced.</summary>
public sealed record HedgeOptions
{
    /// <summary>The drift, in basis points, that must be exceeded before a correction is proposed; drift exactly at it is tolerated. In [0, 10,000).</summary>
    public decimal CorrectionThresholdBps { get; init; } = HedgeDefaults.CorrectionThresholdBps;

    /// <summary>Throws when an option is out of range; the message names the option and its value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        // Drift is at most 10,000 bps, so a threshold there would never correct: most likely a percentage typed as bps.
        if (CorrectionThresholdBps is < 0 or >= HedgeDrift.MaxBps)
            throw new ArgumentOutOfRangeException(nameof(CorrectionThresholdBps), CorrectionThresholdBps,
                $"HedgeOptions.CorrectionThresholdBps must be in [0, 10000), got {CorrectionThresholdBps.ToString(CultureInfo.InvariantCulture)}");
    }
}
