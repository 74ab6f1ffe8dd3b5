using ActorExec.Trading.Slippage;

namespace ActorExec.Venues.Paper.Internal;

/// <summary>What the venue answers about our orders, our account and its markets.</summary>
internal sealed partial class PaperExchange
{
    private IReadOnlyList<VenueMarket>? _marketsSnapshot;

    public VenueResult<VenueOrderReport> GetOrder(VenueOrderId id, DateTimeOffset now)
    {
        Begin(now);
        if (!_orders.TryGetValue(id, out var order))
            return OrderNotFound($"'{id}'");
        Touch(order.Market, now);
        return Report(order, now);
    }

    public VenueResult<VenueOrderReport> GetOrderByClientId(ClientOrderId clientOrderId, DateTimeOffset now)
    {
        Begin(now);
        if (!_byClientId.TryGetValue(clientOrderId, out var order))
            return OrderNotFound($"with client order id '{clientOrderId}'");
        Touch(order.Market, now);
        return Report(order, now);
    }

    /// <summary>Our resting orders (in one market, or all), in placement order.</summary>
    public VenueResult<IReadOnlyList<VenueOrderReport>> GetOpenOrders(MarketId? market, DateTimeOffset now)
    {
        Begin(now);
        var open = new List<PaperOrder>();
        if (market is { } id)
        {
            if (!_markets.TryGetValue(id, out var state))
                return new VenueNotFound($"paper: Market '{id}' is not listed on {_venue}");
            Touch(state, now);
            open.AddRange(state.OpenOrders);
        }
        else
        {
            TouchAll(now);
            foreach (var state in _listing)
                open.AddRange(state.OpenOrders);
        }
        open.Sort(static (a, b) => a.Placement.CompareTo(b.Placement));
        var reports = new VenueOrderReport[open.Count];
        for (var i = 0; i < open.Count; i++)
            reports[i] = Report(open[i], now);
        return reports;
    }

    public VenueResult<FillPage> GetFills(string? cursor, int limit, DateTimeOffset now)
    {
        Begin(now);
        if (limit is < 1 or > PaperVenueDefaults.MaxFillPageSize)
            return new VenueRejected($"paper: limit {limit} is outside [1, {PaperVenueDefaults.MaxFillPageSize}]", PaperRejectCodes.InvalidLimit);
        TouchAll(now);
        return _ledger.Page(cursor, limit);
    }

    public VenueResult<IReadOnlyList<VenuePosition>> GetPositions(DateTimeOffset now)
    {
        Begin(now);
        TouchAll(now);
        return VenueResult<IReadOnlyList<VenuePosition>>.Success(_ledger.Positions());
    }

    public VenueResult<VenueHealth> GetHealth(DateTimeOffset now)
        => _faults.OutageUntil(now) is { } until
            ? new VenueHealth(VenueHealthStatus.Down, $"paper: outage until {until:O}", now)
            : new VenueHealth(VenueHealthStatus.Up, null, now);

    public VenueResult<IReadOnlyList<VenueMarket>> GetMarkets()
    {
        if (_marketsSnapshot is null)
        {
            var markets = new VenueMarket[_listing.Count];
            for (var i = 0; i < markets.Length; i++)
                markets[i] = _listing[i].ToVenueMarket();
            _marketsSnapshot = markets;
        }
        return VenueResult<IReadOnlyList<VenueMarket>>.Success(_marketsSnapshot);
    }

    /// <summary>The book aggregated per price; for binary markets the NO sides mirror the YES ones (NO ask 1 − p ⇔ YES bid p).</summary>
    public VenueResult<MarketBook> GetBook(MarketId id, DateTimeOffset now)
    {
        Begin(now);
        if (!_markets.TryGetValue(id, out var market))
            return new VenueNotFound($"paper: Market '{id}' is not listed on {_venue}");
        Touch(market, now);
        var yesBids = Levels(market.Book.Bids, mirror: false);
        var yesAsks = Levels(market.Book.Asks, mirror: false);
        IReadOnlyList<BookLevel> noBids = market.IsBinary ? Levels(market.Book.Asks, mirror: true) : [];
        IReadOnlyList<BookLevel> noAsks = market.IsBinary ? Levels(market.Book.Bids, mirror: true) : [];
        return new MarketBook(id, market.Definition.Kind, yesBids, yesAsks, noBids, noAsks, now);
    }

    public void SetOpen(MarketId id, bool isOpen)
    {
        RequireMarket(id).IsOpen = isOpen;
        _marketsSnapshot = null;
    }

    private static BookLevel[] Levels(BookSide side, bool mirror)
    {
        var levels = new BookLevel[side.LevelCount];
        for (var rank = 0; rank < levels.Length; rank++)
        {
            var level = side.LevelAt(rank);
            levels[rank] = new BookLevel(new Price(mirror ? 1m - level.Price : level.Price), new Quantity(level.Total));
        }
        return levels;
    }

    private MarketState RequireMarket(MarketId id)
        => _markets.TryGetValue(id, out var market) ? market : throw new ArgumentException($"market '{id}' is not listed on {_venue}", "market");
}
