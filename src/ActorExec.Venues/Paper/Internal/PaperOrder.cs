using ActorExec.Trading.Orders;

namespace ActorExec.Venues.Paper.Internal;

/// <summary>Where one of our orders is in its life at the paper venue.</summary>
internal enum OrderPhase
{
    /// <summary>Being matched or resting in the book.</summary>
    Working,
    /// <summary>Fully matched; on chain venues the settlement timeline follows.</summary>
    Matched,
    /// <summary>Cancelled by request, or the remainder of an immediate order.</summary>
    Cancelled,
    /// <summary>A GTD order that reached its expiry.</summary>
    Expired,
}

/// <summary>
/// One of our orders at the venue: its terms in its own outcome, its state and its fills. Books
/// work in YES terms; <see cref="IsBid"/> and <see cref="ToYes"/> translate (a price and its YES
/// counterpart are mirror images, so the same function converts both ways).
/// </summary>
internal sealed class PaperOrder
{
    private readonly List<VenueFill> _fills = [];
    private VenueFill[]? _fillsSnapshot;

    public PaperOrder(OrderIntent intent, VenueOrderId id, long placement, MarketState market, DateTimeOffset now)
    {
        Intent = intent;
        Id = id;
        Placement = placement;
        Market = market;
        IsNo = intent.Outcome == Outcome.No;
        IsBid = IsYesBid(intent);
        Size = intent.Size.Value;
        LimitPrice = intent.LimitPrice;
        UpdatedAt = now;
    }

    public OrderIntent Intent { get; }

    public VenueOrderId Id { get; }

    /// <summary>The order's rank among the venue's placements (the counter in its id).</summary>
    public long Placement { get; }

    public MarketState Market { get; }

    /// <summary>True for a NO order on a binary market: prices are mirrored into the YES book.</summary>
    public bool IsNo { get; }

    /// <summary>True when the order sits on the YES bid side (Buy YES, Sell NO, or a linear buy).</summary>
    public bool IsBid { get; }

    public decimal Size { get; set; }

    public decimal Filled { get; private set; }

    public decimal Remaining => Size - Filled;

    /// <summary>The limit in the order's own terms (null for market orders).</summary>
    public Price? LimitPrice { get; set; }

    /// <summary>The limit in YES terms (null for market orders).</summary>
    public decimal? YesLimit => LimitPrice is { } limit ? ToYes(limit.Value) : null;

    public OrderPhase Phase { get; set; }

    public string? Detail { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The order's node in the book while it rests.</summary>
    public BookOrder? Resting { get; set; }

    /// <summary>When the order became fully matched.</summary>
    public DateTimeOffset MatchedAt { get; set; }

    /// <summary>True when the (on chain) settlement will revert.</summary>
    public bool SettlementFails { get; set; }

    public string? TransactionHash { get; set; }

    public IReadOnlyList<VenueFill> Fills => _fillsSnapshot ??= [.. _fills];

    /// <summary>True when an intent rests on the YES bid side: buying YES (or a linear instrument) or selling NO.</summary>
    public static bool IsYesBid(OrderIntent intent) => (intent.Side == Side.Buy) == (intent.Outcome != Outcome.No);

    /// <summary>Converts between the order's own price and the YES price (1 − p for NO orders).</summary>
    public decimal ToYes(decimal price) => IsNo ? 1m - price : price;

    public void AddFill(VenueFill fill)
    {
        _fills.Add(fill);
        _fillsSnapshot = null;
        Filled += fill.Quantity.Value;
        UpdatedAt = fill.At;
    }

    public VenueOrderReport ToReport(VenueOrderStatus status, DateTimeOffset updatedAt, string? detail, string? transactionHash) => new(
        Id, Intent.ClientOrderId, Market.Id, Intent.Side, Intent.Outcome, status, new Quantity(Size), new Quantity(Filled),
        LimitPrice, Fills, detail, transactionHash, updatedAt);
}
