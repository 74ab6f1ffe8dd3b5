using ActorExec.Trading.AutoClose;
using ActorExec.Trading.Execution;
using ActorExec.Trading.Orders;
using ActorExec.Trading.Risk;

namespace ActorExec.Engine.Markets;

/// <summary>The arbitrage flow: checks in order, both legs at once, fill comparison, auto-close of the excess, release.</summary>
internal sealed partial class MarketActor
{
    private void OnExecuteArbitrage(ExecuteArbitrage command)
    {
        var now = Now;
        var sender = Sender;
        var id = command.ExecutionId.Value;
        if (_state.Executions.TryGetValue(command.ExecutionId, out var known))
        {
            AnswerDuplicate(known, sender);
            return;
        }
        if (ClaimSlot(now, id, ExecutionKind.Arbitrage, sender) is not { } claimed)
            return;
        void Refuse(ReleaseReason release, ExecutionError error) => RefuseClaimed(claimed, release, now, id, ExecutionKind.Arbitrage, sender, error);

        if (Quote(command.First, now, out var first) is { } firstError)
        {
            Refuse(ReleaseReason.ExecutionFailed, firstError);
            return;
        }
        if (Quote(command.Second, now, out var second) is { } secondError)
        {
            Refuse(ReleaseReason.ExecutionFailed, secondError);
            return;
        }

        ArbitrageResult checkedResult;
        try
        {
            checkedResult = Arbitrage.Check(new ArbitrageRequest(_market, first!, second!, command.MaxSize), Options.Arbitrage);
        }
        catch (ArgumentException e)
        {
            Refuse(ReleaseReason.ExecutionFailed, ExecutionErrors.Of(ExecutionErrorCode.InvalidOrder, $"the quotes are not valid for their venues: {e.Message}"));
            return;
        }
        if (checkedResult is ArbitrageRejection rejection)
        {
            var release = rejection.Reason == ArbitrageRejectionReason.ProfitBelowThreshold ? ReleaseReason.ProfitBelowThreshold : ReleaseReason.InsufficientLiquidity;
            Refuse(release, new ExecutionError(rejection.Code, $"no executable opportunity on {_market}", rejection.Context));
            return;
        }
        var opportunity = (ArbitrageOpportunity)checkedResult;
        var quotes = new[] { first!, second! };
        ArbitrageQuote QuoteOf(OpportunityLeg leg) => quotes.First(q => q.Venue == leg.Venue);

        // Risk may cap the size; the pair is sized to the tighter leg on both venues' grid.
        var snapshot = _services.Risk.Current;
        var size = opportunity.Size.Value;
        foreach (var leg in new[] { opportunity.YesLeg, opportunity.NoLeg })
        {
            var decision = _services.RiskPolicy.Check(new RiskRequest(leg.Venue, _market, Side.Buy, leg.Size, leg.Price, QuoteOf(leg).Rules), snapshot);
            if (decision is RiskDenial denial)
            {
                EngineMetrics.RiskRejections.Add(1, new KeyValuePair<string, object?>("reason", denial.Code));
                Refuse(ReleaseReason.ExecutionFailed, new ExecutionError(denial.Code, $"pre-trade risk refused the {leg.Outcome} leg on {leg.Venue}", denial.Context));
                return;
            }
            size = Math.Min(size, ((RiskApproval)decision).Quantity.Value);
        }
        var yesQuote = QuoteOf(opportunity.YesLeg);
        var noQuote = QuoteOf(opportunity.NoLeg);
        if (size < opportunity.Size.Value)
        {
            var increment = Arbitrage.CommonIncrement(yesQuote.Rules.SizeIncrement, noQuote.Rules.SizeIncrement);
            size = Math.Floor(size / increment) * increment;
            var minimum = Math.Max(yesQuote.Rules.MinQuantity, noQuote.Rules.MinQuantity);
            if (size < minimum)
            {
                EngineMetrics.RiskRejections.Add(1, new KeyValuePair<string, object?>("reason", "SIZE_BELOW_MINIMUM"));
                Refuse(ReleaseReason.ExecutionFailed, new ExecutionError(ReasonCodes.Of(ArbitrageRejectionReason.SizeBelowMinimum),
                    $"risk capped the pair to {size} contracts, below the venues' minimum {minimum}",
                    ReasonContext.Empty.With("capped_size", size).With("min_size", minimum)));
                return;
            }
        }
        var expectedProfit = size * (1m - opportunity.YesLeg.Price.Value - opportunity.NoLeg.Price.Value)
            - yesQuote.Fees.FeeFor(size, opportunity.YesLeg.Price.Value) - noQuote.Fees.FeeFor(size, opportunity.NoLeg.Price.Value);

        if (BlockedVenue(now, opportunity.YesLeg.Venue, opportunity.NoLeg.Venue) is { } blocked)
        {
            Refuse(ReleaseReason.BreakerOpen, blocked);
            return;
        }
        if (command.DryRun)
        {
            _state.Slot = Released(claimed, ReleaseReason.DryRun, now);
            Reply([sender], new ExecutionResult(id, _market, ExecutionKind.Arbitrage, true, [], expectedProfit, Now - now, null));
            return;
        }

        var quantity = new Quantity(size);
        var legs = new[]
        {
            LegIntent(command.ExecutionId.Leg("yes"), opportunity.YesLeg, quantity),
            LegIntent(command.ExecutionId.Leg("no"), opportunity.NoLeg, quantity),
        };
        StartExecution(new ExecutionStarted(command.ExecutionId, ExecutionKind.Arbitrage, legs, expectedProfit, null, now), sender, now, sendAllLegs: true);
    }

    private OrderIntent LegIntent(ClientOrderId id, OpportunityLeg leg, Quantity size)
        => new(new OrderId(id.Value), id, leg.Venue, _market, Side.Buy, leg.Outcome, OrderType.Limit, Options.ArbitrageLegTimeInForce, size, leg.Price);

    /// <summary>Journals the execution, then creates its legs (all at once, or the first of a sequence).</summary>
    private void StartExecution(ExecutionStarted started, IActorRef sender, DateTimeOffset receivedAt, bool sendAllLegs)
    {
        PersistEvent(started, () =>
        {
            var execution = _state.Executions[started.ExecutionId];
            execution.Waiters.Add(sender);
            execution.ReceivedAt = receivedAt;
            var legs = sendAllLegs ? started.Legs : started.Legs.Take(1);
            foreach (var leg in started.Legs.Skip(sendAllLegs ? started.Legs.Count : 1))
                execution.PendingSequentialLegs.Enqueue(leg);
            foreach (var leg in legs)
                StartNewOrder(leg);
            Timers.StartSingleTimer(new LegTimeoutTick(started.ExecutionId), new LegTimeoutTick(started.ExecutionId), Options.LegTimeout);
        });
    }

    private bool IsFirstUnsentSequentialLeg(ExecutionRecord execution, OrderIntent leg)
    {
        // A sequential execution's legs run one after the other: after a restart, resume the first
        // leg not yet fill-final (earlier legs are re-started to report their state).
        foreach (var candidate in execution.Started.Legs)
        {
            if (candidate.ClientOrderId == leg.ClientOrderId)
                return true;
            if (!_state.LegOwners.ContainsKey(candidate.ClientOrderId))
                continue;
            return false;
        }
        return false;
    }

    private ExecutionError? Quote(VenueQuote quote, DateTimeOffset now, out ArbitrageQuote? result)
    {
        result = null;
        ReasonContext Facts() => ReasonContext.Empty.With("venue", quote.Venue.Value).With("market", _market.Value);
        if (_services.Venues.Find(quote.Venue) is not { } venue)
            return ExecutionErrors.Of(ExecutionErrorCode.UnknownVenue, $"no venue '{quote.Venue}' is configured", Facts());
        if (Options.ReconcileBeforeTrading && !venue.Status.IsReconciled)
            return ExecutionErrors.Of(ExecutionErrorCode.VenueNotReconciled, $"venue {quote.Venue} has not been reconciled since start-up", Facts());
        if (venue.OpenMarket(_market) is not { } market)
            return ExecutionErrors.Of(ExecutionErrorCode.UnknownMarket, $"venue {quote.Venue} does not list an open market '{_market}'", Facts());
        if (market.Kind != InstrumentKind.Binary)
            return ExecutionErrors.Of(ExecutionErrorCode.UnknownMarket, $"market '{_market}' on {quote.Venue} is not binary; arbitrage needs YES and NO", Facts());
        result = new ArbitrageQuote(quote.Venue, market.Rules, venue.Capabilities.TakerFees, quote.YesAsk, quote.NoAsk);
        return null;
    }

    private ExecutionError? BlockedVenue(DateTimeOffset now, params VenueId[] venues)
    {
        foreach (var id in venues)
        {
            var venue = _services.Venues.Find(id)!;
            if (!venue.Status.AcceptsWork(now))
            {
                return ExecutionErrors.Of(ExecutionErrorCode.BreakerOpen, $"the circuit breaker of venue {id} is open",
                    ReasonContext.Empty.With("venue", id.Value).With("open_until", venue.Status.Breaker.OpenUntil));
            }
        }
        return null;
    }

    /// <summary>Blacklist, then in-flight and cooldown. Null (after answering) when the market cannot start an execution.</summary>
    private InFlightSlot? ClaimSlot(DateTimeOffset now, string id, ExecutionKind kind, IActorRef sender)
    {
        if (_state.Blacklist.IsBlacklisted(_market, now))
        {
            Reply([sender], Refusal(id, kind, now, ExecutionErrors.Of(ExecutionErrorCode.MarketBlacklisted,
                $"market {_market} is blacklisted after repeated fill mismatches",
                ReasonContext.Empty.With("market", _market.Value).With("blacklisted_until", _state.Blacklist.BlacklistedUntil(_market)!.Value))));
            return null;
        }
        if (_state.Slot.TryClaim(now) is ClaimResult.Refused refused)
        {
            Reply([sender], Refusal(id, kind, now, new ExecutionError(refused.Code, $"market {_market} cannot start an execution now", refused.Context)));
            return null;
        }
        return InFlightSlot.InFlight(_market, now);
    }

    private void RefuseClaimed(InFlightSlot claimed, ReleaseReason release, DateTimeOffset now, string id, ExecutionKind kind, IActorRef sender, ExecutionError error)
    {
        _state.Slot = Released(claimed, release, now);
        Reply([sender], Refusal(id, kind, now, error));
    }

    private InFlightSlot Released(InFlightSlot claimed, ReleaseReason release, DateTimeOffset now)
        => claimed.Release(release, now, Options.InFlight.Cooldown) is ReleaseResult.Released released ? released.Slot : InFlightSlot.Idle(_market);

    private ExecutionResult Refusal(string id, ExecutionKind kind, DateTimeOffset receivedAt, ExecutionError error)
        => new(id, _market, kind, false, [], null, Now - receivedAt, error);

    private void AnswerDuplicate(ExecutionRecord execution, IActorRef sender)
    {
        if (!execution.Replied && execution.Finished is null)
        {
            execution.Waiters.Add(sender);
            return;
        }
        var finished = execution.Finished;
        var error = finished is { Success: false } ? new ExecutionError(finished.ErrorCode ?? "FAILED", finished.ErrorMessage ?? "the execution failed", ReasonContext.Empty) : null;
        sender.Tell(Result(execution, finished?.Success ?? false, error, finished?.Profit) with { Duplicate = true }, Self);
    }

    private ExecutionResult Result(ExecutionRecord execution, bool success, ExecutionError? error, decimal? profit)
        => new(execution.Id.Value, _market, execution.Started.Kind, success,
            [.. execution.Legs.Values.OfType<Order>().Select(LegResult.Of)], profit, Now - execution.ReceivedAt, error);

    private void ReplyExecution(ExecutionRecord execution, bool success, ExecutionError? error, decimal? profit)
    {
        execution.Replied = true;
        Timers.Cancel(new LegTimeoutTick(execution.Id));
        Reply(execution.Waiters, Result(execution, success, error, profit));
        execution.Waiters.Clear();
    }

    private void OnLegTimeout(LegTimeoutTick tick)
    {
        if (!_state.Executions.TryGetValue(tick.ExecutionId, out var execution) || execution.Replied)
            return;
        var pending = execution.Legs.Where(l => l.Value is null || !ExecutionRecord.IsFillFinal(l.Value)).Select(l => l.Key.Value);
        ReplyExecution(execution, false, ExecutionErrors.Of(ExecutionErrorCode.LegOutcomeUnknown,
            $"legs {string.Join(", ", pending)} have no final answer after {Options.LegTimeout}; the engine keeps asking and finishes the execution when they answer"), null);
    }

    private void OnLegRefused(ExecutionRecord execution, OrderRefused refused)
    {
        execution.RefusedLegs[refused.ClientOrderId] = refused.Error;
        OnLegUpdated(execution, null, duplicate: false);
    }

    private void OnLegUpdated(ExecutionRecord execution, Order? order, bool duplicate)
    {
        if (!execution.Settled)
        {
            if (execution.PendingSequentialLegs.Count > 0)
            {
                if ((order is not null && ExecutionRecord.IsFillFinal(order)) || execution.RefusedLegs.Count > 0)
                    ContinueSequence(execution);
                return;
            }
            if (execution.IsSettledForMatching)
            {
                execution.Settled = true;
                Settle(execution);
            }
            return;
        }
        if (execution.Started.Kind == ExecutionKind.Arbitrage)
            RecheckMismatch(execution);
        CloseTerminalLegs(execution);
    }

    private void Settle(ExecutionRecord execution)
    {
        switch (execution.Started.Kind)
        {
            case ExecutionKind.Arbitrage:
                SettleArbitrage(execution);
                break;
            default:
                SettleHedge(execution);
                break;
        }
    }

    private void SettleArbitrage(ExecutionRecord execution)
    {
        var (yes, no) = LegsOf(execution);
        var yesFilled = yes?.Filled ?? Quantity.Zero;
        var noFilled = no?.Filled ?? Quantity.Zero;
        if (yesFilled != noFilled)
        {
            var excess = yesFilled > noFilled ? yesFilled - noFilled : noFilled - yesFilled;
            var error = ExecutionErrors.Of(ExecutionErrorCode.FillMismatch,
                $"YES filled {yesFilled}, NO filled {noFilled}: closing the {excess} excess with a price walk",
                ReasonContext.Empty.With("yes_filled", yesFilled.Value).With("no_filled", noFilled.Value).With("excess", excess.Value));
            ReplyExecution(execution, false, error, null);
            StartAutoClose(execution, yes, no, yesFilled, noFilled);
            return;
        }
        var failed = execution.RefusedLegs.Count > 0 || execution.Legs.Values.Any(o => o?.Status is OrderStatus.Rejected or OrderStatus.Failed);
        if (yesFilled.IsZero)
        {
            var error = failed
                ? ExecutionErrors.Of(ExecutionErrorCode.LegFailed, $"a leg failed: {DescribeLegs(execution)}")
                : ExecutionErrors.Of(ExecutionErrorCode.NoFill, $"nothing filled at the quoted prices: {DescribeLegs(execution)}");
            Finish(execution, false, error, null, failed ? ReleaseReason.ExecutionFailed : ReleaseReason.InsufficientLiquidity, venueFailure: failed);
            return;
        }
        var profit = yesFilled.Value * (1m - yes!.AverageFillPrice!.Value.Value - no!.AverageFillPrice!.Value.Value) - yes.Fees - no.Fees;
        Finish(execution, true, null, profit, ReleaseReason.Success, venueFailure: false);
    }

    private static (Order? Yes, Order? No) LegsOf(ExecutionRecord execution)
    {
        Order? yes = null, no = null;
        foreach (var (id, order) in execution.Legs)
        {
            var intent = order?.Intent ?? execution.Started.Legs.First(l => l.ClientOrderId == id);
            if (intent.Outcome == Outcome.Yes)
                yes = order;
            else
                no = order;
        }
        return (yes, no);
    }

    private static string DescribeLegs(ExecutionRecord execution)
        => string.Join("; ", execution.Started.Legs.Select(leg =>
            execution.RefusedLegs.TryGetValue(leg.ClientOrderId, out var refused) ? $"{leg.ClientOrderId} refused ({refused})"
            : execution.Legs[leg.ClientOrderId] is { } order ? $"{leg.ClientOrderId} {order.Status} {order.Filled}/{order.Intent.Size}{(order.VenueRejectReason is { } r ? $" ({r})" : order.FailureDetail is { } f ? $" ({f})" : "")}"
            : $"{leg.ClientOrderId} unknown"));

    private void Finish(ExecutionRecord execution, bool success, ExecutionError? error, decimal? profit, ReleaseReason release, bool venueFailure)
    {
        if (!execution.Replied)
            ReplyExecution(execution, success, error, profit);
        var finished = new ExecutionFinished(execution.Id, success, error?.Code, error?.Message, profit, release, Now);
        // Legs already final are closed in the same write: one journal round trip fewer per execution.
        var closable = execution.ActiveAutoClose is null ? ClosableLegs(execution) : [];
        PersistEvents(closable.Count == 0 ? [finished] : [finished, new OrdersClosed(closable, finished.At)], () =>
        {
            _services.Positions.Tell(new RecordExecutionOutcome(venueFailure), Self);
            CloseTerminalLegs(execution);
        });
    }

    private void CloseTerminalLegs(ExecutionRecord execution)
    {
        if (execution.Finished is null || execution.ActiveAutoClose is not null)
            return;
        CloseOrders(ClosableLegs(execution));
    }

    private List<ClientOrderId> ClosableLegs(ExecutionRecord execution)
        => [.. execution.Legs
            .Where(l => _state.LegOwners.ContainsKey(l.Key) && (execution.RefusedLegs.ContainsKey(l.Key) || l.Value?.Status.IsTerminal() == true))
            .Select(l => l.Key)];

    private void StartAutoClose(ExecutionRecord execution, Order? yes, Order? no, Quantity yesFilled, Quantity noFilled)
    {
        var yesLeg = ArbitrageLegOf(yes, execution, Outcome.Yes, yesFilled);
        var noLeg = ArbitrageLegOf(no, execution, Outcome.No, noFilled);
        if (_services.AutoClosePlanner.Plan(_market, yesLeg, noLeg) is not { } plan)
            return;
        var round = execution.AutoCloseRounds + 1;
        PersistEvents([new MismatchDetected(execution.Id, plan.Outcome, plan.Excess, Now), new AutoCloseStarted(execution.Id, round, yesLeg, noLeg, Now)], () =>
        {
            LogMismatch(Context.Logger, _market.Value, execution.Id.Value, plan.Outcome.ToString(), plan.Excess.Value, plan.Venue.Value);
            _services.AutoClose.Tell(new RunAutoClose(_market, execution.Id, round, yesLeg, noLeg), Self);
        });
    }

    private ArbitrageLeg ArbitrageLegOf(Order? order, ExecutionRecord execution, Outcome outcome, Quantity filled)
    {
        var intent = order?.Intent ?? execution.Started.Legs.First(l => l.Outcome == outcome);
        var venue = _services.Venues.Find(intent.Venue)!;
        var rules = venue.OpenMarket(_market)?.Rules ?? venue.Capabilities.DefaultRules;
        return new ArbitrageLeg(intent.Venue, filled, order?.AverageFillPrice, rules, venue.Capabilities.SettlesOnChain);
    }

    /// <summary>After the judgement, a leg's fills may still change (voided by a failed settlement, a late fill): close any new excess too.</summary>
    private void RecheckMismatch(ExecutionRecord execution)
    {
        if (execution.ActiveAutoClose is not null || !execution.Settled)
            return;
        var (yes, no) = LegsOf(execution);
        if (yes is null || no is null)
            return;
        var handled = execution.HandledExcess;
        var yesOpen = yes.Filled.Value - Math.Max(handled, 0m);
        var noOpen = no.Filled.Value - Math.Max(-handled, 0m);
        if (yesOpen == noOpen)
            return;
        if (yesOpen < 0 || noOpen < 0)
        {
            LogUnhedged(Context.Logger, _market.Value, execution.Id.Value, yes.Filled.Value, no.Filled.Value, handled);
            return;
        }
        StartAutoClose(execution, yes, no, new Quantity(yesOpen), new Quantity(noOpen));
    }

    private void OnAutoCloseReport(AutoCloseReport report)
    {
        if (!_state.Executions.TryGetValue(report.ExecutionId, out var execution) || execution.ActiveAutoClose?.Round != report.Round)
            return; // a repeated report
        EngineMetrics.AutoCloses.Add(1, new KeyValuePair<string, object?>("outcome", report.Outcome.ToString()));
        LogAutoCloseFinished(Context.Logger, _market.Value, report.ExecutionId.Value, report.Outcome.ToString(), report.Closed.Value, report.Remaining.Value, report.RealizedLoss);
        var events = new List<object> { new AutoCloseFinished(report.ExecutionId, report.Round, report.Outcome, report.Closed, report.Remaining, Now) };
        if (execution.Finished is null)
        {
            var error = ExecutionErrors.Of(ExecutionErrorCode.FillMismatch,
                $"legs filled different sizes; auto-close {ReasonCodes.Of(report.Outcome)}: sold {report.Closed}, {report.Remaining} left",
                ReasonContext.Empty.With("closed", report.Closed.Value).With("remaining", report.Remaining.Value).With("realized_loss", report.RealizedLoss));
            events.Add(new ExecutionFinished(execution.Id, false, error.Code, error.Message, null, ReleaseReason.ExecutionFailed, Now));
        }
        PersistEvents(events, () =>
        {
            CloseTerminalLegs(execution);
            RecheckMismatch(execution);
        });
    }

    [LoggerMessage(EventId = 4101, EventName = "fill_mismatch", Level = LogLevel.Warning,
        Message = "Market {market_id} execution {execution_id}: {outcome} over-filled by {excess}; auto-closing on {venue}")]
    private static partial void LogMismatch(ILogger logger, string market_id, string execution_id, string outcome, decimal excess, string venue);

    [LoggerMessage(EventId = 4102, EventName = "auto_close_finished", Level = LogLevel.Information,
        Message = "Market {market_id} execution {execution_id}: auto-close {outcome}, closed {closed}, remaining {remaining}, realized loss {realized_loss}")]
    private static partial void LogAutoCloseFinished(ILogger logger, string market_id, string execution_id, string outcome, decimal closed, decimal remaining, decimal realized_loss);

    [LoggerMessage(EventId = 4103, EventName = "unhedged_exposure", Level = LogLevel.Error,
        Message = "Market {market_id} execution {execution_id}: fills changed after auto-close in a way it cannot undo (YES {yes_filled}, NO {no_filled}, already closed {handled}); reconciliation will report the position")]
    private static partial void LogUnhedged(ILogger logger, string market_id, string execution_id, decimal yes_filled, decimal no_filled, decimal handled);
}
