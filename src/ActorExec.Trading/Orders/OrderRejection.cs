namespace ActorExec.Trading.Orders;

/// <summary>Why a command was refused. Codes are stable (see <see cref="ReasonCodes"/>).</summary>
public enum OrderRejectionCode
{
    /// <summary>A command for an order that was never submitted.</summary>
    UnknownOrder,
    /// <summary>The order id was submitted before with different terms.</summary>
    ConflictingIntent,
    /// <summary>The command would need a transition the lifecycle does not allow.</summary>
    InvalidTransition,
    /// <summary>The fill would make the filled quantity exceed the order's size.</summary>
    Overfill,
    /// <summary>The fill itself is malformed (zero quantity, negative fee).</summary>
    InvalidFill,
    /// <summary>The venue reported a different venue order id than the one already known.</summary>
    VenueOrderIdMismatch,
    /// <summary>The order is past the point where it can be cancelled.</summary>
    NotCancellable,
}

/// <summary>A refused command: a stable code, a sentence for people, and key=value context for logs and alerts.</summary>
/// <param name="Code">What went wrong.</param>
/// <param name="Message">A sentence naming the order, its status and the command.</param>
/// <param name="Context">Facts that explain it (status, quantities, ids).</param>
public sealed record OrderRejection(OrderRejectionCode Code, string Message, IReadOnlyDictionary<string, string> Context)
{
    /// <summary>The stable SCREAMING_SNAKE code, e.g. <c>OVERFILL</c>.</summary>
    public string CodeName => ReasonCodes.Of(Code);

    /// <inheritdoc />
    public override string ToString()
        => $"{CodeName}: {Message} ({string.Join(", ", Context.Select(kv => $"{kv.Key}={kv.Value}"))})";
}

/// <summary>The outcome of <see cref="OrderDecider.Decide"/>: events to persist (possibly none), or a rejection.</summary>
public readonly record struct OrderDecision
{
    private OrderDecision(IReadOnlyList<OrderEvent> events, OrderRejection? rejection)
    {
        Events = events;
        Rejection = rejection;
    }

    /// <summary>The events to persist, in order; empty for an accepted no-op (e.g. a duplicate report).</summary>
    public IReadOnlyList<OrderEvent> Events { get; }

    /// <summary>Why the command was refused, or null when it was accepted.</summary>
    public OrderRejection? Rejection { get; }

    /// <summary>True when the command was accepted (even if it changed nothing).</summary>
    public bool IsAccepted => Rejection is null;

    /// <summary>Accepted, producing these events.</summary>
    public static OrderDecision Accept(params OrderEvent[] events) => new(events, null);

    /// <summary>Accepted, changing nothing (an idempotent repeat).</summary>
    public static OrderDecision Unchanged { get; } = new([], null);

    /// <summary>Refused.</summary>
    public static OrderDecision Reject(OrderRejection rejection) => new([], rejection);
}
