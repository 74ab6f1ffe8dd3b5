using System.Collections.Frozen;
using ActorExec.Trading.Orders;
using ActorExec.Venues.Paper.Internal;

namespace ActorExec.Venues.Paper;

/// <summary>
/// A simulated exchange: one price-time priority limit order book per market (binary books kept in
/// YES terms, as Kalshi does), a seeded liquidity provider, fees, on-chain settlement, latency and
/// faults, all driven by the options' <see cref="TimeProvider"/> and seed so that the same calls at the
/// same virtual times give the same answers.
/// </summary>
/// <remarks>
/// <para>Thread-safe: one lock per venue guards all state and is never held across an await. With zero
/// latency every call completes synchronously. With latency, a request reaches the venue (is counted,
/// fault-checked and processed) when the latency has passed on the clock, inside the clock's timer
/// callback, so a virtual clock's <c>Advance</c> returns with the call processed; cancelling before
/// then means the venue never sees it, cancelling later only abandons the answer.</para>
/// <para>Two participants trade: our account (every order placed here) and the liquidity provider.
/// Our orders may match each other (no self-trade prevention); positions may go short (no balance
/// checks). Orders that fill partly and then end Cancelled or Expired are not settled at order level:
/// their fills stand.</para>
/// <para>Programming errors (null or default ids, null intents) throw <see cref="ArgumentException"/>;
/// everything the venue refuses (invalid terms, unknown markets, bad cursors or page sizes) is a
/// <see cref="VenueRejected"/> with a <see cref="PaperRejectCodes"/> code, or <see cref="VenueNotFound"/>.</para>
/// </remarks>
public sealed partial class PaperVenue : IVenueAdapter, IMarketData
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly PaperExchange _exchange;
    private readonly PaperLatencyOptions _latency;
    private readonly Random _latencyRandom;

    /// <summary>Builds a venue; markets are first quoted when first touched.</summary>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="PaperVenueOptions.Validate"/>).</exception>
    public PaperVenue(PaperVenueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _time = options.TimeProvider;
        _latency = options.Latency;
        _latencyRandom = new Random(Seeds.Derive(options.Seed, Seeds.Latency));
        Capabilities = new VenueCapabilities(
            options.SettlesOnChain, options.DefaultRules, options.TakerFees, options.MakerFees, options.SupportsModify,
            options.OrderTypes.ToFrozenSet(), options.TimesInForce.ToFrozenSet());
        Records = new PaperVenueRecords(_gate);
        Faults = new PaperFaultController(_gate, _time, options.Faults, options.Seed);
        _exchange = new PaperExchange(options, Capabilities, Records, Faults, _time.GetUtcNow());
    }

    /// <inheritdoc />
    public VenueId Venue => Options.Venue;

    /// <inheritdoc />
    public VenueCapabilities Capabilities { get; }

    /// <summary>The options the venue was built with.</summary>
    public PaperVenueOptions Options { get; }

    /// <summary>Faults to inject at run time (outages, failing or timing-out calls, lost acknowledgements).</summary>
    public PaperFaultController Faults { get; }

    /// <summary>What happened at the venue: placements, duplicates refused, calls received.</summary>
    public PaperVenueRecords Records { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The intent is null or carries a default id.</exception>
    public ValueTask<VenueResult<VenueOrderReport>> PlaceAsync(OrderIntent intent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intent);
        if (intent.OrderId.Value is null || intent.ClientOrderId.Value is null || intent.Venue.Value is null || intent.Market.Value is null)
            throw new ArgumentException("intent carries a default id: OrderId, ClientOrderId, Venue and Market must all be set", nameof(intent));
        return Call(CallKind.Place, intent, static (x, i, now) => x.Place(i, now), cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The id is a default value.</exception>
    public ValueTask<VenueResult<VenueOrderReport>> CancelAsync(VenueOrderId order, CancellationToken cancellationToken = default)
    {
        RequireId(order.Value, nameof(order));
        return Call(CallKind.Cancel, order, static (x, id, now) => x.Cancel(id, now), cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The id, price or size is a default value.</exception>
    public ValueTask<VenueResult<VenueOrderReport>> ModifyAsync(VenueOrderId order, Price? newPrice, Quantity? newSize, CancellationToken cancellationToken = default)
    {
        RequireId(order.Value, nameof(order));
        if (newPrice is { Value: 0 })
            throw new ArgumentException("newPrice is a default Price (zero); pass null to keep the price", nameof(newPrice));
        return Call(CallKind.Modify, (order, newPrice, newSize), static (x, a, now) => x.Modify(a.order, a.newPrice, a.newSize, now), cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The id is a default value.</exception>
    public ValueTask<VenueResult<VenueOrderReport>> GetOrderAsync(VenueOrderId order, CancellationToken cancellationToken = default)
    {
        RequireId(order.Value, nameof(order));
        return Call(CallKind.Query, order, static (x, id, now) => x.GetOrder(id, now), cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException">The intent is null.</exception>
    public ValueTask<VenueResult<VenueOrderReport>> FindOrderAsync(OrderIntent intent, CancellationToken cancellationToken = default)
        => GetOrderByClientIdAsync((intent ?? throw new ArgumentNullException(nameof(intent))).ClientOrderId, cancellationToken);

    /// <summary>The venue's current view of an order, by our client order id; <see cref="VenueErrorKind.NotFound"/> when the venue never saw it.</summary>
    /// <exception cref="ArgumentException">The id is a default value.</exception>
    public ValueTask<VenueResult<VenueOrderReport>> GetOrderByClientIdAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken = default)
    {
        RequireId(clientOrderId.Value, nameof(clientOrderId));
        return Call(CallKind.Query, clientOrderId, static (x, id, now) => x.GetOrderByClientId(id, now), cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The market is a default id.</exception>
    public ValueTask<VenueResult<IReadOnlyList<VenueOrderReport>>> GetOpenOrdersAsync(MarketId? market = null, CancellationToken cancellationToken = default)
    {
        if (market is { } id)
            RequireId(id.Value, nameof(market));
        return Call(CallKind.Query, market, static (x, m, now) => x.GetOpenOrders(m, now), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The cursor is the text of the last returned fill's sequence number; a cursor the venue never handed out, or a limit outside [1, 1000], is a <see cref="VenueRejected"/>.</remarks>
    public ValueTask<VenueResult<FillPage>> GetFillsAsync(string? cursor, int limit, CancellationToken cancellationToken = default)
        => Call(CallKind.Fills, (cursor, limit), static (x, a, now) => x.GetFills(a.cursor, a.limit, now), cancellationToken);

    /// <inheritdoc />
    public ValueTask<VenueResult<IReadOnlyList<VenuePosition>>> GetPositionsAsync(CancellationToken cancellationToken = default)
        => Call(CallKind.Positions, 0, static (x, _, now) => x.GetPositions(now), cancellationToken);

    /// <inheritdoc />
    /// <remarks>During an outage this answers Down (rather than failing like every other call).</remarks>
    public ValueTask<VenueResult<VenueHealth>> GetHealthAsync(CancellationToken cancellationToken = default)
        => Call(CallKind.Health, 0, static (x, _, now) => x.GetHealth(now), cancellationToken);

    /// <inheritdoc />
    public ValueTask<VenueResult<IReadOnlyList<VenueMarket>>> GetMarketsAsync(CancellationToken cancellationToken = default)
        => Call(CallKind.Markets, 0, static (x, _, _) => x.GetMarkets(), cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The market is a default id.</exception>
    public ValueTask<VenueResult<MarketBook>> GetBookAsync(MarketId market, CancellationToken cancellationToken = default)
    {
        RequireId(market.Value, nameof(market));
        return Call(CallKind.Book, market, static (x, m, now) => x.GetBook(m, now), cancellationToken);
    }

    private static void RequireId(string? value, string parameter)
    {
        if (value is null)
            throw new ArgumentException($"{parameter} is a default (empty) id", parameter);
    }
}
