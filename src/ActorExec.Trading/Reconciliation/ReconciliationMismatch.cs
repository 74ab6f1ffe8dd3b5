using ActorExec.Trading.Orders;
using ActorExec.Trading.Positions;

namespace ActorExec.Trading.Reconciliation;

/// <summary>The kinds of disagreement between our records and a venue's.</summary>
public enum MismatchKind
{
    /// <summary>Contracts held differ by more than the tolerance.</summary>
    Position,

    /// <summary>We believe an order is open; the venue does not list it.</summary>
    OrderMissingAtVenue,

    /// <summary>The venue lists an open order we do not know as open.</summary>
    OrderUnexpectedAtVenue,

    /// <summary>Both sides know the order, with different statuses.</summary>
    OrderStatusDiffers,

    /// <summary>Both sides know the order, with different sizes.</summary>
    OrderSizeDiffers,

    /// <summary>Both sides know the order, with different filled quantities: a fill was missed or invented.</summary>
    OrderFilledDiffers,
}

/// <summary>Stable codes of <see cref="MismatchKind"/> for logs, events and the CLI.</summary>
public static class MismatchKindExtensions
{
    /// <summary>The SCREAMING_SNAKE code of the kind, stable across renames.</summary>
    public static string Code(this MismatchKind kind) => kind switch
    {
        MismatchKind.Position => "POSITION_MISMATCH",
        MismatchKind.OrderMissingAtVenue => "ORDER_MISSING_AT_VENUE",
        MismatchKind.OrderUnexpectedAtVenue => "ORDER_UNEXPECTED_AT_VENUE",
        MismatchKind.OrderStatusDiffers => "ORDER_STATUS_DIFFERS",
        MismatchKind.OrderSizeDiffers => "ORDER_SIZE_DIFFERS",
        MismatchKind.OrderFilledDiffers => "ORDER_FILLED_DIFFERS",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"unknown MismatchKind {kind}"),
    };
}

/// <summary>
/// One disagreement found by <see cref="Reconciler"/>. The hierarchy is closed: every kind is one
/// of the sealed records in this file, so a switch over them is exhaustive.
/// </summary>
public abstract record ReconciliationMismatch
{
    private protected ReconciliationMismatch(VenueId venue, MarketId market)
    {
        Venue = venue;
        Market = market;
    }

    /// <summary>What disagrees.</summary>
    public abstract MismatchKind Kind { get; }

    /// <summary>The stable code of <see cref="Kind"/>.</summary>
    public string Code => Kind.Code();

    /// <summary>The venue concerned (ours, when the two sides disagree on it).</summary>
    public VenueId Venue { get; }

    /// <summary>The market concerned.</summary>
    public MarketId Market { get; }

    /// <summary>What within the market disagrees: the outcome of a position or the client order id of an order; the last sort key.</summary>
    public abstract string Subject { get; }
}

/// <summary>Contracts held differ between our book and the venue by more than the tolerance.</summary>
/// <param name="Key">The position.</param>
/// <param name="Expected">Contracts in our book.</param>
/// <param name="AtVenue">Contracts the venue reports.</param>
public sealed record PositionMismatch(PositionKey Key, decimal Expected, decimal AtVenue) : ReconciliationMismatch(Key.Venue, Key.Market)
{
    /// <inheritdoc />
    public override MismatchKind Kind => MismatchKind.Position;

    /// <inheritdoc />
    public override string Subject => Key.Outcome.ToString();

    /// <summary>Venue minus ours: positive when the venue holds more than we think.</summary>
    public decimal Difference => AtVenue - Expected;
}

/// <summary>An order we believe is open is not on the venue's list (lost, or closed without our knowing).</summary>
/// <param name="Expected">Our view of the order.</param>
public sealed record OrderMissingAtVenue(OpenOrderSnapshot Expected) : ReconciliationMismatch(Expected.Venue, Expected.Market)
{
    /// <inheritdoc />
    public override MismatchKind Kind => MismatchKind.OrderMissingAtVenue;

    /// <inheritdoc />
    public override string Subject => Expected.ClientOrderId.Value;
}

/// <summary>The venue lists an open order we do not know as open (placed by someone else, or after we gave it up).</summary>
/// <param name="AtVenue">The venue's view of the order.</param>
public sealed record OrderUnexpectedAtVenue(OpenOrderSnapshot AtVenue) : ReconciliationMismatch(AtVenue.Venue, AtVenue.Market)
{
    /// <inheritdoc />
    public override MismatchKind Kind => MismatchKind.OrderUnexpectedAtVenue;

    /// <inheritdoc />
    public override string Subject => AtVenue.ClientOrderId.Value;
}

/// <summary>Both sides know the order, with different statuses.</summary>
/// <param name="Expected">Our view of the order.</param>
/// <param name="AtVenue">The venue's view of the order.</param>
public sealed record OrderStatusDiffers(OpenOrderSnapshot Expected, OpenOrderSnapshot AtVenue) : ReconciliationMismatch(Expected.Venue, Expected.Market)
{
    /// <inheritdoc />
    public override MismatchKind Kind => MismatchKind.OrderStatusDiffers;

    /// <inheritdoc />
    public override string Subject => Expected.ClientOrderId.Value;

    /// <summary>Our status.</summary>
    public OrderStatus ExpectedStatus => Expected.Status;

    /// <summary>The venue's status.</summary>
    public OrderStatus VenueStatus => AtVenue.Status;
}

/// <summary>Both sides know the order, with sizes further apart than the tolerance.</summary>
/// <param name="Expected">Our view of the order.</param>
/// <param name="AtVenue">The venue's view of the order.</param>
public sealed record OrderSizeDiffers(OpenOrderSnapshot Expected, OpenOrderSnapshot AtVenue) : ReconciliationMismatch(Expected.Venue, Expected.Market)
{
    /// <inheritdoc />
    public override MismatchKind Kind => MismatchKind.OrderSizeDiffers;

    /// <inheritdoc />
    public override string Subject => Expected.ClientOrderId.Value;

    /// <summary>Venue size minus ours.</summary>
    public decimal Difference => AtVenue.Size.Value - Expected.Size.Value;
}

/// <summary>Both sides know the order, with filled quantities further apart than the tolerance.</summary>
/// <param name="Expected">Our view of the order.</param>
/// <param name="AtVenue">The venue's view of the order.</param>
public sealed record OrderFilledDiffers(OpenOrderSnapshot Expected, OpenOrderSnapshot AtVenue) : ReconciliationMismatch(Expected.Venue, Expected.Market)
{
    /// <inheritdoc />
    public override MismatchKind Kind => MismatchKind.OrderFilledDiffers;

    /// <inheritdoc />
    public override string Subject => Expected.ClientOrderId.Value;

    /// <summary>Venue filled minus ours: positive when the venue reports fills we have not applied.</summary>
    public decimal Difference => AtVenue.Filled.Value - Expected.Filled.Value;
}
