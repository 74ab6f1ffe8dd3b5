namespace ActorExec.Trading.Execution;

/// <summary>Why an execution gave its market back; decides whether the market cools down first.</summary>
public enum ReleaseReason
{
    /// <summary>The opportunity vanished before anything was sent; the next quote may be good, so release at once.</summary>
    ProfitBelowThreshold,

    /// <summary>A circuit breaker refused the venue; the breaker itself paces retries, so release at once.</summary>
    BreakerOpen,

    /// <summary>The execution failed; release at once so recovery (auto-close) can claim the market.</summary>
    ExecutionFailed,

    /// <summary>A dry run "traded" the quote; cool down so the same quote is not reported again and again.</summary>
    DryRun,

    /// <summary>The book was too thin; cool down until it has had time to refill.</summary>
    InsufficientLiquidity,

    /// <summary>Both legs executed; cool down so the quotes we just consumed are not traded again.</summary>
    Success,
}

/// <summary>Facts about <see cref="ReleaseReason"/>.</summary>
public static class ReleaseReasonExtensions
{
    /// <summary>True when releasing for this reason puts the market into a cooldown instead of making it idle.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined reason.</exception>
    public static bool StartsCooldown(this ReleaseReason reason) => reason switch
    {
        ReleaseReason.ProfitBelowThreshold or ReleaseReason.BreakerOpen or ReleaseReason.ExecutionFailed => false,
        ReleaseReason.DryRun or ReleaseReason.InsufficientLiquidity or ReleaseReason.Success => true,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, $"{nameof(ReleaseReason)} {(int)reason} is not a defined release reason"),
    };
}
