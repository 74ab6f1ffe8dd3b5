using System.Globalization;

namespace ActorExec.Examples.Arbitrage;

/// <summary>Documented defaults of <see cref="ArbitrageScannerOptions"/>.</summary>
public static class ArbitrageScannerDefaults
{
    /// <summary>1 second: the engine's 10 s cooldown makes faster scanning of one market pointless, and books move slower than that on most binary venues.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// $0.02 per contract before fees: a pair costing 98¢ or more is not worth a message, since the
    /// engine would refuse it once fees (up to ~1.75¢ per contract at Kalshi's taker rate) are taken.
    /// </summary>
    public const decimal MinEdge = 0.02m;

    /// <summary>10 contracts per leg: small enough that a leg left unmatched is cheap to close.</summary>
    public const decimal MaxSize = 10m;

    /// <summary><c>arb</c>: the start of every execution id the scanner sends.</summary>
    public const string ExecutionIdPrefix = "arb";

    /// <summary>The longest prefix accepted: it leaves room within <see cref="ExecutionId.MaxLength"/> for the start stamp and the sequence number.</summary>
    public const int MaxExecutionIdPrefixLength = 16;
}

/// <summary>What the <see cref="ArbitrageScanner"/> watches and when it thinks an opportunity is worth sending.</summary>
public sealed record ArbitrageScannerOptions
{
    /// <summary>The binary markets to watch, each listed under the same id on both venues.</summary>
    public required IReadOnlyList<MarketId> Markets { get; init; }

    /// <summary>Time between two scans; default <see cref="ArbitrageScannerDefaults.Interval"/>.</summary>
    public TimeSpan Interval { get; init; } = ArbitrageScannerDefaults.Interval;

    /// <summary>
    /// The scanner sends only when YES on one venue plus NO on the other costs less than 1 − this;
    /// default <see cref="ArbitrageScannerDefaults.MinEdge"/>. The engine still applies its own
    /// threshold after fees, so this only saves messages.
    /// </summary>
    public decimal MinEdge { get; init; } = ArbitrageScannerDefaults.MinEdge;

    /// <summary>Most contracts per leg asked for; the engine sizes down to the books and risk; default <see cref="ArbitrageScannerDefaults.MaxSize"/>.</summary>
    public decimal MaxSize { get; init; } = ArbitrageScannerDefaults.MaxSize;

    /// <summary>The start of every execution id; default <see cref="ArbitrageScannerDefaults.ExecutionIdPrefix"/>. Give two scanners on one engine different prefixes.</summary>
    public string ExecutionIdPrefix { get; init; } = ArbitrageScannerDefaults.ExecutionIdPrefix;

    /// <summary>Throws naming the first option out of range; the scanner calls it when it is created.</summary>
    /// <exception cref="ArgumentException">No market, a market twice, or a prefix an <see cref="ExecutionId"/> cannot carry.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The interval or size is not positive, or the edge is outside [0, 1).</exception>
    public ArbitrageScannerOptions Validate()
    {
        if (Markets is null || Markets.Count == 0)
            throw new ArgumentException("ArbitrageScannerOptions.Markets must name at least one market", nameof(Markets));
        if (Markets.Distinct().Count() != Markets.Count)
            throw new ArgumentException("ArbitrageScannerOptions.Markets lists a market twice", nameof(Markets));
        if (Interval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(Interval), Interval, $"ArbitrageScannerOptions.Interval must be positive, got {Interval}");
        if (MinEdge is < 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(MinEdge), MinEdge, $"ArbitrageScannerOptions.MinEdge must be within [0, 1), got {Text(MinEdge)}");
        if (MaxSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(MaxSize), MaxSize, $"ArbitrageScannerOptions.MaxSize must be positive, got {Text(MaxSize)}");
        if (string.IsNullOrEmpty(ExecutionIdPrefix) || ExecutionIdPrefix.Length > ArbitrageScannerDefaults.MaxExecutionIdPrefixLength)
            throw new ArgumentException($"ArbitrageScannerOptions.ExecutionIdPrefix must be 1 to {ArbitrageScannerDefaults.MaxExecutionIdPrefixLength} characters, got '{ExecutionIdPrefix}'", nameof(ExecutionIdPrefix));
        _ = new ExecutionId(ExecutionIdPrefix); // throws on a character an execution id cannot carry
        return this;
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
