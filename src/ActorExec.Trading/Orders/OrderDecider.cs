namespace ActorExec.Trading.Orders;

/// <summary>
/// Decides what a command means for an order: the events to persist or a rejection. Pure: no clock
/// (time comes in the command), no I/O. Evolve applies the events; the transition table bounds both.
/// </summary>
public static class OrderDecider
{
    /// <summary>Decides a command against the current state (null before the order exists).</summary>
    public static OrderDecision Decide(Order? order, OrderCommand command, OrderRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        rules ??= OrderRules.Default;
        if (command is SubmitOrder submit)
            return DecideSubmit(order, submit);
        if (order is null)
            return Reject(OrderRejectionCode.UnknownOrder, null, command, "no order has been submitted under this id");

        return command switch
        {
            MarkSent sent => DecideSent(order, sent),
            ReportAccepted accepted => DecideAccepted(order, accepted),
            ReportRejected rejected => DecideRejected(order, rejected),
            ReportFill fill => DecideFill(order, fill),
            ReportMatched matched => DecideMatched(order, matched),
            ReportMined mined => DecideMined(order, mined),
            ReportConfirmed confirmed => DecideConfirmed(order, confirmed),
            RequestCancel cancel => DecideCancelRequest(order, cancel),
            ReportCancelled cancelled => DecideCancelled(order, cancelled),
            ReportFailed failed => DecideFailed(order, failed),
            ReportNotFound notFound => DecideNotFound(order, notFound, rules),
            _ => throw new ArgumentException($"Unknown order command {command.GetType().Name}", nameof(command)),
        };
    }

    private static OrderDecision DecideSubmit(Order? order, SubmitOrder submit)
    {
        if (order is null)
            return OrderDecision.Accept(new OrderSubmitted(submit.Intent, submit.At));
        // The same intent again is a retry of the same idempotency key: answered, never placed twice.
        return order.Intent == submit.Intent
            ? OrderDecision.Unchanged
            : Reject(OrderRejectionCode.ConflictingIntent, order, submit, "the order id was submitted before with different terms");
    }

    private static OrderDecision DecideSent(Order order, MarkSent sent)
        => order.Status == OrderStatus.Pending
            ? OrderDecision.Accept(new OrderSent(order.SendAttempts + 1, sent.At))
            : Invalid(order, sent, OrderEventKind.Sent);

    private static OrderDecision DecideAccepted(Order order, ReportAccepted accepted)
    {
        if (order.VenueOrderId is { } known)
        {
            return known == accepted.VenueOrderId
                ? OrderDecision.Unchanged
                : Reject(OrderRejectionCode.VenueOrderIdMismatch, order, accepted, "the venue reported a different order id",
                    ("known_venue_order_id", known.Value), ("reported_venue_order_id", accepted.VenueOrderId.Value));
        }
        if (order.Status == OrderStatus.Placed)
            return OrderDecision.Unchanged;
        return Transition(order, accepted, new OrderPlaced(accepted.VenueOrderId, Implied: false, accepted.At));
    }

    private static OrderDecision DecideRejected(Order order, ReportRejected rejected)
        => order.Status == OrderStatus.Rejected
            ? OrderDecision.Unchanged
            : Transition(order, rejected, new OrderRejected(rejected.VenueReason, rejected.At));

    private static OrderDecision DecideFill(Order order, ReportFill report)
    {
        var fill = report.Fill;
        if (order.SeenFillIds.Contains(fill.FillId))
            return OrderDecision.Unchanged; // fills are deduplicated by the venue's fill id
        if (fill.Quantity.IsZero || fill.Fee < 0)
        {
            return Reject(OrderRejectionCode.InvalidFill, order, report, "a fill needs a positive quantity and a non-negative fee",
                ("fill_id", fill.FillId.Value), ("fill_quantity", ReasonContext.Text(fill.Quantity.Value)), ("fee", ReasonContext.Text(fill.Fee)));
        }
        var filledAfter = order.Filled.Value + fill.Quantity.Value;
        if (filledAfter > order.Intent.Size.Value)
        {
            return Reject(OrderRejectionCode.Overfill, order, report, "the fill would take the filled quantity past the order's size",
                ("fill_id", fill.FillId.Value), ("fill_quantity", ReasonContext.Text(fill.Quantity.Value)),
                ("filled", ReasonContext.Text(order.Filled.Value)), ("size", ReasonContext.Text(order.Intent.Size.Value)));
        }

        var events = new List<OrderEvent>();
        if (order.Status == OrderStatus.Pending)
            events.Add(new OrderPlaced(report.VenueOrderId, Implied: true, report.At)); // the fill overtook the acknowledgement
        events.Add(new OrderFilled(fill, Completes: filledAfter == order.Intent.Size.Value, report.At));
        return Transition(order, report, [.. events]);
    }

    private static OrderDecision DecideMatched(Order order, ReportMatched matched)
        => order.Status switch
        {
            OrderStatus.Matched or OrderStatus.Mined or OrderStatus.Confirmed => OrderDecision.Unchanged,
            OrderStatus.Pending => Transition(order, matched, new OrderPlaced(null, Implied: true, matched.At), new OrderMatched(false, matched.At)),
            _ => Transition(order, matched, new OrderMatched(false, matched.At)),
        };

    private static OrderDecision DecideMined(Order order, ReportMined mined)
        => order.Status switch
        {
            OrderStatus.Mined or OrderStatus.Confirmed => OrderDecision.Unchanged,
            OrderStatus.Matched => Transition(order, mined, new OrderMined(mined.TransactionHash, mined.At)),
            _ => Transition(order, mined, [.. ImpliedUpToMatched(order, mined.At), new OrderMined(mined.TransactionHash, mined.At)]),
        };

    private static OrderDecision DecideConfirmed(Order order, ReportConfirmed confirmed)
        => order.Status switch
        {
            OrderStatus.Confirmed => OrderDecision.Unchanged,
            OrderStatus.Matched or OrderStatus.Mined => Transition(order, confirmed, new OrderConfirmed(confirmed.At)),
            _ => Transition(order, confirmed, [.. ImpliedUpToMatched(order, confirmed.At), new OrderConfirmed(confirmed.At)]),
        };

    /// <summary>Out-of-order reports (mined or confirmed before the match was seen) imply the steps in between.</summary>
    private static IEnumerable<OrderEvent> ImpliedUpToMatched(Order order, DateTimeOffset at)
    {
        if (order.Status == OrderStatus.Pending)
            yield return new OrderPlaced(null, Implied: true, at);
        if (order.Status is OrderStatus.Pending or OrderStatus.Placed or OrderStatus.PartiallyFilled)
            yield return new OrderMatched(Implied: true, at);
    }

    private static OrderDecision DecideCancelRequest(Order order, RequestCancel cancel)
    {
        if (order.Status.IsTerminal() || order.Status is OrderStatus.Matched or OrderStatus.Mined)
            return Reject(OrderRejectionCode.NotCancellable, order, cancel, "the order has nothing left to cancel");
        if (order.CancelRequested)
            return OrderDecision.Unchanged;
        // Never handed to the venue: nothing can be working there, so the cancel takes effect at once.
        if (order.Status == OrderStatus.Pending && !order.WasSent)
            return OrderDecision.Accept(new OrderCancelRequested(cancel.At), new OrderCancelled(CancelReason.NeverSent, cancel.At));
        return OrderDecision.Accept(new OrderCancelRequested(cancel.At));
    }

    private static OrderDecision DecideCancelled(Order order, ReportCancelled cancelled)
        => order.Status == OrderStatus.Cancelled
            ? OrderDecision.Unchanged
            : Transition(order, cancelled, new OrderCancelled(cancelled.Reason, cancelled.At));

    private static OrderDecision DecideFailed(Order order, ReportFailed failed)
    {
        if (order.Status == OrderStatus.Failed)
            return OrderDecision.Unchanged;
        var failure = new OrderFailed(failed.Reason, failed.Detail, failed.At);
        // A reverted settlement means the trades never happened: void the fills so positions can be corrected.
        if (failed.Reason == FailureReason.ChainReverted && !order.Filled.IsZero)
        {
            var voided = new FillsVoided([.. order.Fills.Select(f => f.FillId)], order.Filled, failed.At);
            return Transition(order, failed, voided, failure);
        }
        return Transition(order, failed, failure);
    }

    private static OrderDecision DecideNotFound(Order order, ReportNotFound notFound, OrderRules rules)
    {
        if (order.Status.IsTerminal() || order.Status is OrderStatus.Matched or OrderStatus.Mined)
            return Invalid(order, notFound, OrderEventKind.NotFound);
        var count = order.ConsecutiveNotFound + 1;
        var counted = new OrderNotFound(count, notFound.At);
        if (order.Status.IsOpen() && count >= rules.LostAfterConsecutiveNotFound)
        {
            var lost = new OrderFailed(FailureReason.Lost, $"the venue did not find the order {count} times in a row", notFound.At);
            return Transition(order, notFound, counted, lost);
        }
        return Transition(order, notFound, counted);
    }

    /// <summary>Accepts the events if the table allows each step from the order's status; otherwise rejects.</summary>
    private static OrderDecision Transition(Order order, OrderCommand command, params OrderEvent[] events)
    {
        OrderStatus status = order.Status;
        foreach (var @event in events)
        {
            if (OrderTransitions.Next(status, @event.Kind) is not { } next)
                return Invalid(order, command, @event.Kind);
            status = next;
        }
        return OrderDecision.Accept(events);
    }

    private static OrderDecision Invalid(Order order, OrderCommand command, OrderEventKind kind)
        => Reject(OrderRejectionCode.InvalidTransition, order, command, $"{kind} is not allowed in status {order.Status}", ("event", kind.ToString()));

    private static OrderDecision Reject(OrderRejectionCode code, Order? order, OrderCommand command, string reason, params (string Key, string Value)[] context)
    {
        var facts = ReasonContext.Empty
            .With("command", command.GetType().Name)
            .With("status", order?.Status.ToString() ?? "none");
        if (order is not null)
            facts = facts.With("order_id", order.Intent.OrderId.Value);
        foreach (var (key, value) in context)
            facts = facts.With(key, value);
        var subject = order is null ? "unknown order" : $"order {order.Intent.OrderId}";
        return OrderDecision.Reject(new OrderRejection(code, $"{command.GetType().Name} refused for {subject}: {reason}", facts));
    }
}
