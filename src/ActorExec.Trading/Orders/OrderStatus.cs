namespace ActorExec.Trading.Orders;

/// <summary>Where an order is in its lifecycle (see <see cref="OrderTransitions"/> for the allowed moves).</summary>
public enum OrderStatus
{
    /// <summary>The intent is accepted and journaled; the venue may or may not have it yet.</summary>
    Pending,

    /// <summary>The venue acknowledged the order; nothing filled yet.</summary>
    Placed,

    /// <summary>Some, not all, of the order filled.</summary>
    PartiallyFilled,

    /// <summary>Fully matched on the venue.</summary>
    Matched,

    /// <summary>The settlement transaction was mined (on-chain venues).</summary>
    Mined,

    /// <summary>Final: the trade is settled.</summary>
    Confirmed,

    /// <summary>Final: the venue refused the order.</summary>
    Rejected,

    /// <summary>Final: cancelled (any fills before the cancel stay; fills reported after it are still applied).</summary>
    Cancelled,

    /// <summary>Final: failed (chain revert, timeout, or lost at the venue).</summary>
    Failed,
}

/// <summary>Facts about statuses.</summary>
public static class OrderStatusExtensions
{
    /// <summary>True for Confirmed, Rejected, Cancelled and Failed: the status never changes again.</summary>
    public static bool IsTerminal(this OrderStatus status)
        => status is OrderStatus.Confirmed or OrderStatus.Rejected or OrderStatus.Cancelled or OrderStatus.Failed;

    /// <summary>True while the order may still be working on the venue (Placed or PartiallyFilled).</summary>
    public static bool IsOpen(this OrderStatus status) => status is OrderStatus.Placed or OrderStatus.PartiallyFilled;
}
