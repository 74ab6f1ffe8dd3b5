using ActorExec.Engine.Markets;
using ActorExec.Trading.AutoClose;
using ActorExec.Trading.Orders;

namespace ActorExec.Engine.AutoClose;

/// <summary>
/// Sells one arbitrage's unhedged excess with a price walk: an IOC sell at the fill price, then one
/// tick lower per retry until the floor. Each attempt's client order id is fixed
/// (<c>{execution}.ac{round}.{attempt}</c>), so a restarted walk re-reads what earlier attempts did
/// instead of selling twice.
/// </summary>
internal sealed partial class AutoCloseWalk : ReceiveActor, IWithTimers
{
    private readonly RunAutoClose _run;
    private readonly EngineServices _services;
    private readonly AutoClosePlan? _plan;
    private int _attempt;
    private decimal _sold;
    private decimal _proceeds;

    public AutoCloseWalk(RunAutoClose run, EngineServices services)
    {
        _run = run;
        _services = services;
        _plan = services.AutoClosePlanner.Plan(run.Market, run.YesLeg, run.NoLeg);
        Receive<Attempt>(_ => SendAttempt());
        Receive<ExecutionResult>(OnResult);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        if (_plan is null)
        {
            Finish(AutoCloseOutcome.Closed);
            return;
        }
        if (!_plan.IsSellable)
        {
            Finish(AutoCloseOutcome.Unsellable);
            return;
        }
        // Tokens bought on a chain venue must settle before they can be sold.
        var wait = _plan.SettlesOnChain ? _plan.SettlementWait : TimeSpan.Zero;
        if (wait > TimeSpan.Zero)
            Timers.StartSingleTimer(Attempt.Instance, Attempt.Instance, wait);
        else
            SendAttempt();
    }

    private ClientOrderId AttemptId(int attempt) => _run.ExecutionId.Leg($"ac{_run.Round}.{attempt}");

    private void SendAttempt()
    {
        var plan = _plan!;
        var remaining = plan.Rules.RoundDownToIncrement(plan.Quantity.Value - _sold);
        if (remaining < plan.Rules.MinQuantity)
        {
            Finish(_sold >= plan.Quantity.Value ? AutoCloseOutcome.Closed : AutoCloseOutcome.PartiallyClosed);
            return;
        }
        var id = AttemptId(_attempt);
        var intent = new OrderIntent(new OrderId(id.Value), id, plan.Venue, plan.Market, Side.Sell, plan.Outcome, OrderType.Limit, TimeInForce.Ioc,
            new Quantity(remaining), plan.PriceFor(_attempt));
        _services.Region.Tell(new AutoCloseOrder(intent), Self);
        // An answer can be lost with a crashed market; asking again is safe (same client order id).
        Timers.StartSingleTimer(Attempt.Instance, Attempt.Instance, _services.Options.LegTimeout);
    }

    private void OnResult(ExecutionResult result)
    {
        if (result.Id != AttemptId(_attempt).Value)
            return;
        var plan = _plan!;
        if (result.Error?.Code == ReasonCodes.Of(ExecutionErrorCode.LegOutcomeUnknown))
        {
            Timers.StartSingleTimer(Attempt.Instance, Attempt.Instance, plan.RetryInterval);
            return;
        }
        Timers.Cancel(Attempt.Instance);
        foreach (var leg in result.Legs)
        {
            _sold += leg.Filled.Value;
            _proceeds += leg.Fills.Sum(f => f.Price.Value * f.Quantity.Value) - leg.Fees;
        }
        if (_sold >= plan.Quantity.Value)
        {
            Finish(AutoCloseOutcome.Closed);
            return;
        }
        if (plan.HasReachedFloor(_attempt))
        {
            Finish(_sold > 0 ? AutoCloseOutcome.PartiallyClosed : AutoCloseOutcome.FloorReached);
            return;
        }
        _attempt++;
        Timers.StartSingleTimer(Attempt.Instance, Attempt.Instance, plan.DelayBefore(_attempt));
    }

    private void Finish(AutoCloseOutcome outcome)
    {
        var excess = _plan?.Excess.Value ?? 0m;
        var cost = _plan is null ? 0m : _sold * _plan.StartPrice.Value;
        var report = new AutoCloseReport(_run.Market, _run.ExecutionId, _run.Round, outcome, new Quantity(_sold), new Quantity(Math.Max(0m, excess - _sold)), _proceeds, cost - _proceeds);
        LogWalkFinished(Context.Logger, _run.Market.Value, _run.ExecutionId.Value, outcome.ToString(), _sold, _attempt);
        Context.Parent.Tell(report, Self);
        Context.Stop(Self);
    }

    private sealed class Attempt
    {
        public static readonly Attempt Instance = new();
    }

    [LoggerMessage(EventId = 7001, EventName = "auto_close_walk_finished", Level = LogLevel.Information,
        Message = "Auto-close of {execution_id} in {market_id}: {outcome}, sold {sold} after {attempts} attempts")]
    private static partial void LogWalkFinished(ILogger logger, string market_id, string execution_id, string outcome, decimal sold, int attempts);
}
