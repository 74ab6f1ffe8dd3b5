using ActorExec.Trading.Orders;
using ActorExec.Venues.Paper;

namespace ActorExec.Engine.Tests.Fixtures;

/// <summary>Where a scripted adapter bug strikes a place call.</summary>
public enum AdapterFault
{
    /// <summary>The adapter throws before the request leaves: the venue never sees the order.</summary>
    ThrowBeforeSending,

    /// <summary>The adapter returns a faulted task before the request leaves (an async adapter's bug).</summary>
    FaultBeforeSending,

    /// <summary>The venue takes the order, then the adapter throws reading the answer.</summary>
    ThrowAfterTheVenueTookIt,

    /// <summary>The venue takes the order, then the adapter's task faults reading the answer.</summary>
    FaultAfterTheVenueTookIt,
}

/// <summary>
/// A paper venue behind an adapter with scripted bugs: the next N place calls throw (or fault) instead of
/// returning a <see cref="VenueResult{T}"/>, which the engine must treat as a crashed adapter. Every
/// other call passes straight through. Thread-safe.
/// </summary>
public sealed class ThrowingVenueAdapter(PaperVenue inner) : IVenueAdapter, IMarketData
{
    private readonly Lock _gate = new();
    private readonly Queue<AdapterFault> _faults = new();
    private int _thrown;

    /// <summary>The venue behind the adapter.</summary>
    public PaperVenue Inner { get; } = inner;

    /// <summary>Place calls that blew up so far.</summary>
    public int Thrown
    {
        get
        {
            lock (_gate)
                return _thrown;
        }
    }

    /// <inheritdoc />
    public VenueId Venue => Inner.Venue;

    /// <inheritdoc />
    public VenueCapabilities Capabilities => Inner.Capabilities;

    /// <summary>The next <paramref name="count"/> place calls fail with <paramref name="fault"/>.</summary>
    public void FailNextPlaces(int count, AdapterFault fault)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
                _faults.Enqueue(fault);
        }
    }

    /// <inheritdoc />
    public ValueTask<VenueResult<VenueOrderReport>> PlaceAsync(OrderIntent intent, CancellationToken cancellationToken = default)
    {
        AdapterFault fault;
        lock (_gate)
        {
            if (!_faults.TryDequeue(out fault))
                return Inner.PlaceAsync(intent, cancellationToken);
            _thrown++;
        }
        var bug = new InvalidOperationException($"adapter bug: place of {intent.ClientOrderId} blew up ({fault})");
        switch (fault)
        {
            case AdapterFault.ThrowBeforeSending:
                throw bug;
            case AdapterFault.FaultBeforeSending:
                return ValueTask.FromException<VenueResult<VenueOrderReport>>(bug);
            case AdapterFault.ThrowAfterTheVenueTookIt:
                var placing = Inner.PlaceAsync(intent, cancellationToken);
                if (placing.IsCompleted)
                    throw bug;
                return ThrowAfter(placing, bug);
            default:
                return ThrowAfter(Inner.PlaceAsync(intent, cancellationToken), bug);
        }
    }

    private static async ValueTask<VenueResult<VenueOrderReport>> ThrowAfter(ValueTask<VenueResult<VenueOrderReport>> placing, Exception bug)
    {
        await placing.ConfigureAwait(false);
        throw bug;
    }

    /// <inheritdoc />
    public ValueTask<VenueResult<VenueOrderReport>> CancelAsync(VenueOrderId order, CancellationToken cancellationToken = default)
        => Inner.CancelAsync(order, cancellationToken);

    /// <inheritdoc />
    public ValueTask<VenueResult<VenueOrderReport>> ModifyAsync(VenueOrderId order, Price? newPrice, Quantity? newSize, CancellationToken cancellationToken = default)
        => Inner.ModifyAsync(order, newPrice, newSize, cancellationToken);

    /// <inheritdoc />
    public ValueTask<VenueResult<VenueOrderReport>> GetOrderAsync(VenueOrderId order, CancellationToken cancellationToken = default)
        => Inner.GetOrderAsync(order, cancellationToken);

    /// <inheritdoc />
    public ValueTask<VenueResult<VenueOrderReport>> FindOrderAsync(OrderIntent intent, CancellationToken cancellationToken = default)
        => Inner.FindOrderAsync(intent, cancellationToken);

    /// <inheritdoc />
    public ValueTask<VenueResult<IReadOnlyList<VenueOrderReport>>> GetOpenOrdersAsync(MarketId? market = null, CancellationToken cancellationToken = default)
        => Inner.GetOpenOrdersAsync(market, cancellationToken);

    /// <inheritdoc />
    public ValueTask<VenueResult<FillPage>> GetFillsAsync(string? cursor, int limit, CancellationToken cancellationToken = default)
        => Inner.GetFillsAsync(cursor, limit, cancellationToken);

    /// <inheritdoc />
    public ValueTask<VenueResult<IReadOnlyList<VenuePosition>>> GetPositionsAsync(CancellationToken cancellationToken = default)
        => Inner.GetPositionsAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask<VenueResult<VenueHealth>> GetHealthAsync(CancellationToken cancellationToken = default)
        => Inner.GetHealthAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask<VenueResult<IReadOnlyList<VenueMarket>>> GetMarketsAsync(CancellationToken cancellationToken = default)
        => Inner.GetMarketsAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask<VenueResult<MarketBook>> GetBookAsync(MarketId market, CancellationToken cancellationToken = default)
        => Inner.GetBookAsync(market, cancellationToken);
}
