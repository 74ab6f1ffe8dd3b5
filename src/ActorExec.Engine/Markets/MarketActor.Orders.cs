using ActorExec.Engine.Orders;
using ActorExec.Trading.Orders;

namespace ActorExec.Engine.Markets;

/// <summary>Single orders (with partial-fill completion), cancels and cancel-all.</summary>
internal sealed partial class MarketActor
{
    private readonly Dictionary<ClientOrderId, List<(IActorRef Sender, DateTimeOffset At)>> _cancelWaiters = [];
    private readonly List<CancelAllWaiter> _cancelAllWaiters = [];

    private void OnPlaceOrder(PlaceOrder command) => Place(command.Intent, command.CompletePartialFill, Sender, checkRisk: true);

    /// <summary>Places an order the engine itself needs (auto-close): no pre-trade risk, which must never trap a position open.</summary>
    private void OnAutoCloseOrder(AutoCloseOrder command) => Place(command.Intent, completePartialFill: false, Sender, checkRisk: false);

    private void Place(OrderIntent intent, bool completePartialFill, IActorRef sender, bool checkRisk)
    {
        var now = Now;
        var id = intent.ClientOrderId;
        if (_state.Orders.TryGetValue(id, out var tracked))
        {
            if (tracked.Intent != intent)
            {
                Reply([sender], OrderRefusal(id, now, ExecutionErrors.Of(ExecutionErrorCode.ConflictingIntent, $"client order id {id} is in use with different terms")));
                return;
            }
            tracked.Waiters.Add(sender);
            if (tracked.Last is not null)
                TryReplyOrder(tracked, duplicate: true);
            return;
        }
        if (_state.LegOwners.TryGetValue(id, out var owner))
        {
            Reply([sender], OrderRefusal(id, now, ExecutionErrors.Of(ExecutionErrorCode.ConflictingIntent, $"client order id {id} is a leg of execution {owner}")));
            return;
        }
        if ((OrderAdmission.Check(intent, _services.Venues, now) ?? Tradeable(intent.Venue, now) ?? (checkRisk ? RiskCheck(intent) : null)) is { } refusal)
        {
            Reply([sender], OrderRefusal(id, now, refusal));
            return;
        }
        if (completePartialFill && id.Value.Length + 3 > ClientOrderId.MaxLength)
        {
            Reply([sender], OrderRefusal(id, now, ExecutionErrors.Of(ExecutionErrorCode.InvalidOrder,
                $"client order id {id} is too long to derive completion orders from (at most {ClientOrderId.MaxLength - 3} characters with CompletePartialFill)")));
            return;
        }
        Track(new OrderTracked(intent, completePartialFill, null, now), sender, now);
    }

    private void Track(OrderTracked tracked, IActorRef? sender, DateTimeOffset receivedAt)
        => PersistEvent(tracked, () =>
        {
            var order = _state.Orders[tracked.Intent.ClientOrderId];
            if (sender is not null)
                order.Waiters.Add(sender);
            order.ReceivedAt = receivedAt;
            StartNewOrder(tracked.Intent);
        });

    private ExecutionError? Tradeable(VenueId venueId, DateTimeOffset now)
    {
        var venue = _services.Venues.Find(venueId)!;
        if (Options.ReconcileBeforeTrading && !venue.Status.IsReconciled)
            return ExecutionErrors.Of(ExecutionErrorCode.VenueNotReconciled, $"venue {venueId} has not been reconciled since start-up", ReasonContext.Empty.With("venue", venueId.Value));
        return BlockedVenue(now, venueId);
    }

    private ExecutionError? RiskCheck(OrderIntent intent)
    {
        var market = _services.Venues.Find(intent.Venue)!.OpenMarket(intent.Market)!;
        if (market.Kind == InstrumentKind.Linear)
            return null; // the risk policy prices binary contracts; linear instruments are bounded by their venue
        var rules = market.Rules;
        var price = intent.LimitPrice ?? new Price(intent.Side == Side.Buy ? rules.MaxPrice : rules.MinPrice);
        var decision = _services.RiskPolicy.Check(new Trading.Risk.RiskRequest(intent.Venue, intent.Market, intent.Side, intent.Size, price, rules), _services.Risk.Current);
        switch (decision)
        {
            case Trading.Risk.RiskDenial denial:
                EngineMetrics.RiskRejections.Add(1, new KeyValuePair<string, object?>("reason", denial.Code));
                return new ExecutionError(denial.Code, $"pre-trade risk refused order {intent.ClientOrderId}", denial.Context);
            case Trading.Risk.RiskApproval { IsCapped: true } capped:
                EngineMetrics.RiskRejections.Add(1, new KeyValuePair<string, object?>("reason", capped.CapCode));
                return new ExecutionError(capped.CapCode!, $"pre-trade risk allows at most {capped.Quantity} of the {intent.Size} asked; resend a smaller order", capped.Context);
            default:
                return null;
        }
    }

    private void OnTrackedOrderUpdated(TrackedOrder tracked, bool duplicate)
    {
        var root = tracked.Tracked.CompletionOf is { } parent && _state.Orders.TryGetValue(parent, out var original) ? original : tracked;
        if (root != tracked)
        {
            OnTrackedOrderUpdated(root, duplicate: false);
            if (tracked.Last!.Status.IsTerminal() && CompletionDone(root))
                CloseOrders([tracked.Intent.ClientOrderId]);
            return;
        }
        var order = tracked.Last;
        if (order is null)
            return;
        if (tracked.Tracked.CompletePartialFill && order.Status.IsTerminal())
            MaybeComplete(tracked);
        TryReplyOrder(tracked, duplicate);
        if (order.Status.IsTerminal() && (!tracked.Tracked.CompletePartialFill || CompletionDone(tracked)))
            CloseOrders([order.Intent.ClientOrderId, .. tracked.Completions.Where(c => _state.Orders.ContainsKey(c))]);
    }

    private void MaybeComplete(TrackedOrder root)
    {
        var remaining = root.Intent.Size.Value - FilledIncludingCompletions(root);
        var lastStep = root.Completions.Count == 0 ? root.Last : _state.Orders.GetValueOrDefault(root.Completions[^1])?.Last;
        if (remaining <= 0 || lastStep is null || !lastStep.Status.IsTerminal() || root.Completions.Count >= Options.MaxCompletionAttempts)
            return;
        if (lastStep.Status is OrderStatus.Rejected or OrderStatus.Failed)
            return;
        Timers.StartSingleTimer(new CompleteRemainder(root.Intent.ClientOrderId), new CompleteRemainder(root.Intent.ClientOrderId), Options.CompletionInterval);
    }

    private void OnCompleteRemainder(CompleteRemainder complete)
    {
        if (!_state.Orders.TryGetValue(complete.Root, out var root) || CompletionDone(root))
            return;
        var remaining = root.Intent.Size.Value - FilledIncludingCompletions(root);
        var id = new ClientOrderId($"{root.Intent.ClientOrderId.Value}.c{root.Completions.Count + 1}");
        if (remaining <= 0 || _state.Orders.ContainsKey(id))
            return;
        var intent = root.Intent with { OrderId = new OrderId(id.Value), ClientOrderId = id, Size = new Quantity(remaining) };
        Track(new OrderTracked(intent, false, root.Intent.ClientOrderId, Now), null, root.ReceivedAt);
    }

    private decimal FilledIncludingCompletions(TrackedOrder root)
        => (root.Last?.Filled.Value ?? 0m) + root.Completions.Sum(c => _state.Orders.GetValueOrDefault(c)?.Last?.Filled.Value ?? 0m);

    private bool CompletionDone(TrackedOrder root)
    {
        if (root.Last is not { } order || !order.Status.IsTerminal())
            return false;
        if (root.Completions.Any(c => _state.Orders.GetValueOrDefault(c)?.Last?.Status.IsTerminal() != true))
            return false;
        var remaining = root.Intent.Size.Value - FilledIncludingCompletions(root);
        var lastStep = root.Completions.Count == 0 ? order : _state.Orders.GetValueOrDefault(root.Completions[^1])?.Last ?? order;
        return remaining <= 0 || root.Completions.Count >= Options.MaxCompletionAttempts || lastStep.Status is OrderStatus.Rejected or OrderStatus.Failed;
    }

    private void TryReplyOrder(TrackedOrder tracked, bool duplicate)
    {
        var order = tracked.Last;
        if (tracked.Waiters.Count == 0 || order is null)
            return;
        var ready = tracked.Tracked.CompletePartialFill ? CompletionDone(tracked) : order.Status != OrderStatus.Pending;
        if (!ready)
            return;
        var legs = new List<LegResult> { LegResult.Of(order) };
        legs.AddRange(tracked.Completions.Select(c => _state.Orders.GetValueOrDefault(c)?.Last).OfType<Order>().Select(LegResult.Of));
        var error = OrderError(order);
        var success = error is null;
        if (tracked.Tracked.CompletePartialFill && success && FilledIncludingCompletions(tracked) < tracked.Intent.Size.Value)
        {
            success = false;
            error = ExecutionErrors.Of(ExecutionErrorCode.NoFill, $"filled {FilledIncludingCompletions(tracked)} of {tracked.Intent.Size} after {tracked.Completions.Count} completion orders");
        }
        var result = new ExecutionResult(order.Intent.ClientOrderId.Value, _market, ExecutionKind.Order, success, legs, null, Now - tracked.ReceivedAt, error, duplicate);
        Reply(tracked.Waiters, result);
        tracked.Waiters.Clear();
    }

    private static ExecutionError? OrderError(Order order) => order.Status switch
    {
        OrderStatus.Rejected => ExecutionErrors.Of(ExecutionErrorCode.LegFailed, $"the venue rejected order {order.Intent.ClientOrderId}: {order.VenueRejectReason}"),
        OrderStatus.Failed => ExecutionErrors.Of(ExecutionErrorCode.LegFailed, $"order {order.Intent.ClientOrderId} failed ({order.FailureReason}): {order.FailureDetail}"),
        _ => null,
    };

    private ExecutionResult OrderRefusal(ClientOrderId id, DateTimeOffset receivedAt, ExecutionError error)
        => new(id.Value, _market, ExecutionKind.Order, false, [], null, Now - receivedAt, error);

    private void OnCancelOrder(CancelOrder command)
    {
        var id = command.ClientOrderId;
        if (!_cancelWaiters.TryGetValue(id, out var waiters))
            _cancelWaiters[id] = waiters = [];
        waiters.Add((Sender, Now));
        SendToOrder(id, RequestOrderCancel.Instance);
    }

    private void OnCancelAll(CancelAll command)
    {
        var open = _state.Orders.Values.Select(o => (o.Intent.ClientOrderId, o.Last))
            .Concat(_state.LegOwners.Keys.Select(id => (id, _state.Executions.GetValueOrDefault(_state.LegOwners[id])?.Legs.GetValueOrDefault(id))))
            .Where(o => o.Item2 is null || !o.Item2.Status.IsTerminal())
            .Select(o => o.Item1)
            .ToHashSet();
        var waiter = new CancelAllWaiter(Sender, Now, open);
        if (open.Count == 0)
        {
            ReplyCancelAll(waiter);
            return;
        }
        _cancelAllWaiters.Add(waiter);
        foreach (var id in open)
            SendToOrder(id, RequestOrderCancel.Instance);
    }

    private void ReplyToOrderWaiters(Order order, bool duplicate)
    {
        var id = order.Intent.ClientOrderId;
        if (order.Status.IsTerminal() || order.Status is OrderStatus.Matched or OrderStatus.Mined)
        {
            if (_cancelWaiters.Remove(id, out var waiters))
            {
                var cancelled = order.Status == OrderStatus.Cancelled;
                var error = cancelled ? null : ExecutionErrors.Of(ExecutionErrorCode.NotCancellable, $"order {id} ended {order.Status} before the cancel took effect");
                foreach (var (sender, at) in waiters)
                    Reply([sender], new ExecutionResult(id.Value, _market, ExecutionKind.Cancel, cancelled, [LegResult.Of(order)], null, Now - at, error, duplicate));
            }
            foreach (var waiter in _cancelAllWaiters.ToList())
            {
                if (!waiter.Pending.Remove(id))
                    continue;
                waiter.Results.Add(order);
                if (waiter.Pending.Count == 0)
                {
                    _cancelAllWaiters.Remove(waiter);
                    ReplyCancelAll(waiter);
                }
            }
        }
    }

    private void ReplyToOrderRefusal(OrderRefused refused)
    {
        var id = refused.ClientOrderId;
        if (_cancelWaiters.Remove(id, out var waiters))
        {
            foreach (var (sender, at) in waiters)
                Reply([sender], new ExecutionResult(id.Value, _market, ExecutionKind.Cancel, false, [], null, Now - at, refused.Error));
        }
        if (_state.Orders.TryGetValue(id, out var tracked) && tracked.Waiters.Count > 0 && refused.Error.Code != ReasonCodes.Of(ExecutionErrorCode.NotCancellable))
        {
            Reply(tracked.Waiters, OrderRefusal(id, tracked.ReceivedAt, refused.Error));
            tracked.Waiters.Clear();
        }
        foreach (var waiter in _cancelAllWaiters.ToList())
        {
            if (!waiter.Pending.Remove(id))
                continue;
            if (waiter.Pending.Count == 0)
            {
                _cancelAllWaiters.Remove(waiter);
                ReplyCancelAll(waiter);
            }
        }
    }

    private void ReplyCancelAll(CancelAllWaiter waiter)
    {
        var notCancelled = waiter.Results.Where(o => o.Status != OrderStatus.Cancelled).Select(o => o.Intent.ClientOrderId.Value).ToList();
        var error = notCancelled.Count == 0 ? null : ExecutionErrors.Of(ExecutionErrorCode.NotCancellable, $"orders ended otherwise before the cancel took effect: {string.Join(", ", notCancelled)}");
        Reply([waiter.Sender], new ExecutionResult("cancel-all", _market, ExecutionKind.Cancel, error is null, [.. waiter.Results.Select(LegResult.Of)], null, Now - waiter.ReceivedAt, error));
    }

    private sealed record CompleteRemainder(ClientOrderId Root);

    private sealed record CancelAllWaiter(IActorRef Sender, DateTimeOffset ReceivedAt, HashSet<ClientOrderId> Pending)
    {
        public List<Order> Results { get; } = [];
    }
}

/// <summary>An order the engine itself places (an auto-close sale): like <see cref="PlaceOrder"/>, without pre-trade risk.</summary>
public sealed record AutoCloseOrder(OrderIntent Intent) : IMarketCommand
{
    /// <inheritdoc />
    public MarketId Market => Intent.Market;
}
