using System.Collections.Immutable;
using ActorExec.Trading.Positions;

namespace ActorExec.Trading.Reconciliation;

/// <summary>
/// Compares what we believe (positions and open orders) with what a venue reports, and lists every
/// disagreement as a typed <see cref="ReconciliationMismatch"/>. Pure: the caller fetches both sides.
/// </summary>
/// <remarks>
/// Results are sorted by venue, market (ordinal), kind, then subject (ordinal), so two runs over the
/// same data report identical lists. Pass only orders each side considers open: an order we still
/// hold as <see cref="Orders.OrderStatus.Pending"/> and the venue has not seen yet is reported missing.
/// </remarks>
public sealed class Reconciler
{
    /// <summary>The order mismatches are reported in.</summary>
    public static readonly IComparer<ReconciliationMismatch> ReportOrder = Comparer<ReconciliationMismatch>.Create(Compare);

    private readonly ReconciliationOptions _options;

    /// <summary>Creates a reconciler after validating <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public Reconciler(ReconciliationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>The validated options comparisons use.</summary>
    public ReconciliationOptions Options => _options;

    /// <summary>All position and order mismatches, in <see cref="ReportOrder"/>.</summary>
    /// <exception cref="ArgumentException">A client order id appears twice on one side.</exception>
    public ImmutableArray<ReconciliationMismatch> Reconcile(
        IReadOnlyDictionary<PositionKey, decimal> expectedPositions,
        IReadOnlyDictionary<PositionKey, decimal> venuePositions,
        IEnumerable<OpenOrderSnapshot> expectedOrders,
        IEnumerable<OpenOrderSnapshot> venueOrders)
        => [.. ComparePositions(expectedPositions, venuePositions).Concat(CompareOrders(expectedOrders, venueOrders)).Order(ReportOrder)];

    /// <summary>
    /// Position mismatches: every key on either side (absent means zero) whose |venue − ours| exceeds
    /// the tolerance; a difference exactly at the tolerance is a match.
    /// </summary>
    public ImmutableArray<ReconciliationMismatch> ComparePositions(
        IReadOnlyDictionary<PositionKey, decimal> expected,
        IReadOnlyDictionary<PositionKey, decimal> atVenue)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(atVenue);
        var mismatches = ImmutableArray.CreateBuilder<ReconciliationMismatch>();
        foreach (var key in expected.Keys.Union(atVenue.Keys))
        {
            var ours = expected.GetValueOrDefault(key);
            var theirs = atVenue.GetValueOrDefault(key);
            if (Math.Abs(theirs - ours) > _options.PositionTolerance)
                mismatches.Add(new PositionMismatch(key, ours, theirs));
        }
        mismatches.Sort(ReportOrder);
        return mismatches.ToImmutable();
    }

    /// <summary>
    /// Order mismatches by client order id: missing at the venue, unexpected at the venue, and for
    /// orders on both sides a differing status, size or filled quantity (one record each).
    /// </summary>
    /// <exception cref="ArgumentException">A client order id appears twice on one side.</exception>
    public ImmutableArray<ReconciliationMismatch> CompareOrders(IEnumerable<OpenOrderSnapshot> expected, IEnumerable<OpenOrderSnapshot> atVenue)
    {
        var ours = Index(expected, nameof(expected));
        var theirs = Index(atVenue, nameof(atVenue));
        var mismatches = ImmutableArray.CreateBuilder<ReconciliationMismatch>();
        foreach (var (id, mine) in ours)
        {
            if (!theirs.TryGetValue(id, out var venue))
            {
                mismatches.Add(new OrderMissingAtVenue(mine));
                continue;
            }
            if (mine.Status != venue.Status)
                mismatches.Add(new OrderStatusDiffers(mine, venue));
            if (Math.Abs(venue.Size.Value - mine.Size.Value) > _options.OrderQuantityTolerance)
                mismatches.Add(new OrderSizeDiffers(mine, venue));
            if (Math.Abs(venue.Filled.Value - mine.Filled.Value) > _options.OrderQuantityTolerance)
                mismatches.Add(new OrderFilledDiffers(mine, venue));
        }
        foreach (var (id, venue) in theirs)
        {
            if (!ours.ContainsKey(id))
                mismatches.Add(new OrderUnexpectedAtVenue(venue));
        }
        mismatches.Sort(ReportOrder);
        return mismatches.ToImmutable();
    }

    private static Dictionary<ClientOrderId, OpenOrderSnapshot> Index(IEnumerable<OpenOrderSnapshot> orders, string side)
    {
        ArgumentNullException.ThrowIfNull(orders, side);
        var index = new Dictionary<ClientOrderId, OpenOrderSnapshot>();
        foreach (var order in orders)
        {
            ArgumentNullException.ThrowIfNull(order, side);
            // Two entries for one id cannot both be compared; guessing which is right would hide a bug upstream.
            if (!index.TryAdd(order.ClientOrderId, order))
                throw new ArgumentException($"{side} lists client order id '{order.ClientOrderId}' more than once", side);
        }
        return index;
    }

    private static int Compare(ReconciliationMismatch? x, ReconciliationMismatch? y)
    {
        if (ReferenceEquals(x, y))
            return 0;
        if (x is null)
            return -1;
        if (y is null)
            return 1;
        var byVenue = string.CompareOrdinal(x.Venue.Value, y.Venue.Value);
        if (byVenue != 0)
            return byVenue;
        var byMarket = string.CompareOrdinal(x.Market.Value, y.Market.Value);
        if (byMarket != 0)
            return byMarket;
        var byKind = x.Kind.CompareTo(y.Kind);
        return byKind != 0 ? byKind : string.CompareOrdinal(x.Subject, y.Subject);
    }
}
