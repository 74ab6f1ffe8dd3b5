using System.Collections.Immutable;

namespace ActorExec.Trading.Orders;

/// <summary>
/// The state of one order, rebuilt from its events by <see cref="Evolve"/>. Immutable: every event
/// produces a new instance, so the state after any prefix of the journal can be inspected.
/// </summary>
public sealed record Order
{
    private Order(OrderIntent intent, DateTimeOffset submittedAt)
    {
        Intent = intent;
        SubmittedAt = submittedAt;
        UpdatedAt = submittedAt;
    }

    /// <summary>What was asked for.</summary>
    public OrderIntent Intent { get; }

    /// <summary>Where the order is in its lifecycle.</summary>
    public OrderStatus Status { get; private set; } = OrderStatus.Pending;

    /// <summary>The venue's id, once known.</summary>
    public VenueOrderId? VenueOrderId { get; private init; }

    /// <summary>Contracts filled by fills that stand (voided fills excluded).</summary>
    public Quantity Filled { get; private init; }

    /// <summary>Σ price × quantity over the standing fills; the average price is derived from it exactly.</summary>
    public decimal FilledNotional { get; private init; }

    /// <summary>Fees of the standing fills.</summary>
    public decimal Fees { get; private init; }

    /// <summary>The standing fills, in the order they were applied.</summary>
    public ImmutableList<Fill> Fills { get; private init; } = [];

    /// <summary>Fills voided by a failed settlement.</summary>
    public ImmutableList<Fill> VoidedFills { get; private init; } = [];

    /// <summary>Every fill id ever applied (standing or voided): a report of one of these again is ignored.</summary>
    public ImmutableHashSet<FillId> SeenFillIds { get; private init; } = [];

    /// <summary>Fills applied after the order had reached a terminal status.</summary>
    public int LateFills { get; private init; }

    /// <summary>How many times the order was handed to the venue.</summary>
    public int SendAttempts { get; private init; }

    /// <summary>True once a cancel was requested.</summary>
    public bool CancelRequested { get; private init; }

    /// <summary>"Not found" answers from the venue in a row; any other venue report resets it.</summary>
    public int ConsecutiveNotFound { get; private init; }

    /// <summary>The settlement transaction, once mined.</summary>
    public string? TransactionHash { get; private init; }

    /// <summary>Why it was cancelled, if it was.</summary>
    public CancelReason? CancelReason { get; private init; }

    /// <summary>Why it failed, if it did.</summary>
    public FailureReason? FailureReason { get; private init; }

    /// <summary>Detail of the failure, if it failed.</summary>
    public string? FailureDetail { get; private init; }

    /// <summary>The venue's reason, if it rejected the order.</summary>
    public string? VenueRejectReason { get; private init; }

    /// <summary>When the intent was accepted.</summary>
    public DateTimeOffset SubmittedAt { get; }

    /// <summary>When the last event happened.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Number of events applied: the order's version.</summary>
    public int Version { get; private set; } = 1;

    /// <summary>Size − filled.</summary>
    public Quantity Remaining => Intent.Size.Value >= Filled.Value ? Intent.Size - Filled : Quantity.Zero;

    /// <summary>The quantity-weighted mean price of the standing fills; null before the first fill.</summary>
    public Price? AverageFillPrice => Filled.IsZero ? null : new Price(FilledNotional / Filled.Value, nameof(AverageFillPrice));

    /// <summary>True when the order was handed to the venue at least once (its outcome may be unknown).</summary>
    public bool WasSent => SendAttempts > 0;

    /// <summary>Applies one event. Replaying a journal is a fold of this over its events.</summary>
    /// <param name="state">The order before the event; null before <see cref="OrderSubmitted"/>.</param>
    /// <param name="event">The event.</param>
    /// <exception cref="InvalidOperationException">The event is not allowed in this state (a corrupt or foreign journal), with the order id, status and event.</exception>
    public static Order Evolve(Order? state, OrderEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (state is null)
        {
            return @event is OrderSubmitted submitted
                ? new Order(submitted.Intent, submitted.At)
                : throw new InvalidOperationException($"An order's first event must be OrderSubmitted, got {@event.GetType().Name} at {@event.At:O}");
        }

        var next = OrderTransitions.Next(state.Status, @event.Kind)
            ?? throw new InvalidOperationException(
                $"Order {state.Intent.OrderId}: event {@event.GetType().Name} ({@event.Kind}) is not allowed in status {state.Status} (version {state.Version})");
        var evolved = @event switch
        {
            OrderSent sent => state with { SendAttempts = sent.Attempt },
            OrderPlaced placed => state with { VenueOrderId = placed.VenueOrderId ?? state.VenueOrderId, ConsecutiveNotFound = 0 },
            OrderRejected rejected => state with { VenueRejectReason = rejected.VenueReason, ConsecutiveNotFound = 0 },
            OrderFilled filled => ApplyFill(state, filled.Fill, late: state.Status.IsTerminal()),
            OrderMatched or OrderConfirmed => state with { ConsecutiveNotFound = 0 },
            OrderMined mined => state with { TransactionHash = mined.TransactionHash ?? state.TransactionHash, ConsecutiveNotFound = 0 },
            OrderCancelRequested => state with { CancelRequested = true },
            OrderCancelled cancelled => state with { CancelReason = cancelled.Reason, ConsecutiveNotFound = 0 },
            OrderFailed failed => state with { FailureReason = failed.Reason, FailureDetail = failed.Detail },
            FillsVoided voided => VoidFills(state, voided),
            OrderNotFound notFound => state with { ConsecutiveNotFound = notFound.ConsecutiveCount },
            OrderSubmitted => throw new InvalidOperationException($"Order {state.Intent.OrderId} was already submitted"),
            _ => throw new InvalidOperationException($"Order {state.Intent.OrderId}: unknown event type {@event.GetType().Name}"),
        };
        // Every arm made a fresh copy nobody else has seen yet: stamping it in place spares a second
        // copy of this large record per event (orders evolve on the engine's hottest path).
        evolved.Status = next;
        evolved.UpdatedAt = @event.At;
        evolved.Version = state.Version + 1;
        return evolved;
    }

    /// <summary>Rebuilds an order from its events.</summary>
    /// <exception cref="InvalidOperationException">The events do not form a valid history.</exception>
    public static Order Replay(IEnumerable<OrderEvent> events)
    {
        Order? order = null;
        foreach (var @event in events)
            order = Evolve(order, @event);
        return order ?? throw new InvalidOperationException("Cannot replay an order from no events");
    }

    private static Order ApplyFill(Order order, Fill fill, bool late) => order with
    {
        Filled = order.Filled + fill.Quantity,
        FilledNotional = order.FilledNotional + fill.Price.Value * fill.Quantity.Value,
        Fees = order.Fees + fill.Fee,
        Fills = order.Fills.Add(fill),
        SeenFillIds = order.SeenFillIds.Add(fill.FillId),
        LateFills = order.LateFills + (late ? 1 : 0),
        ConsecutiveNotFound = 0,
    };

    private static Order VoidFills(Order order, FillsVoided voided)
    {
        var ids = voided.FillIds.ToHashSet();
        var standing = order.Fills.RemoveAll(f => ids.Contains(f.FillId));
        var removed = order.Fills.Where(f => ids.Contains(f.FillId)).ToList();
        return order with
        {
            Fills = standing,
            VoidedFills = order.VoidedFills.AddRange(removed),
            Filled = new Quantity(standing.Sum(f => f.Quantity.Value)),
            FilledNotional = standing.Sum(f => f.Price.Value * f.Quantity.Value),
            Fees = standing.Sum(f => f.Fee),
        };
    }
}
