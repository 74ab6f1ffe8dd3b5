using ActorExec.Engine.Venues;
using ActorExec.Trading.Execution;
using ActorExec.Trading.Hedging;
using ActorExec.Trading.Orders;
using ActorExec.Trading.Slippage;

namespace ActorExec.Engine.Markets;

/// <summary>
/// The perp/spot hedge flow: enter (slippage validated on both books, then perp short and spot buy at
/// once), exit (spot sell, then perp buy, then verify flat at the venues), drift correction, and an
/// execution breaker that stops new hedge executions after consecutive failures.
/// </summary>
internal sealed partial class MarketActor
{
    private readonly Dictionary<long, HedgeQuery> _hedgeBooks = [];
    private CircuitBreaker? _hedgeBreaker;
    private long _nextQuery;

    private CircuitBreaker HedgeBreaker => _hedgeBreaker ??= new CircuitBreaker($"hedge:{_market}", Options.HedgeBreakerFailureThreshold, Options.HedgeBreakerOpenDuration);

    private void OnEnterHedge(EnterHedge command) => BeginHedge(command.ExecutionId, command.Pair, ExecutionKind.HedgeEntry, command.Size);

    private void OnExitHedge(ExitHedge command) => BeginHedge(command.ExecutionId, command.Pair, ExecutionKind.HedgeExit, null);

    private void OnCorrectHedgeDrift(CorrectHedgeDrift command) => BeginHedge(command.ExecutionId, command.Pair, ExecutionKind.HedgeCorrection, null);

    private void BeginHedge(ExecutionId executionId, HedgePair pair, ExecutionKind kind, Quantity? size)
    {
        var now = Now;
        var sender = Sender;
        var id = executionId.Value;
        if (_state.Executions.TryGetValue(executionId, out var known))
        {
            AnswerDuplicate(known, sender);
            return;
        }
        if (!HedgeBreaker.WouldPass(now))
        {
            Reply([sender], Refusal(id, kind, now, ExecutionErrors.Of(ExecutionErrorCode.HedgeBreakerOpen,
                $"the execution breaker of hedge {pair.Key} is open after {HedgeBreaker.ConsecutiveFailures} consecutive failures",
                ReasonContext.Empty.With("open_until", HedgeBreaker.OpenUntil))));
            return;
        }
        // The cooldown keeps a stale quote from being traded twice; an exit reduces risk and quotes nothing, so it never waits for one.
        if (kind == ExecutionKind.HedgeExit && _state.Slot.PhaseAt(now) == InFlightPhase.CoolingDown)
            _state.Slot = InFlightSlot.Idle(_market);
        // Claim before looking at the hedge, so "the entry is still running" reads ALREADY_IN_FLIGHT, not NO_HEDGE.
        if (ClaimSlot(now, id, kind, sender) is not { } claimed)
            return;
        if (kind != ExecutionKind.HedgeEntry && (_state.Hedge is not { } hedge || hedge.PerpShort == 0 && hedge.SpotLong == 0))
        {
            RefuseClaimed(claimed, ReleaseReason.ExecutionFailed, now, id, kind, sender,
                ExecutionErrors.Of(ExecutionErrorCode.NoHedge, $"there is no open hedge under {pair.Key}"));
            return;
        }
        var error = HedgeMarket(pair.PerpVenue, pair.PerpMarket, now) ?? HedgeMarket(pair.SpotVenue, pair.SpotMarket, now);
        if (error is not null)
        {
            RefuseClaimed(claimed, ReleaseReason.ExecutionFailed, now, id, kind, sender, error);
            return;
        }
        // Pass the breaker only now, when the execution will run and report an outcome: after the open
        // period this is the half-open trial, and its outcome closes or re-opens the breaker.
        if (!HedgeBreaker.TryPass(now, out var trial))
        {
            RefuseClaimed(claimed, ReleaseReason.BreakerOpen, now, id, kind, sender, ExecutionErrors.Of(ExecutionErrorCode.HedgeBreakerOpen,
                $"the execution breaker of hedge {pair.Key} is letting one trial through", ReasonContext.Empty.With("open_until", HedgeBreaker.OpenUntil)));
            return;
        }
        PublishHedgeBreaker(trial);
        if (kind == ExecutionKind.HedgeExit)
        {
            var position = _state.Hedge!;
            var legs = new List<OrderIntent>();
            if (position.SpotLong > 0)
                legs.Add(HedgeLeg(executionId.Leg("spot"), pair.SpotVenue, pair.SpotMarket, Side.Sell, position.SpotLong));
            if (position.PerpShort > 0)
                legs.Add(HedgeLeg(executionId.Leg("perp"), pair.PerpVenue, pair.PerpMarket, Side.Buy, position.PerpShort));
            _state.Slot = claimed;
            StartExecution(new ExecutionStarted(executionId, kind, legs, null, pair, now), sender, now, sendAllLegs: false);
            return;
        }
        // Entries and corrections read both books first.
        _state.Slot = claimed;
        var query = new HedgeQuery(executionId, pair, kind, size, sender, now, claimed);
        foreach (var (venue, market) in new[] { (pair.PerpVenue, pair.PerpMarket), (pair.SpotVenue, pair.SpotMarket) })
        {
            var correlation = ++_nextQuery;
            _hedgeBooks[correlation] = query;
            _services.Venues.Find(venue)!.Supervisor.Tell(new VenueRequest(correlation, new GetBookCall(market)), Self);
        }
    }

    private ExecutionError? HedgeMarket(VenueId venueId, MarketId market, DateTimeOffset now)
    {
        var facts = ReasonContext.Empty.With("venue", venueId.Value).With("market", market.Value);
        if (_services.Venues.Find(venueId) is not { } venue)
            return ExecutionErrors.Of(ExecutionErrorCode.UnknownVenue, $"no venue '{venueId}' is configured", facts);
        if (venue.OpenMarket(market) is not { Kind: InstrumentKind.Linear })
            return ExecutionErrors.Of(ExecutionErrorCode.UnknownMarket, $"venue {venueId} does not list an open linear market '{market}'", facts);
        return Tradeable(venueId, now);
    }

    private OrderIntent HedgeLeg(ClientOrderId id, VenueId venue, MarketId market, Side side, decimal size)
        => new(new OrderId(id.Value), id, venue, market, side, null, OrderType.Market, TimeInForce.Ioc, new Quantity(size));

    private void OnVenueReply(VenueReply reply)
    {
        if (!_hedgeBooks.Remove(reply.CorrelationId, out var query))
            return;
        if (query.Failed)
            return;
        if (reply.Error is { } error)
        {
            query.Failed = true;
            _hedgeBooks.Where(q => q.Value == query).Select(q => q.Key).ToList().ForEach(k => _hedgeBooks.Remove(k));
            EndQuery(query, ExecutionErrors.Of(ExecutionErrorCode.MarketDataUnavailable, $"could not read {reply.Call}: {error}"));
            return;
        }
        switch (reply.Call)
        {
            case GetBookCall book when book.Market == query.Pair.PerpMarket && query.PerpBook is null:
                query.PerpBook = reply.ValueAs<MarketBook>();
                break;
            case GetBookCall:
                query.SpotBook = reply.ValueAs<MarketBook>();
                break;
            case GetPositionsCall when query.PerpPositions is null && _services.Venues.Find(query.Pair.PerpVenue)!.Supervisor.Equals(Sender):
                query.PerpPositions = reply.ValueAs<IReadOnlyList<VenuePosition>>();
                break;
            case GetPositionsCall:
                query.SpotPositions = reply.ValueAs<IReadOnlyList<VenuePosition>>();
                break;
        }
        if (query.Kind == ExecutionKind.HedgeExit)
        {
            if (query.PerpPositions is not null && query.SpotPositions is not null)
                VerifyFlat(query);
            return;
        }
        if (query.PerpBook is null || query.SpotBook is null)
            return;
        if (query.Kind == ExecutionKind.HedgeEntry)
            ContinueEntry(query);
        else
            ContinueCorrection(query);
    }

    private void EndQuery(HedgeQuery query, ExecutionError error)
    {
        if (query.Kind == ExecutionKind.HedgeExit && _state.Executions.TryGetValue(query.ExecutionId, out var exit))
        {
            Finish(exit, false, error, null, ReleaseReason.ExecutionFailed, venueFailure: true);
            return;
        }
        RecordHedgeOutcome(success: false, error.Code);
        RefuseClaimed(query.Claimed, ReleaseReason.ExecutionFailed, query.ReceivedAt, query.ExecutionId.Value, query.Kind, query.Sender!, error);
    }

    private void ContinueEntry(HedgeQuery query)
    {
        var size = query.Size!.Value;
        var perpBids = OrderBookSide.Bids([.. query.PerpBook!.YesBids]);
        var spotAsks = OrderBookSide.Asks([.. query.SpotBook!.YesAsks]);
        if (perpBids.Best is not { } perpBest || spotAsks.Best is not { } spotBest)
        {
            EndQuery(query, new ExecutionError(ReasonCodes.Of(SlippageRejectionReason.InsufficientLiquidity), "a book has no liquidity on the side the hedge takes", ReasonContext.Empty));
            return;
        }
        foreach (var (side, book, best, name) in new[] { (Side.Sell, perpBids, perpBest, "perp"), (Side.Buy, spotAsks, spotBest, "spot") })
        {
            if (_services.Slippage.Check(side, size, best.Price, book) is SlippageResult.Rejected rejected)
            {
                EndQuery(query, new ExecutionError(rejected.Code, $"slippage check failed on the {name} leg", rejected.Context));
                return;
            }
        }
        var legs = new[]
        {
            HedgeLeg(query.ExecutionId.Leg("perp"), query.Pair.PerpVenue, query.Pair.PerpMarket, Side.Sell, size.Value),
            HedgeLeg(query.ExecutionId.Leg("spot"), query.Pair.SpotVenue, query.Pair.SpotMarket, Side.Buy, size.Value),
        };
        StartExecution(new ExecutionStarted(query.ExecutionId, ExecutionKind.HedgeEntry, legs, null, query.Pair, query.ReceivedAt), query.Sender!, query.ReceivedAt, sendAllLegs: true);
    }

    private void ContinueCorrection(HedgeQuery query)
    {
        var hedge = _state.Hedge!;
        var perpRules = _services.Venues.Find(query.Pair.PerpVenue)!.OpenMarket(query.Pair.PerpMarket)!.Rules;
        if (Mid(query.PerpBook!) is not { } perpPrice || Mid(query.SpotBook!) is not { } spotPrice)
        {
            EndQuery(query, ExecutionErrors.Of(ExecutionErrorCode.MarketDataUnavailable, "a book has no two-sided quote to price the hedge"));
            return;
        }
        var position = new HedgePosition(query.Pair.PerpVenue, query.Pair.PerpMarket, new Quantity(hedge.PerpShort), perpPrice, perpRules, new Quantity(hedge.SpotLong), spotPrice);
        var drift = HedgeDrift.Measure(position, Options.Hedge);
        if (drift.Correction is not { } correction)
        {
            _state.Slot = Released(query.Claimed, ReleaseReason.ProfitBelowThreshold, Now);
            Reply([query.Sender!], new ExecutionResult(query.ExecutionId.Value, _market, ExecutionKind.HedgeCorrection, true, [], null, Now - query.ReceivedAt, null));
            LogDrift(Context.Logger, _market.Value, drift.DriftBps, drift.Status.Code());
            return;
        }
        var leg = HedgeLeg(query.ExecutionId.Leg("perp"), correction.Venue, correction.Market, correction.Side, correction.Quantity.Value);
        StartExecution(new ExecutionStarted(query.ExecutionId, ExecutionKind.HedgeCorrection, [leg], null, query.Pair, query.ReceivedAt), query.Sender!, query.ReceivedAt, sendAllLegs: true);
    }

    private static Price? Mid(MarketBook book)
        => book.BestBid() is { } bid && book.BestAsk() is { } ask ? new Price((bid.Price.Value + ask.Price.Value) / 2m) : null;

    private void ContinueSequence(ExecutionRecord execution)
    {
        var failed = execution.RefusedLegs.Count > 0
            || execution.Legs.Values.Any(o => o is not null && ExecutionRecord.IsFillFinal(o) && (o.Status is OrderStatus.Rejected or OrderStatus.Failed || o.Filled.IsZero));
        if (failed)
        {
            // An exit leg failed: the rest is not sent, so the position is never left half unwound by design.
            while (execution.PendingSequentialLegs.TryDequeue(out var skipped))
                execution.RefusedLegs[skipped.ClientOrderId] = ExecutionErrors.Of(ExecutionErrorCode.LegFailed, "not sent: an earlier leg of the exit failed");
            execution.Settled = true;
            Settle(execution);
            return;
        }
        var next = execution.PendingSequentialLegs.Dequeue();
        StartNewOrder(next);
    }

    private void SettleHedge(ExecutionRecord execution)
    {
        var pair = execution.Started.Hedge!;
        var hedge = _state.Hedge ?? new HedgeChanged(pair, 0m, 0m, 0m, 0m, Now);
        var (perpShort, perpEntry, spotLong, spotEntry) = (hedge.PerpShort, hedge.PerpEntryPrice, hedge.SpotLong, hedge.SpotEntryPrice);
        foreach (var order in execution.Legs.Values.OfType<Order>())
        {
            if (order.Filled.IsZero)
                continue;
            var price = order.AverageFillPrice!.Value.Value;
            var filled = order.Filled.Value;
            if (order.Intent.Market == pair.PerpMarket && order.Intent.Venue == pair.PerpVenue)
            {
                var delta = order.Intent.Side == Side.Sell ? filled : -filled;
                perpEntry = delta > 0 ? (perpShort * perpEntry + delta * price) / (perpShort + delta) : perpEntry;
                perpShort += delta;
            }
            else
            {
                var delta = order.Intent.Side == Side.Buy ? filled : -filled;
                spotEntry = delta > 0 ? (spotLong * spotEntry + delta * price) / (spotLong + delta) : spotEntry;
                spotLong += delta;
            }
        }
        var allFilled = execution.RefusedLegs.Count == 0 && execution.Legs.Values.All(o => o is not null && o.Filled == o.Intent.Size);
        var changed = new HedgeChanged(pair, perpShort, perpShort == 0 ? 0m : perpEntry, spotLong, spotLong == 0 ? 0m : spotEntry, Now);
        PersistEvent(changed, () =>
        {
            if (!allFilled)
            {
                var error = ExecutionErrors.Of(ExecutionErrorCode.LegFailed, $"hedge legs did not all fill: {DescribeLegs(execution)}",
                    ReasonContext.Empty.With("perp_short", perpShort).With("spot_long", spotLong));
                RecordHedgeOutcome(success: false, error.Code);
                Finish(execution, false, error, null, ReleaseReason.ExecutionFailed, venueFailure: true);
                return;
            }
            if (execution.Started.Kind == ExecutionKind.HedgeExit)
            {
                var query = new HedgeQuery(execution.Id, pair, ExecutionKind.HedgeExit, null, null, execution.ReceivedAt, _state.Slot);
                foreach (var venue in new[] { pair.PerpVenue, pair.SpotVenue })
                {
                    var correlation = ++_nextQuery;
                    _hedgeBooks[correlation] = query;
                    _services.Venues.Find(venue)!.Supervisor.Tell(new VenueRequest(correlation, GetPositionsCall.Instance), Self);
                }
                return;
            }
            RecordHedgeOutcome(success: true, null);
            Finish(execution, true, null, null, ReleaseReason.Success, venueFailure: false);
        });
    }

    private void VerifyFlat(HedgeQuery query)
    {
        var execution = _state.Executions[query.ExecutionId];
        decimal Held(IReadOnlyList<VenuePosition> positions, MarketId market) => positions.Where(p => p.Market == market).Sum(p => p.Contracts);
        var perp = Held(query.PerpPositions!, query.Pair.PerpMarket);
        var spot = Held(query.SpotPositions!, query.Pair.SpotMarket);
        if (Math.Abs(perp) > EngineDefaults.FlatTolerance || Math.Abs(spot) > EngineDefaults.FlatTolerance)
        {
            var error = ExecutionErrors.Of(ExecutionErrorCode.NotFlat, $"after the exit the venues still report positions: perp {perp}, spot {spot}",
                ReasonContext.Empty.With("perp_position", perp).With("spot_position", spot));
            RecordHedgeOutcome(success: false, error.Code);
            Finish(execution, false, error, null, ReleaseReason.ExecutionFailed, venueFailure: false);
            return;
        }
        RecordHedgeOutcome(success: true, null);
        Finish(execution, true, null, null, ReleaseReason.Success, venueFailure: false);
    }

    private void RecordHedgeOutcome(bool success, string? code)
    {
        PublishHedgeBreaker(success ? HedgeBreaker.OnSuccess(Now) : HedgeBreaker.OnFailure(Now, code ?? "failed"));
    }

    private void PublishHedgeBreaker(BreakerStateChanged? change)
    {
        if (change is null)
            return;
        Context.System.EventStream.Publish(change);
        LogHedgeBreaker(Context.Logger, change.Name, change.From, change.To, change.Reason);
    }

    private sealed class HedgeQuery(ExecutionId executionId, HedgePair pair, ExecutionKind kind, Quantity? size, IActorRef? sender, DateTimeOffset receivedAt, InFlightSlot claimed)
    {
        public ExecutionId ExecutionId { get; } = executionId;

        public HedgePair Pair { get; } = pair;

        public ExecutionKind Kind { get; } = kind;

        public Quantity? Size { get; } = size;

        public IActorRef? Sender { get; } = sender;

        public DateTimeOffset ReceivedAt { get; } = receivedAt;

        public InFlightSlot Claimed { get; } = claimed;

        public MarketBook? PerpBook { get; set; }

        public MarketBook? SpotBook { get; set; }

        public IReadOnlyList<VenuePosition>? PerpPositions { get; set; }

        public IReadOnlyList<VenuePosition>? SpotPositions { get; set; }

        public bool Failed { get; set; }
    }

    [LoggerMessage(EventId = 4201, EventName = "hedge_drift", Level = LogLevel.Information,
        Message = "Hedge {market_id}: drift {drift_bps:F2} bps ({status}); no correction placed")]
    private static partial void LogDrift(ILogger logger, string market_id, decimal drift_bps, string status);

    [LoggerMessage(EventId = 4202, EventName = "breaker_state_changed", Level = LogLevel.Warning,
        Message = "Breaker {breaker} {from} -> {to}: {reason}")]
    private static partial void LogHedgeBreaker(ILogger logger, string breaker, BreakerState from, BreakerState to, string reason);
}
