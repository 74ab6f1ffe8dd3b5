namespace ActorExec.Venues.Remote;

/// <summary>
/// The paper exchange's HTTP routes, in one place for server and client. Per venue, under
/// <see cref="Venue"/>, one route per <see cref="IVenueAdapter"/> and <see cref="IMarketData"/> call,
/// plus the venue's records. Each template sits next to the builder of the same path.
/// </summary>
public static class PaperExchangeRoutes
{
    /// <summary><c>GET</c>: the ids of the venues the exchange serves.</summary>
    public const string Venues = "/venues";

    /// <summary>The group every per-venue route below is relative to.</summary>
    public const string Venue = "/venues/{venue}";

    /// <summary><c>GET</c>: <see cref="VenueCapabilities"/>.</summary>
    public const string Capabilities = "capabilities";

    /// <summary><c>POST</c> an <see cref="Trading.Orders.OrderIntent"/>: place.</summary>
    public const string Orders = "orders";

    /// <summary><c>GET</c>: the order by the venue's id.</summary>
    public const string Order = "orders/{order}";

    /// <summary><c>POST</c>: cancel the order.</summary>
    public const string Cancel = "orders/{order}/cancel";

    /// <summary><c>POST</c> a <see cref="ModifyOrderRequest"/>: amend the order.</summary>
    public const string Modify = "orders/{order}/modify";

    /// <summary><c>GET</c>: the order by our client order id.</summary>
    public const string OrderByClientId = "orders/by-client-id/{clientOrderId}";

    /// <summary><c>GET</c> <c>?market=</c>: our resting orders.</summary>
    public const string OpenOrders = "open-orders";

    /// <summary><c>GET</c> <c>?cursor=&amp;limit=</c>: a page of our fills.</summary>
    public const string Fills = "fills";

    /// <summary><c>GET</c>: our positions.</summary>
    public const string Positions = "positions";

    /// <summary><c>GET</c>: the venue's health.</summary>
    public const string Health = "health";

    /// <summary><c>GET</c>: the markets listed.</summary>
    public const string Markets = "markets";

    /// <summary><c>GET</c>: one market's book.</summary>
    public const string Book = "markets/{market}/book";

    /// <summary><c>GET</c>: the venue's <see cref="Paper.PaperVenueRecordsSnapshot"/>.</summary>
    public const string Records = "records";

    internal static string VenuePath(VenueId venue) => $"venues/{Escape(venue.Value)}/";

    internal static string OrderPath(VenueOrderId order) => $"orders/{Escape(order.Value)}";

    internal static string CancelPath(VenueOrderId order) => $"{OrderPath(order)}/cancel";

    internal static string ModifyPath(VenueOrderId order) => $"{OrderPath(order)}/modify";

    internal static string OrderByClientIdPath(ClientOrderId clientOrderId) => $"orders/by-client-id/{Escape(clientOrderId.Value)}";

    internal static string OpenOrdersPath(MarketId? market) => market is { } m ? $"{OpenOrders}?market={Escape(m.Value)}" : OpenOrders;

    internal static string FillsPath(string? cursor, int limit)
        => FormattableString.Invariant($"{Fills}?limit={limit}") + (cursor is null ? "" : $"&cursor={Escape(cursor)}");

    internal static string BookPath(MarketId market) => $"markets/{Escape(market.Value)}/book";

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
