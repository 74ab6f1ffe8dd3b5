using System.Globalization;

namespace ActorExec.Examples.Hedging;

/// <summary>Documented defaults of <see cref="PerpSpotHedgerOptions"/>.</summary>
public static class PerpSpotHedgerDefaults
{
    /// <summary>30 seconds: drift comes from funding and price moves between the two books, which take minutes, not seconds, to matter.</summary>
    public static readonly TimeSpan DriftCheckInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// 2 seconds: the wait before sending again an entry or exit the engine refused or failed. The
    /// engine's own cooldown (10 s) and hedge breaker (30 s after 2 failures) decide when it will
    /// accept; retrying often only costs a refusal each time.
    /// </summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);

    /// <summary><c>hedge</c>: the start of every execution id the hedger sends.</summary>
    public const string ExecutionIdPrefix = "hedge";

    /// <summary>The longest prefix accepted: it leaves room within <see cref="ExecutionId.MaxLength"/> for the stamp, the kind and the sequence number.</summary>
    public const int MaxExecutionIdPrefixLength = 12;
}

/// <summary>Which hedge a <see cref="PerpSpotHedger"/> manages, how big, and how often it checks on it.</summary>
public sealed record PerpSpotHedgerOptions
{
    /// <summary>The perp and spot markets; its <see cref="HedgePair.Key"/> is the market the engine runs the hedge under, so give each hedge its own.</summary>
    public required HedgePair Pair { get; init; }

    /// <summary>The size of each leg on entry, in the instruments' units (e.g. 1.5 ETH).</summary>
    public required decimal Size { get; init; }

    /// <summary>Time between two drift checks while hedged; default <see cref="PerpSpotHedgerDefaults.DriftCheckInterval"/>.</summary>
    public TimeSpan DriftCheckInterval { get; init; } = PerpSpotHedgerDefaults.DriftCheckInterval;

    /// <summary>Wait before sending a refused or failed entry or exit again; default <see cref="PerpSpotHedgerDefaults.RetryInterval"/>.</summary>
    public TimeSpan RetryInterval { get; init; } = PerpSpotHedgerDefaults.RetryInterval;

    /// <summary>The start of every execution id; default <see cref="PerpSpotHedgerDefaults.ExecutionIdPrefix"/>.</summary>
    public string ExecutionIdPrefix { get; init; } = PerpSpotHedgerDefaults.ExecutionIdPrefix;

    /// <summary>Throws naming the first option out of range; <see cref="PerpSpotHedger.PropsFor"/> calls it.</summary>
    /// <exception cref="ArgumentException">No pair, or a prefix an <see cref="ExecutionId"/> cannot carry.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The size or an interval is not positive.</exception>
    public PerpSpotHedgerOptions Validate()
    {
        if (Pair is null)
            throw new ArgumentException("PerpSpotHedgerOptions.Pair must be set", nameof(Pair));
        if (Size <= 0)
            throw new ArgumentOutOfRangeException(nameof(Size), Size, $"PerpSpotHedgerOptions.Size must be positive, got {Size.ToString(CultureInfo.InvariantCulture)}");
        if (DriftCheckInterval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(DriftCheckInterval), DriftCheckInterval, $"PerpSpotHedgerOptions.DriftCheckInterval must be positive, got {DriftCheckInterval}");
        if (RetryInterval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(RetryInterval), RetryInterval, $"PerpSpotHedgerOptions.RetryInterval must be positive, got {RetryInterval}");
        if (string.IsNullOrEmpty(ExecutionIdPrefix) || ExecutionIdPrefix.Length > PerpSpotHedgerDefaults.MaxExecutionIdPrefixLength)
            throw new ArgumentException($"PerpSpotHedgerOptions.ExecutionIdPrefix must be 1 to {PerpSpotHedgerDefaults.MaxExecutionIdPrefixLength} characters, got '{ExecutionIdPrefix}'", nameof(ExecutionIdPrefix));
        _ = new ExecutionId(ExecutionIdPrefix); // throws on a character an execution id cannot carry
        return this;
    }
}
