namespace ActorExec.Examples.Hedging;

/// <summary>
/// A sample strategy to copy: manages one perp/spot <see cref="HedgePair"/>. On
/// <see cref="StartHedging"/> it tells the engine to <see cref="EnterHedge"/>; while hedged it sends
/// <see cref="CorrectHedgeDrift"/> every <see cref="PerpSpotHedgerOptions.DriftCheckInterval"/>; on
/// <see cref="StopHedging"/> it sends <see cref="ExitHedge"/> until the venues report flat. Its state
/// comes only from the engine's <see cref="ExecutionResult"/>s (<see cref="GetHedgerStatus"/>).
/// </summary>
/// <remarks>
/// <para>It sends one command at a time and ignores answers to any other id, so a late answer can
/// never move it to a phase it has left. A stop that arrives while an entry or drift check is out
/// waits for that answer, then exits, so the exit is sized from a settled hedge.</para>
/// <para>It does not track sizes or prices: the engine's market actor for <see cref="HedgePair.Key"/>
/// records what each leg filled, measures drift on the live books and sizes the exit from its own
/// records, then checks the venues' positions. The hedger only decides <i>when</i>.</para>
/// <para>An entry the engine refuses (cooling down, breaker open, slippage) reached no venue, so it
/// is sent again after <see cref="PerpSpotHedgerOptions.RetryInterval"/>. An entry that failed after
/// its orders went out is never sent again, since that could double the position: the hedger counts
/// as hedged, so drift checks re-balance what filled and a stop unwinds it. An exit is sent again
/// until it succeeds; the engine paces those retries with its hedge breaker (an exit never waits
/// out the market's cooldown, since it reduces risk).</para>
/// <para>An exit answered <c>NO_HEDGE</c> counts as flat: the engine claims the market first, so while
/// an entry is still running the answer is <c>ALREADY_IN_FLIGHT</c> (retried), never <c>NO_HEDGE</c>.</para>
/// </remarks>
/// <example>
/// <code>
/// var pair = new HedgePair(new MarketId("hedge:eth"), binance, new MarketId("ETH-PERP"), coinbase, new MarketId("ETH-USD"));
/// var hedger = system.ActorOf(PerpSpotHedger.PropsFor(engine.Region, new PerpSpotHedgerOptions { Pair = pair, Size = 1.5m }), "eth-hedger");
/// hedger.Tell(StartHedging.Instance);
/// </code>
/// </example>
public sealed partial class PerpSpotHedger : ReceiveActor, IWithTimers
{
    private const string RetryTimer = "retry";

    private readonly IActorRef _region;
    private readonly PerpSpotHedgerOptions _options;
    private ExecutionIdSequence _ids = null!;
    private HedgePhase _phase = HedgePhase.Idle;
    private ExecutionId? _pending;
    private bool _stopRequested;
    private int _entries;
    private int _exits;
    private int _driftChecks;
    private int _corrections;
    private int _refusals;
    private int _failures;
    private ExecutionError? _lastError;

    private PerpSpotHedger(IActorRef region, PerpSpotHedgerOptions options)
    {
        _region = region;
        _options = options;

        Receive<StartHedging>(_ => OnStart());
        Receive<StopHedging>(_ => OnStop());
        Receive<CheckDrift>(_ => OnCheckDrift());
        Receive<RetryHedge>(_ => OnRetry());
        Receive<ExecutionResult>(result => result.Id == _pending?.Value, OnResult);
        Receive<ExecutionResult>(_ => { }); // an answer to a command we no longer wait for
        Receive<GetHedgerStatus>(_ => Sender.Tell(Status(), Self));
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    private HedgePair Pair => _options.Pair;

    /// <summary>Props for a hedger; checks the options now, so a mistake throws here rather than inside the actor system.</summary>
    /// <param name="region">The engine's market region (<see cref="ExecutionEngine.Region"/>).</param>
    /// <param name="options">The pair, the size and the intervals.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public static Props PropsFor(IActorRef region, PerpSpotHedgerOptions options)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Props.Create(() => new PerpSpotHedger(region, options));
    }

    /// <inheritdoc />
    protected override void PreStart()
        => _ids = new ExecutionIdSequence(_options.ExecutionIdPrefix, Context.System.TimeProvider.GetUtcNow());

    private void OnStart()
    {
        if (_phase is not (HedgePhase.Idle or HedgePhase.Exited))
            return;
        _stopRequested = false;
        _phase = HedgePhase.Entering;
        SendEntry();
    }

    private void OnStop()
    {
        switch (_phase)
        {
            case HedgePhase.Entering or HedgePhase.Hedged when _pending is not null:
                _stopRequested = true; // exit once the answer in flight is in
                break;
            case HedgePhase.Entering:
                // Waiting to retry an entry that was refused: nothing is held, so there is nothing to exit.
                BecomeIdle();
                break;
            case HedgePhase.Hedged:
                BeginExit();
                break;
        }
    }

    private void OnCheckDrift()
    {
        if (_phase != HedgePhase.Hedged || _pending is not null || _stopRequested)
            return;
        var id = _ids.Next("drift");
        Send(id, new CorrectHedgeDrift(id, Pair));
    }

    private void OnRetry()
    {
        if (_pending is not null)
            return;
        if (_phase == HedgePhase.Entering)
            SendEntry();
        else if (_phase == HedgePhase.Exiting)
            SendExit();
    }

    private void OnResult(ExecutionResult result)
    {
        _pending = null;
        var outcome = ExecutionOutcomes.Classify(result);
        if (outcome == ExecutionOutcome.Refused)
        {
            _refusals++;
            _lastError = result.Error;
        }
        else if (outcome == ExecutionOutcome.Failed)
        {
            _failures++;
            _lastError = result.Error;
            LogFailed(Context.Logger, Pair.Key.Value, result.ToString());
        }

        switch (result.Kind)
        {
            case ExecutionKind.HedgeEntry:
                OnEntryResult(result, outcome);
                break;
            case ExecutionKind.HedgeCorrection:
                OnDriftResult(result, outcome);
                break;
            case ExecutionKind.HedgeExit:
                OnExitResult(result, outcome);
                break;
        }
    }

    private void OnEntryResult(ExecutionResult result, ExecutionOutcome outcome)
    {
        switch (outcome)
        {
            case ExecutionOutcome.Succeeded:
                _entries++;
                BecomeHedged(result);
                break;
            case ExecutionOutcome.Failed:
                // Orders went out and may have filled: entering again could double the position, so
                // treat whatever the engine recorded as the hedge; drift checks re-balance it, a stop unwinds it.
                BecomeHedged(result);
                break;
            default:
                // Refused: nothing reached a venue. Give up if asked to stop, else try again later.
                if (_stopRequested)
                    BecomeIdle();
                else
                    Timers.StartSingleTimer(RetryTimer, RetryHedge.Instance, _options.RetryInterval);
                break;
        }
    }

    private void BecomeHedged(ExecutionResult result)
    {
        _phase = HedgePhase.Hedged;
        LogPhase(Context.Logger, Pair.Key.Value, _phase, result.Id);
        Timers.StartPeriodicTimer(nameof(CheckDrift), CheckDrift.Instance, _options.DriftCheckInterval);
        if (_stopRequested)
            BeginExit();
    }

    private void BecomeIdle()
    {
        Timers.Cancel(RetryTimer);
        _phase = HedgePhase.Idle;
        _stopRequested = false;
    }

    private void OnDriftResult(ExecutionResult result, ExecutionOutcome outcome)
    {
        if (outcome == ExecutionOutcome.Succeeded)
        {
            _driftChecks++;
            if (result.Legs.Count > 0)
                _corrections++;
        }
        if (_stopRequested)
            BeginExit();
    }

    private void OnExitResult(ExecutionResult result, ExecutionOutcome outcome)
    {
        // NO_HEDGE: the engine holds nothing under the key (a failed entry that filled nothing after all).
        var nothingHeld = result.Error?.Code == ReasonCodes.Of(ExecutionErrorCode.NoHedge);
        if (outcome == ExecutionOutcome.Succeeded || nothingHeld)
        {
            if (outcome == ExecutionOutcome.Succeeded)
                _exits++;
            _phase = HedgePhase.Exited;
            _stopRequested = false;
            LogPhase(Context.Logger, Pair.Key.Value, _phase, result.Id);
            return;
        }
        Timers.StartSingleTimer(RetryTimer, RetryHedge.Instance, _options.RetryInterval);
    }

    private void BeginExit()
    {
        _phase = HedgePhase.Exiting;
        Timers.Cancel(nameof(CheckDrift));
        SendExit();
    }

    private void SendEntry()
    {
        var id = _ids.Next("enter");
        Send(id, new EnterHedge(id, Pair, new Quantity(_options.Size)));
    }

    private void SendExit()
    {
        var id = _ids.Next("exit");
        Send(id, new ExitHedge(id, Pair));
    }

    private void Send(ExecutionId id, IMarketCommand command)
    {
        _pending = id;
        _region.Tell(command, Self);
    }

    private HedgerStatus Status()
        => new(Pair, _phase, _entries, _exits, _driftChecks, _corrections, _refusals, _failures, _lastError);

    [LoggerMessage(EventId = 9201, EventName = "hedger_phase", Level = LogLevel.Information,
        Message = "Hedger {hedge_key}: {phase} after execution {execution_id}")]
    private static partial void LogPhase(ILogger logger, string hedge_key, HedgePhase phase, string execution_id);

    [LoggerMessage(EventId = 9202, EventName = "hedger_execution_failed", Level = LogLevel.Warning,
        Message = "Hedger {hedge_key}: {result}")]
    private static partial void LogFailed(ILogger logger, string hedge_key, string result);
}
