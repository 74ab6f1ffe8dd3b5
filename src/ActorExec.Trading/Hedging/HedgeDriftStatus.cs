namespace ActorExec.Trading.Hedging;

/// <summary>What a drift measurement concluded.</summary>
public enum HedgeDriftStatus
{
    /// <summary>Drift is at or below the threshold: nothing to do.</summary>
    WithinThreshold,

    /// <summary>Drift exceeds the threshold and a correcting perp order is proposed.</summary>
    CorrectionNeeded,

    /// <summary>Drift exceeds the threshold but the correction rounds down to zero size increments.</summary>
    CorrectionRoundsToZero,

    /// <summary>Drift exceeds the threshold but the rounded correction is below the perp's minimum order size.</summary>
    CorrectionBelowMinimumSize,
}

/// <summary>Stable codes of <see cref="HedgeDriftStatus"/> for logs and events.</summary>
public static class HedgeDriftStatusExtensions
{
    /// <summary>The SCREAMING_SNAKE code of the status, stable across renames.</summary>
    public static string Code(this HedgeDriftStatus status) => status switch
    {
        HedgeDriftStatus.WithinThreshold => "HEDGE_WITHIN_THRESHOLD",
        HedgeDriftStatus.CorrectionNeeded => "HEDGE_CORRECTION_NEEDED",
        HedgeDriftStatus.CorrectionRoundsToZero => "HEDGE_CORRECTION_ROUNDS_TO_ZERO",
        HedgeDriftStatus.CorrectionBelowMinimumSize => "HEDGE_CORRECTION_BELOW_MIN_SIZE",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, $"unknown HedgeDriftStatus {status}"),
    };
}
