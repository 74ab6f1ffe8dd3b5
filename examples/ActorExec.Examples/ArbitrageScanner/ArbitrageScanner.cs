namespace ActorExec.Examples.Arbitrage;

/// <summary>
/// A sample strategy to copy: every <see cref="ArbitrageScannerOptions.Interval"/> it reads each
/// watched market's book on two venues and, where YES on one venue plus NO on the other costs less
/// than 1 − <see cref="ArbitrageScannerOptions.MinEdge"/>, tells the engine's market region to
/// <see cref="ExecuteArbitrage"/>. It counts what the engine answers (<see cref="GetScannerStats"/>).
/// </summary>
/// <remarks>
/// <para>It never blocks: book reads run as tasks whose results are piped back as messages, so a
/// slow venue delays only the evaluation of the markets it was asked about, and a market whose last
/// read has not come back is skipped rather than read twice.</para>
/// <para>It keeps no in-flight table of its own. The market actor is the single writer that knows
/// whether an execution is running or cooling down, and it refuses a second one
/// (<c>ALREADY_IN_FLIGHT</c>, <c>COOLING_DOWN</c>) for the cost of one message; a copy of that state
/// here could only disagree with it.</para>
/// <para>It does not choose the direction or the size either: it passes both venues' best asks and
/// lets the engine re-check fees, liquidity, risk and breakers at the moment it executes, because the
/// books it read are already old when the command arrives.</para>
/// <para>All time comes from the actor system's <see cref="TimeProvider"/> (the scan timer and the
/// execution id stamp), so a test runs it on a virtual clock.</para>
/// </remarks>
/// <example>
/// <code>
/// var scanner = system.ActorOf(ArbitrageScanner.PropsFor(engine.Region, kalshi, polymarket,
///     new ArbitrageScannerOptions { Markets = [new MarketId("fed-cut-2026-03")] }), "arbitrage-scanner");
/// </code>
/// </example>
public sealed partial class ArbitrageScanner : ReceiveActor, IWithTimers
{
    private readonly IActorRef _region;
    private readonly IMarketData _first;
    private readonly IMarketData _second;
    private readonly ArbitrageScannerOptions _options;
    private readonly HashSet<MarketId> _reading = [];
    private readonly Dictionary<MarketId, long> _sentByMarket = [];
    private readonly Dictionary<string, long> _failuresByCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _refusalsByCode = new(StringComparer.Ordinal);
    private ExecutionIdSequence _ids = null!;
    private long _scans;
    private long _readFailures;
    private long _sent;
    private long _successes;
    private long _failures;
    private long _refusals;
    private decimal _profit;

    private ArbitrageScanner(IActorRef region, IMarketData first, IMarketData second, ArbitrageScannerOptions options)
    {
        _region = region;
        _first = first;
        _second = second;
        _options = options;

        Receive<Scan>(_ => OnScan());
        Receive<BooksRead>(OnBooksRead);
        Receive<BooksReadFailed>(OnBooksReadFailed);
        Receive<ExecutionResult>(OnExecutionResult);
        Receive<GetScannerStats>(_ => Sender.Tell(Stats(), Self));
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for a scanner; checks the arguments now, so a mistake throws here rather than inside the actor system.</summary>
    /// <param name="region">The engine's market region (<see cref="ExecutionEngine.Region"/>).</param>
    /// <param name="first">One venue's market data.</param>
    /// <param name="second">The other venue's market data.</param>
    /// <param name="options">Markets, interval, edge and size.</param>
    /// <exception cref="ArgumentException">Both market data sources are the same venue, or an option is invalid.</exception>
    public static Props PropsFor(IActorRef region, IMarketData first, IMarketData second, ArbitrageScannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(options);
        if (first.Venue == second.Venue)
            throw new ArgumentException($"both market data sources are venue '{first.Venue}'; a cross-venue arbitrage needs two venues", nameof(second));
        options.Validate();
        return Props.Create(() => new ArbitrageScanner(region, first, second, options));
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        _ids = new ExecutionIdSequence(_options.ExecutionIdPrefix, Context.System.TimeProvider.GetUtcNow());
        Timers.StartPeriodicTimer(nameof(Scan), Scan.Instance, _options.Interval);
    }

    private void OnScan()
    {
        _scans++;
        foreach (var market in _options.Markets)
        {
            if (!_reading.Add(market))
                continue;
            // Both reads run at once, off the actor; only their results come back in, as one message.
            var first = _first.GetBookAsync(market).AsTask();
            var second = _second.GetBookAsync(market).AsTask();
            _ = Task.WhenAll(first, second).PipeTo(Self,
                success: books => new BooksRead(market, books[0], books[1]),
                failure: cause => new BooksReadFailed(market, cause));
        }
    }

    private void OnBooksRead(BooksRead read)
    {
        _reading.Remove(read.Market);
        if (!read.First.TryGetValue(out var firstBook, out _) || !read.Second.TryGetValue(out var secondBook, out _))
        {
            _readFailures++;
            LogReadFailed(Context.Logger, read.Market.Value, (read.First.Error ?? read.Second.Error)!.ToString());
            return;
        }

        var first = QuoteOf(_first.Venue, firstBook);
        var second = QuoteOf(_second.Venue, secondBook);
        if (CheapestPair(first, second) is not { } cost || cost >= 1m - _options.MinEdge)
            return;

        var command = new ExecuteArbitrage(_ids.Next(), read.Market, first, second, new Quantity(_options.MaxSize));
        _region.Tell(command, Self);
        _sent++;
        _sentByMarket[read.Market] = _sentByMarket.GetValueOrDefault(read.Market) + 1;
        LogSent(Context.Logger, read.Market.Value, command.ExecutionId.Value, cost);
    }

    private void OnBooksReadFailed(BooksReadFailed failed)
    {
        _reading.Remove(failed.Market);
        _readFailures++;
        LogReadFailed(Context.Logger, failed.Market.Value, failed.Cause.Message);
    }

    private void OnExecutionResult(ExecutionResult result)
    {
        switch (ExecutionOutcomes.Classify(result))
        {
            case ExecutionOutcome.Succeeded:
                _successes++;
                _profit += result.Profit ?? 0m;
                LogSucceeded(Context.Logger, result.Market.Value, result.Id, result.TotalFilled / 2, result.Profit ?? 0m, result.Latency.TotalMilliseconds);
                break;
            case ExecutionOutcome.Refused:
                _refusals++;
                Count(_refusalsByCode, ExecutionOutcomes.CodeOf(result));
                LogRefused(Context.Logger, result.Market.Value, result.Id, result.Error?.ToString() ?? "refused");
                break;
            default:
                _failures++;
                Count(_failuresByCode, ExecutionOutcomes.CodeOf(result));
                LogFailed(Context.Logger, result.Market.Value, result.Id, result.ToString());
                break;
        }
    }

    /// <summary>The best asks the engine needs: YES and NO on one venue (a binary book lists both).</summary>
    private static VenueQuote QuoteOf(VenueId venue, MarketBook book) => new(venue, book.BestAsk(Outcome.Yes), book.BestAsk(Outcome.No));

    /// <summary>The cheaper of "YES here, NO there" and the reverse, before fees; null when neither pair is on offer.</summary>
    private static decimal? CheapestPair(VenueQuote first, VenueQuote second)
    {
        decimal? cheapest = null;
        foreach (var (yes, no) in new[] { (first.YesAsk, second.NoAsk), (second.YesAsk, first.NoAsk) })
        {
            if (yes is { } y && no is { } n)
                cheapest = Math.Min(cheapest ?? decimal.MaxValue, y.Price.Value + n.Price.Value);
        }
        return cheapest;
    }

    private static void Count(Dictionary<string, long> counts, string code) => counts[code] = counts.GetValueOrDefault(code) + 1;

    private ScannerStats Stats() => new(
        _scans, _readFailures, _sent, _successes, _failures, _refusals, _profit,
        new Dictionary<MarketId, long>(_sentByMarket),
        new Dictionary<string, long>(_failuresByCode, StringComparer.Ordinal),
        new Dictionary<string, long>(_refusalsByCode, StringComparer.Ordinal));

    [LoggerMessage(EventId = 9101, EventName = "arbitrage_sent", Level = LogLevel.Debug,
        Message = "Scanner: {market_id} pair costs {cost}; sent execution {execution_id}")]
    private static partial void LogSent(ILogger logger, string market_id, string execution_id, decimal cost);

    [LoggerMessage(EventId = 9102, EventName = "arbitrage_succeeded", Level = LogLevel.Information,
        Message = "Scanner: {market_id} execution {execution_id} filled {size} pairs, profit {profit} in {latency_ms} ms")]
    private static partial void LogSucceeded(ILogger logger, string market_id, string execution_id, decimal size, decimal profit, double latency_ms);

    [LoggerMessage(EventId = 9103, EventName = "arbitrage_refused", Level = LogLevel.Debug,
        Message = "Scanner: {market_id} execution {execution_id} refused: {error}")]
    private static partial void LogRefused(ILogger logger, string market_id, string execution_id, string error);

    [LoggerMessage(EventId = 9104, EventName = "arbitrage_failed", Level = LogLevel.Warning,
        Message = "Scanner: {market_id} execution {execution_id} failed: {result}")]
    private static partial void LogFailed(ILogger logger, string market_id, string execution_id, string result);

    [LoggerMessage(EventId = 9105, EventName = "book_read_failed", Level = LogLevel.Warning,
        Message = "Scanner: could not read the books of {market_id}: {error}; reading again next scan")]
    private static partial void LogReadFailed(ILogger logger, string market_id, string error);
}
