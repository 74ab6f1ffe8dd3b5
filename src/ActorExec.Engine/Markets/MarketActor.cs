using ActorExec.Actors.Persistence;
using ActorExec.Engine.Orders;
using ActorExec.Trading.Execution;
using ActorExec.Trading.Orders;

namespace ActorExec.Engine.Markets;

/// <summary>
/// The only writer of one market's execution state (in-flight slot, cooldown, mismatch blacklist,
/// executions, open orders, hedge). Runs arbitrage, single orders and hedges; each order is a child
/// <see cref="OrderActor"/>. Journaled, so a restart (or another node) resumes where it stopped:
/// open orders are started again and resolve themselves, unfinished executions are finished.
/// </summary>
internal sealed partial class MarketActor : PersistentActor, IWithTimers
{
    private readonly MarketId _market;
    private readonly EngineServices _services;
    private readonly MarketState _state;
    private readonly Dictionary<ClientOrderId, ChildSlot> _children = [];
    private readonly Dictionary<IActorRef, ClientOrderId> _childIds = [];
    private int _eventsSinceSnapshot;

    public MarketActor(MarketId market, EngineServices services)
    {
        _market = market;
        PersistenceId = PersistenceIdOf(market);
        _services = services;
        _state = new MarketState(market, services.Options.InFlight, services.Options.AutoClose);

        Recover<SnapshotOffer>(offer => _state.Restore((MarketSnapshot)offer.Snapshot));
        Recover<RecoveryCompleted>(_ => Resume());
        RecoverAny(e => _state.Apply(e));

        Command<ExecuteArbitrage>(OnExecuteArbitrage);
        Command<PlaceOrder>(OnPlaceOrder);
        Command<AutoCloseOrder>(OnAutoCloseOrder);
        Command<CompleteRemainder>(OnCompleteRemainder);
        Command<CancelOrder>(OnCancelOrder);
        Command<CancelAll>(OnCancelAll);
        Command<EnterHedge>(OnEnterHedge);
        Command<ExitHedge>(OnExitHedge);
        Command<CorrectHedgeDrift>(OnCorrectHedgeDrift);
        Command<OrderUpdated>(OnOrderUpdated);
        Command<OrderRefused>(OnOrderRefused);
        Command<OrderOutcomeUnknown>(OnOrderOutcomeUnknown);
        Command<AutoCloseReport>(OnAutoCloseReport);
        Command<ReportOpenOrders>(OnReportOpenOrders);
        Command<ForOrder>(forOrder => SendToOrder(forOrder.ClientOrderId, forOrder.Message));
        Command<VenueReply>(OnVenueReply);
        Command<LegTimeoutTick>(OnLegTimeout);
        Command<RestartOrder>(restart => RestartOrderChild(restart.ClientOrderId));
        Command<Terminated>(OnChildTerminated);
        Command<ReceiveTimeout>(_ => MaybePassivate());
        Command<WakeMarket>(_ => { });
        Command<GetMarketState>(_ => Sender.Tell(_state.Report(Now), Self));
        Command<StopIfIdle>(_ =>
        {
            if (IsIdle)
                Context.Stop(Self);
            else
                Context.Parent.Tell(CancelPassivation.Instance, Self);
        });
        Command<SaveSnapshotSuccess>(saved => DeleteSnapshots(new SnapshotSelectionCriteria(saved.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(failed => LogSnapshotFailed(Context.Logger, _market.Value, failed.Cause.Message));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
    }

    public static string PersistenceIdOf(MarketId market) => "market-" + market.Value;

    public override string PersistenceId { get; }

    public ITimerScheduler Timers { get; set; } = null!;

    private DateTimeOffset Now => Context.System.TimeProvider.GetUtcNow();

    private EngineOptions Options => _services.Options;

    protected override void PreStart()
    {
        base.PreStart();
        Context.SetReceiveTimeout(Options.MarketIdleTimeout);
    }

    /// <summary>After recovery: every open order is started again with its intent (answered if journaled, sent if never sent) and unfinished executions are picked up.</summary>
    private void Resume()
    {
        foreach (var execution in _state.Executions.Values.Where(e => !_state.IsDone(e)))
        {
            foreach (var leg in execution.Started.Legs.Where(l => _state.LegOwners.ContainsKey(l.ClientOrderId)))
            {
                if (execution.Started.Kind == ExecutionKind.HedgeExit && execution.Finished is null && !IsFirstUnsentSequentialLeg(execution, leg))
                    execution.PendingSequentialLegs.Enqueue(leg);
                else
                    SendToOrder(leg.ClientOrderId, new StartOrder(leg));
            }
            if (execution.ActiveAutoClose is { } autoClose)
                _services.AutoClose.Tell(new RunAutoClose(_market, autoClose.ExecutionId, autoClose.Round, autoClose.YesLeg, autoClose.NoLeg), Self);
            if (execution.Finished is null)
                Timers.StartSingleTimer(new LegTimeoutTick(execution.Id), new LegTimeoutTick(execution.Id), Options.LegTimeout);
        }
        foreach (var order in _state.Orders.Values)
            SendToOrder(order.Intent.ClientOrderId, new StartOrder(order.Intent));
    }

    private void PersistEvent<TEvent>(TEvent @event, Action? then = null) where TEvent : notnull
        => Persist(@event, e =>
        {
            _state.Apply(e);
            AfterPersist();
            then?.Invoke();
        });

    private void PersistEvents(IReadOnlyList<object> events, Action? then = null)
    {
        var last = events[^1];
        PersistAll(events, e =>
        {
            _state.Apply(e);
            AfterPersist();
            if (ReferenceEquals(e, last))
                then?.Invoke();
        });
    }

    private void AfterPersist()
    {
        if (++_eventsSinceSnapshot < Options.MarketSnapshotEvery)
            return;
        _eventsSinceSnapshot = 0;
        SaveSnapshot(_state.ToSnapshot());
    }

    // ---- children -------------------------------------------------------------------------

    /// <summary>Starts the order of an intent journaled just now as new (its actor skips reading its empty journal).</summary>
    private void StartNewOrder(OrderIntent intent)
    {
        _services.Positions.Tell(new OrderStarting(intent), Self);
        SendToOrder(intent.ClientOrderId, new StartOrder(intent), newOrder: true);
    }

    /// <param name="newOrder">True when the intent was journaled just now as new: a child started for it skips reading its (empty) journal.</param>
    private void SendToOrder(ClientOrderId id, object message, bool newOrder = false)
    {
        if (_children.TryGetValue(id, out var child))
        {
            if (child.Stopping)
                child.Buffer.Add(message);
            else
                child.Ref.Tell(message, Self);
            return;
        }
        StartChild(id, newOrder).Ref.Tell(message, Self);
    }

    private ChildSlot StartChild(ClientOrderId id, bool newOrder = false)
    {
        var actor = Context.ActorOf(Props.Create(() => new OrderActor(id, _services.Venues, Options.Orders, newOrder)), id.Value);
        Context.Watch(actor);
        var restarts = _children.TryGetValue(id, out var previous) ? previous.Restarts : 0;
        var slot = new ChildSlot(actor) { Restarts = restarts };
        _children[id] = slot;
        _childIds[actor] = id;
        return slot;
    }

    private void StopChild(ClientOrderId id)
    {
        if (_children.TryGetValue(id, out var child) && !child.Stopping)
        {
            child.Stopping = true;
            Context.Stop(child.Ref);
        }
    }

    private void OnChildTerminated(Terminated terminated)
    {
        if (!_childIds.Remove(terminated.ActorRef, out var id) || !_children.Remove(id, out var slot))
            return;
        if (slot.Buffer.Count > 0)
        {
            var next = StartChild(id);
            foreach (var message in slot.Buffer)
                next.Ref.Tell(message, Self);
            return;
        }
        if (!slot.Stopping && IsOpen(id))
        {
            // Stopped on its own (a journal failure): start it again with backoff; it recovers and resumes.
            var delay = Options.Orders.RestartBackoff * Math.Pow(2, Math.Min(slot.Restarts, 6));
            LogOrderActorStopped(Context.Logger, id.Value, _market.Value, delay.TotalMilliseconds);
            _children[id] = slot with { Restarts = slot.Restarts + 1, Stopping = true };
            Timers.StartSingleTimer(new RestartOrder(id), new RestartOrder(id), delay);
        }
    }

    private void RestartOrderChild(ClientOrderId id)
    {
        if (!_children.TryGetValue(id, out var slot) || _childIds.ContainsKey(slot.Ref))
            return;
        var child = StartChild(id);
        if (IntentOf(id) is { } intent)
            child.Ref.Tell(new StartOrder(intent), Self);
        foreach (var message in slot.Buffer)
            child.Ref.Tell(message, Self);
    }

    private bool IsOpen(ClientOrderId id) => _state.Orders.ContainsKey(id) || _state.LegOwners.ContainsKey(id);

    private OrderIntent? IntentOf(ClientOrderId id)
    {
        if (_state.Orders.TryGetValue(id, out var tracked))
            return tracked.Intent;
        if (_state.LegOwners.TryGetValue(id, out var owner) && _state.Executions.TryGetValue(owner, out var execution))
            return execution.Started.Legs.First(l => l.ClientOrderId == id);
        return null;
    }

    // ---- order reports --------------------------------------------------------------------

    private void OnOrderUpdated(OrderUpdated update)
    {
        var order = update.Order;
        var id = order.Intent.ClientOrderId;
        if (_children.TryGetValue(id, out var child))
            child.Restarts = 0;
        if (_state.LegOwners.TryGetValue(id, out var owner) && _state.Executions.TryGetValue(owner, out var execution))
        {
            NoticeFills(execution.Legs.GetValueOrDefault(id), order);
            execution.Legs[id] = order;
            OnLegUpdated(execution, order, update.Duplicate);
        }
        else if (_state.Orders.TryGetValue(id, out var tracked))
        {
            NoticeFills(tracked.Last, order);
            tracked.Last = order;
            OnTrackedOrderUpdated(tracked, update.Duplicate);
        }
        else
        {
            NoticeFills(null, order);
            if (order.Status.IsTerminal())
                StopChild(id); // woken for a question (a duplicate, a cancel) about an order already closed
        }
        ReplyToOrderWaiters(order, update.Duplicate);
        if (order.Status.IsTerminal())
            StopChild(id);
    }

    // The positions read model catches up from the journal: wake it only when fills were journaled
    // (a settling order reports MINED and CONFIRMED without new fills). Unknown history counts as a change.
    private void NoticeFills(Order? before, Order after)
    {
        var changed = before is null
            ? after.Fills.Count > 0 || after.VoidedFills.Count > 0
            : before.Fills.Count != after.Fills.Count || before.VoidedFills.Count != after.VoidedFills.Count;
        if (changed)
            _services.Positions.Tell(new FillsJournaled(after.Intent), Self);
    }

    private void OnOrderRefused(OrderRefused refused)
    {
        var id = refused.ClientOrderId;
        ReplyToOrderRefusal(refused);
        if (_state.Orders.TryGetValue(id, out var tracked) && tracked.Last is null)
            CloseOrders([id]); // never journaled by the order: nothing to follow
        else if (_state.LegOwners.TryGetValue(id, out var owner) && _state.Executions.TryGetValue(owner, out var execution) && execution.Legs[id] is null)
            OnLegRefused(execution, refused);
        if (!IsOpen(id) || IsStale(id))
            StopChild(id);
    }

    private bool IsStale(ClientOrderId id)
        => _state.Orders.TryGetValue(id, out var tracked) ? tracked.Last is null : !_state.LegOwners.ContainsKey(id);

    private void OnOrderOutcomeUnknown(OrderOutcomeUnknown unknown)
    {
        if (_state.LegOwners.TryGetValue(unknown.ClientOrderId, out var owner) && _state.Executions.TryGetValue(owner, out var execution) && !execution.Replied)
        {
            ReplyExecution(execution, success: false, ExecutionErrors.Of(ExecutionErrorCode.LegOutcomeUnknown,
                $"leg {unknown.ClientOrderId} has no final answer from its venue since {unknown.Since:O}; the engine keeps asking",
                ReasonContext.Empty.With("client_order_id", unknown.ClientOrderId.Value)), profit: null);
        }
        else if (_state.Orders.TryGetValue(unknown.ClientOrderId, out var tracked) && tracked.Waiters.Count > 0)
        {
            // A single order gets the same answer as a leg: the strategy learns it is unresolved, the order keeps asking.
            Reply(tracked.Waiters, OrderRefusal(unknown.ClientOrderId, tracked.ReceivedAt, ExecutionErrors.Of(ExecutionErrorCode.LegOutcomeUnknown,
                $"order {unknown.ClientOrderId} has no final answer from its venue since {unknown.Since:O}; the engine keeps asking",
                ReasonContext.Empty.With("client_order_id", unknown.ClientOrderId.Value))) with { Legs = unknown.Order is { } order ? [LegResult.Of(order)] : [] });
            tracked.Waiters.Clear();
        }
    }

    private void CloseOrders(IReadOnlyList<ClientOrderId> ids)
    {
        if (ids.Count > 0)
            PersistAsync(new OrdersClosed(ids, Now), e => _state.Apply(e));
    }

    private void OnReportOpenOrders(ReportOpenOrders report)
    {
        var open = _state.Orders.Values.Select(o => o.Last)
            .Concat(_state.Executions.Values.SelectMany(e => e.Legs.Where(l => _state.LegOwners.ContainsKey(l.Key)).Select(l => l.Value)))
            .OfType<Order>()
            .Where(o => !o.Status.IsTerminal())
            .ToList();
        report.ReplyTo.Tell(new OpenOrdersReport(report.RunId, _market, open), Self);
    }

    // A cooldown may live only in memory (dry runs, refusals): the market stays until it ends.
    private bool IsIdle => !_state.HasOpenWork && _children.Count == 0 && _hedgeBooks.Count == 0 && _state.Slot.PhaseAt(Now) == InFlightPhase.Idle;

    private void MaybePassivate()
    {
        if (IsIdle)
            Context.Parent.Tell(new Passivate(StopIfIdle.Instance), Self);
    }

    private void Reply(IEnumerable<IActorRef> waiters, ExecutionResult result)
    {
        EngineMetrics.ExecutionLatency.Record(result.Latency.TotalMilliseconds, new KeyValuePair<string, object?>("kind", result.Kind.ToString()));
        foreach (var waiter in waiters)
            waiter.Tell(result, Self);
    }

    private sealed record ChildSlot(IActorRef Ref)
    {
        public bool Stopping { get; set; }

        public int Restarts { get; set; }

        public List<object> Buffer { get; } = [];
    }

    private sealed record LegTimeoutTick(ExecutionId ExecutionId);

    private sealed record RestartOrder(ClientOrderId ClientOrderId);

    [LoggerMessage(EventId = 4001, EventName = "order_actor_stopped", Level = LogLevel.Warning,
        Message = "Order actor {client_order_id} in market {market_id} stopped with its order open; starting it again in {delay_ms} ms")]
    private static partial void LogOrderActorStopped(ILogger logger, string client_order_id, string market_id, double delay_ms);

    [LoggerMessage(EventId = 4002, EventName = "market_snapshot_failed", Level = LogLevel.Warning,
        Message = "Market {market_id} could not save a snapshot: {reason}; recovery replays more events")]
    private static partial void LogSnapshotFailed(ILogger logger, string market_id, string reason);
}

/// <summary>Delivers a message to one order actor of a market (starting it if needed); sent inside a <see cref="MarketEnvelope"/>.</summary>
public sealed record ForOrder(ClientOrderId ClientOrderId, object Message);
