using ActorExec.Trading.AutoClose;
using ActorExec.Trading.Execution;
using ActorExec.Trading.Orders;

namespace ActorExec.Engine.Markets;

/// <summary>An execution the market knows about: journaled facts plus what its legs last reported.</summary>
internal sealed class ExecutionRecord(ExecutionStarted started)
{
    public ExecutionStarted Started { get; } = started;

    public ExecutionId Id => Started.ExecutionId;

    public ExecutionFinished? Finished { get; set; }

    public int AutoCloseRounds { get; set; }

    public AutoCloseStarted? ActiveAutoClose { get; set; }

    /// <summary>Excess already handed to auto-close, signed: positive for YES over NO.</summary>
    public decimal HandledExcess { get; set; }

    /// <summary>Legs whose order actor refused to create them (invalid, journal down): final, nothing filled.</summary>
    public Dictionary<ClientOrderId, ExecutionError> RefusedLegs { get; } = [];

    /// <summary>True once the legs were judged (filled sizes compared); set before the judgement is journaled.</summary>
    public bool Settled { get; set; }

    /// <summary>Last state of each leg, by client order id (null until the leg reports).</summary>
    public Dictionary<ClientOrderId, Order?> Legs { get; } = started.Legs.ToDictionary(l => l.ClientOrderId, _ => (Order?)null);

    /// <summary>Who waits for the result (not journaled: after a restart nobody does).</summary>
    public List<IActorRef> Waiters { get; } = [];

    /// <summary>When the command arrived (for the result's latency); the journal time after a restart.</summary>
    public DateTimeOffset ReceivedAt { get; set; } = started.At;

    public bool Replied { get; set; }

    /// <summary>For a hedge exit: the legs still to send, in order (sequential).</summary>
    public Queue<OrderIntent> PendingSequentialLegs { get; } = new();

    public bool IsSettledForMatching => Legs.All(leg => RefusedLegs.ContainsKey(leg.Key) || leg.Value is { } order && IsFillFinal(order));

    /// <summary>A leg's fills can still change only while it is pending, resting or partially filled.</summary>
    public static bool IsFillFinal(Order order) => order.Status is not (OrderStatus.Pending or OrderStatus.Placed or OrderStatus.PartiallyFilled);
}

/// <summary>A single order (or completion follow-up) the market created.</summary>
internal sealed class TrackedOrder(OrderTracked tracked)
{
    public OrderTracked Tracked { get; } = tracked;

    public OrderIntent Intent => Tracked.Intent;

    public Order? Last { get; set; }

    public List<IActorRef> Waiters { get; } = [];

    public DateTimeOffset ReceivedAt { get; set; } = tracked.At;

    /// <summary>Follow-ups placed for the remainder (CompletePartialFill), oldest first.</summary>
    public List<ClientOrderId> Completions { get; } = [];
}

/// <summary>The market's journaled state: in-flight slot, mismatch history, executions, open orders, hedge.</summary>
internal sealed class MarketState(MarketId market, InFlightOptions inFlight, AutoCloseOptions autoClose)
{
    private const int RecentExecutionsKept = 100;
    private readonly Queue<ExecutionId> _recent = new();

    public MarketId Market { get; } = market;

    public InFlightSlot Slot { get; set; } = InFlightSlot.Idle(market);

    public MismatchBlacklist Blacklist { get; private set; } = MismatchBlacklist.Empty(autoClose);

    public List<DateTimeOffset> Mismatches { get; } = [];

    public Dictionary<ExecutionId, ExecutionRecord> Executions { get; } = [];

    /// <summary>Single orders and follow-ups not yet closed.</summary>
    public Dictionary<ClientOrderId, TrackedOrder> Orders { get; } = [];

    /// <summary>Leg → its execution, for legs not yet closed.</summary>
    public Dictionary<ClientOrderId, ExecutionId> LegOwners { get; } = [];

    public HedgeChanged? Hedge { get; set; }

    public bool HasOpenWork => Slot.Phase == InFlightPhase.InFlight || Orders.Count > 0 || LegOwners.Count > 0
        || Executions.Values.Any(e => !IsDone(e));

    /// <summary>Finished, no auto-close running, every leg closed.</summary>
    public bool IsDone(ExecutionRecord execution)
        => execution.Finished is not null && execution.ActiveAutoClose is null && execution.Legs.Keys.All(leg => !LegOwners.ContainsKey(leg));

    public void Apply(object @event)
    {
        switch (@event)
        {
            case ExecutionStarted started:
                var record = new ExecutionRecord(started);
                Executions[started.ExecutionId] = record;
                foreach (var leg in started.Legs)
                    LegOwners[leg.ClientOrderId] = started.ExecutionId;
                if (started.Kind is not ExecutionKind.Order)
                    Slot = InFlightSlot.InFlight(Market, started.At);
                break;
            case ExecutionFinished finished:
                if (Executions.TryGetValue(finished.ExecutionId, out var execution))
                {
                    execution.Finished = finished;
                    execution.Settled = true;
                }
                if (Slot.Release(finished.Release, finished.At, inFlight.Cooldown) is ReleaseResult.Released released)
                    Slot = released.Slot;
                Remember(finished.ExecutionId);
                break;
            case OrderTracked tracked:
                Orders[tracked.Intent.ClientOrderId] = new TrackedOrder(tracked);
                if (tracked.CompletionOf is { } parent && Orders.TryGetValue(parent, out var original))
                    original.Completions.Add(tracked.Intent.ClientOrderId);
                break;
            case OrdersClosed closed:
                foreach (var id in closed.Orders)
                {
                    Orders.Remove(id);
                    LegOwners.Remove(id);
                }
                break;
            case MismatchDetected mismatch:
                Mismatches.Add(mismatch.At);
                Blacklist = Blacklist.RecordMismatch(Market, mismatch.At);
                break;
            case AutoCloseStarted autoClose when Executions.TryGetValue(autoClose.ExecutionId, out var owner):
                owner.ActiveAutoClose = autoClose;
                owner.Settled = true;
                owner.AutoCloseRounds = Math.Max(owner.AutoCloseRounds, autoClose.Round);
                owner.HandledExcess += autoClose.YesLeg.Filled.Value - autoClose.NoLeg.Filled.Value;
                break;
            case AutoCloseFinished done when Executions.TryGetValue(done.ExecutionId, out var owner) && owner.ActiveAutoClose?.Round == done.Round:
                owner.ActiveAutoClose = null;
                break;
            case HedgeChanged hedge:
                Hedge = hedge;
                break;
        }
    }

    /// <summary>Executions that are finished and done are kept for duplicate answers, the most recent ones only.</summary>
    private void Remember(ExecutionId id)
    {
        _recent.Enqueue(id);
        while (_recent.Count > RecentExecutionsKept)
        {
            var old = _recent.Dequeue();
            if (Executions.TryGetValue(old, out var record) && IsDone(record))
                Executions.Remove(old);
        }
    }

    public MarketStateReport Report(DateTimeOffset now) => new(
        Market,
        Slot.PhaseAt(now),
        Slot.Phase == InFlightPhase.InFlight ? Slot.Since : null,
        Slot.PhaseAt(now) == InFlightPhase.CoolingDown ? Slot.Until : null,
        Blacklist.IsBlacklisted(Market, now) ? Blacklist.BlacklistedUntil(Market) : null,
        Mismatches.Count,
        [.. Orders.Keys.Concat(LegOwners.Keys).OrderBy(id => id.Value, StringComparer.Ordinal)],
        Hedge is { } hedge ? $"perp short {hedge.PerpShort} @ {hedge.PerpEntryPrice}, spot long {hedge.SpotLong} @ {hedge.SpotEntryPrice}" : null,
        [.. Executions.Values.OrderByDescending(e => e.Started.At).Select(e => new ExecutionSummary(
            e.Id.Value, e.Started.Kind, e.Started.At, e.Finished?.At, e.Finished?.Success, e.Finished?.ErrorCode, e.Finished?.Profit,
            [.. e.Started.Legs.Select(l => l.ClientOrderId)]))]);

    public MarketSnapshot ToSnapshot() => new(
        Slot.Phase, Slot.Since, Slot.Until,
        [.. Mismatches],
        [.. Executions.Values.Select(e => new ExecutionSnapshot(e.Started, e.Finished, e.AutoCloseRounds, e.ActiveAutoClose, e.HandledExcess))],
        [.. Orders.Values.Select(o => o.Tracked)],
        [.. LegOwners.Keys],
        Hedge);

    public void Restore(MarketSnapshot snapshot)
    {
        Slot = snapshot.SlotPhase switch
        {
            InFlightPhase.InFlight => InFlightSlot.InFlight(Market, snapshot.SlotSince!.Value),
            InFlightPhase.CoolingDown => InFlightSlot.CoolingDown(Market, snapshot.SlotUntil!.Value),
            _ => InFlightSlot.Idle(Market),
        };
        foreach (var at in snapshot.Mismatches)
            Apply(new MismatchDetected(new ExecutionId("snapshot"), Outcome.Yes, Quantity.Zero, at));
        foreach (var execution in snapshot.Executions)
        {
            var record = new ExecutionRecord(execution.Started)
            {
                Finished = execution.Finished,
                AutoCloseRounds = execution.AutoCloseRounds,
                ActiveAutoClose = execution.ActiveAutoClose,
                HandledExcess = execution.HandledExcess,
                Settled = execution.Finished is not null || execution.ActiveAutoClose is not null,
            };
            Executions[record.Id] = record;
            if (record.Finished is not null)
                _recent.Enqueue(record.Id);
        }
        foreach (var tracked in snapshot.Orders)
            Apply(tracked);
        foreach (var leg in snapshot.OpenLegs)
        {
            var owner = Executions.Values.FirstOrDefault(e => e.Legs.ContainsKey(leg));
            if (owner is not null)
                LegOwners[leg] = owner.Id;
        }
        Hedge = snapshot.Hedge;
    }
}

/// <summary>One execution inside a <see cref="MarketSnapshot"/>.</summary>
public sealed record ExecutionSnapshot(ExecutionStarted Started, ExecutionFinished? Finished, int AutoCloseRounds, AutoCloseStarted? ActiveAutoClose, decimal HandledExcess);

/// <summary>A market's state at a sequence number, so recovery does not replay its whole history.</summary>
public sealed record MarketSnapshot(
    InFlightPhase SlotPhase,
    DateTimeOffset? SlotSince,
    DateTimeOffset? SlotUntil,
    IReadOnlyList<DateTimeOffset> Mismatches,
    IReadOnlyList<ExecutionSnapshot> Executions,
    IReadOnlyList<OrderTracked> Orders,
    IReadOnlyList<ClientOrderId> OpenLegs,
    HedgeChanged? Hedge);
