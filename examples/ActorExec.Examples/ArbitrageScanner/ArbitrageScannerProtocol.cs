namespace ActorExec.Examples.Arbitrage;

/// <summary>Read both venues' books for every watched market now; the scanner's timer sends it, and a test or operator may too.</summary>
public sealed record Scan
{
    /// <summary>The one instance.</summary>
    public static readonly Scan Instance = new();
}

/// <summary>Asks the scanner for its counters; it answers <see cref="ScannerStats"/>.</summary>
public sealed record GetScannerStats
{
    /// <summary>The one instance.</summary>
    public static readonly GetScannerStats Instance = new();
}

/// <summary>What the scanner has seen and what the engine made of it, since it started.</summary>
/// <param name="Scans">Scan ticks handled.</param>
/// <param name="BookReadFailures">Book reads that failed (venue error or exception); the market is read again next tick.</param>
/// <param name="Sent">Arbitrage commands sent to the engine.</param>
/// <param name="Successes">Executions that filled both legs the same size.</param>
/// <param name="Failures">Executions that placed orders and did not end as asked (see <see cref="ExecutionOutcome.Failed"/>).</param>
/// <param name="Refusals">Commands the engine declined before placing anything (see <see cref="ExecutionOutcome.Refused"/>).</param>
/// <param name="Profit">Sum of the profit the engine reported for successful executions, net of fees.</param>
/// <param name="SentByMarket">Commands sent, per market.</param>
/// <param name="FailuresByCode">Failures per error code.</param>
/// <param name="RefusalsByCode">Refusals per error code (e.g. <c>COOLING_DOWN</c>, <c>PROFIT_BELOW_THRESHOLD</c>).</param>
public sealed record ScannerStats(
    long Scans,
    long BookReadFailures,
    long Sent,
    long Successes,
    long Failures,
    long Refusals,
    decimal Profit,
    IReadOnlyDictionary<MarketId, long> SentByMarket,
    IReadOnlyDictionary<string, long> FailuresByCode,
    IReadOnlyDictionary<string, long> RefusalsByCode);

/// <summary>Both venues' books of one market, piped back into the scanner from its asynchronous reads.</summary>
internal sealed record BooksRead(MarketId Market, VenueResult<MarketBook> First, VenueResult<MarketBook> Second);

/// <summary>A book read of one market threw instead of returning a venue error.</summary>
internal sealed record BooksReadFailed(MarketId Market, Exception Cause);
