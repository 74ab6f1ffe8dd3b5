using ActorExec.Trading.Orders;

namespace ActorExec.Venues.Kalshi;

/// <summary>
/// Our orders in Kalshi's terms and back. Kalshi's <c>side</c> is the outcome (yes/no) and its
/// <c>action</c> our side (buy/sell); each order carries the price of both outcomes
/// (<c>yes_price_dollars</c>, <c>no_price_dollars</c>) and we read the one of its own side.
/// </summary>
internal static class KalshiOrderMapping
{
    /// <summary>
    /// The create-order body. Kalshi's current create-order endpoint takes a price on every order (the
    /// legacy <c>type: market</c> is gone from docs.kalshi.com/api-reference/orders/create-order), so our
    /// market order is sent as a marketable limit at the market's worst valid price (buy at the highest,
    /// sell at the lowest) and never rests: GTC/GTD become immediate_or_cancel, FOK stays fill_or_kill.
    /// The engine's slippage guard, not this price, bounds what a market order pays. GTD is
    /// good_till_canceled with <c>expiration_ts</c> (seconds), as the same page prescribes; FAK is IOC.
    /// </summary>
    public static VenueResult<KalshiCreateOrder> ToCreate(OrderIntent intent, string ticker, InstrumentRules rules)
    {
        if (intent.Outcome is not { } outcome)
            return new VenueRejected($"kalshi: order {intent.ClientOrderId} in {intent.Market} has no outcome; Kalshi markets are binary (YES/NO)", "invalid_outcome");
        decimal price;
        if (intent.Type == OrderType.Market)
            price = intent.Side == Side.Buy ? rules.MaxPrice : rules.MinPrice;
        else if (intent.LimitPrice is { } limit)
            price = limit.Value;
        else
            return new VenueRejected($"kalshi: {intent.Type} order {intent.ClientOrderId} in {intent.Market} has no limit price", "invalid_price");

        var timeInForce = (intent.Type, intent.TimeInForce) switch
        {
            (_, TimeInForce.Fok) => "fill_or_kill",
            (_, TimeInForce.Ioc or TimeInForce.Fak) => "immediate_or_cancel",
            (OrderType.Market, _) => "immediate_or_cancel",
            _ => "good_till_canceled",
        };
        long? expiration = null;
        if (intent.TimeInForce == TimeInForce.Gtd && intent.Type != OrderType.Market)
        {
            if (intent.ExpiresAt is not { } expiresAt)
                return new VenueRejected($"kalshi: GTD order {intent.ClientOrderId} in {intent.Market} has no expiry", "invalid_expiry");
            expiration = expiresAt.ToUnixTimeSeconds();
        }
        var text = KalshiJson.Dollars(price);
        return new KalshiCreateOrder(
            ticker,
            intent.ClientOrderId.Value,
            SideOf(outcome),
            ActionOf(intent.Side),
            KalshiJson.Count(intent.Size.Value),
            timeInForce,
            outcome == Outcome.Yes ? text : null,
            outcome == Outcome.No ? text : null,
            expiration,
            intent.Type == OrderType.PostOnly);
    }

    public static string SideOf(Outcome outcome) => outcome == Outcome.Yes ? "yes" : "no";

    public static string ActionOf(Side side) => side == Side.Buy ? "buy" : "sell";

    /// <summary>
    /// A Kalshi order as our report. Statuses (docs.kalshi.com/api-reference/orders/get-orders: resting,
    /// canceled, executed; pending in older revisions): resting → Open or PartiallyFilled by its fill
    /// count; pending → Open; canceled → Cancelled, keeping what filled; executed → Confirmed, because
    /// Kalshi settles on match. Any other status is an error naming it: dropping or guessing would lose
    /// the order, whereas an Unavailable error makes the engine keep it and ask again.
    /// </summary>
    public static VenueResult<VenueOrderReport> ToReport(KalshiOrder order, string call, Func<string, MarketId> marketOf, IReadOnlyList<VenueFill> fills, DateTimeOffset now)
    {
        var id = order.OrderId;
        if (string.IsNullOrWhiteSpace(id))
            return Malformed(call, "an order without order_id");
        if (string.IsNullOrWhiteSpace(order.Ticker))
            return Malformed(call, $"order {id} has no ticker");
        if (OutcomeOf(order.Side) is not { } outcome)
            return Malformed(call, $"order {id} has side '{order.Side}', expected yes or no");
        if (SideOfAction(order.Action) is not { } side)
            return Malformed(call, $"order {id} has action '{order.Action}', expected buy or sell");
        if (!KalshiJson.TryParse(order.FillCountFp, out var filled) || filled < 0)
            return Malformed(call, $"order {id} has fill_count_fp '{order.FillCountFp}'");
        KalshiJson.TryParse(order.RemainingCountFp, out var remaining);
        var size = KalshiJson.TryParse(order.InitialCountFp, out var initial) && initial > 0 ? initial : filled + Math.Max(remaining, 0);
        if (size <= 0)
            return Malformed(call, $"order {id} has neither initial_count_fp nor a positive fill + remaining count");

        VenueOrderStatus status;
        switch (order.Status)
        {
            case "resting":
                status = filled > 0 ? VenueOrderStatus.PartiallyFilled : VenueOrderStatus.Open;
                break;
            case "pending":
                status = VenueOrderStatus.Open;
                break;
            case "canceled":
                status = VenueOrderStatus.Cancelled;
                break;
            case "executed":
                status = VenueOrderStatus.Confirmed;
                break;
            default:
                return new VenueUnavailable(
                    $"kalshi: {call} reported order {id} (client order id {order.ClientOrderId ?? "none"}) in unknown status '{order.Status}'; " +
                    "the order is kept as it was and must be asked about again", 200);
        }

        var priceText = outcome == Outcome.Yes ? order.YesPriceDollars : order.NoPriceDollars;
        Price? limit = KalshiJson.TryParse(priceText, out var p) && p > 0 ? new Price(p) : null;
        ClientOrderId? client = string.IsNullOrEmpty(order.ClientOrderId) ? null : new ClientOrderId(order.ClientOrderId);
        return new VenueOrderReport(
            new VenueOrderId(id), client, marketOf(order.Ticker), side, outcome, status,
            new Quantity(size), new Quantity(filled), limit, fills,
            status == VenueOrderStatus.Cancelled ? "cancelled at Kalshi" : null, null,
            order.LastUpdateTime ?? order.CreatedTime ?? now);
    }

    /// <summary>A Kalshi fill as ours: trade/fill id, price in the order's own outcome, maker when not taker.</summary>
    public static VenueResult<VenueFill> ToFill(KalshiFill fill, string call, Func<string, MarketId> marketOf, ClientOrderId? client)
    {
        var id = fill.FillId ?? fill.TradeId;
        if (string.IsNullOrWhiteSpace(id))
            return Malformed(call, "a fill without fill_id or trade_id");
        if (string.IsNullOrWhiteSpace(fill.OrderId) || string.IsNullOrWhiteSpace(fill.Ticker))
            return Malformed(call, $"fill {id} has no order_id or ticker");
        if (OutcomeOf(fill.Side) is not { } outcome)
            return Malformed(call, $"fill {id} has side '{fill.Side}', expected yes or no");
        if (SideOfAction(fill.Action) is not { } side)
            return Malformed(call, $"fill {id} has action '{fill.Action}', expected buy or sell");
        if (!KalshiJson.TryParse(fill.CountFp, out var count) || count <= 0)
            return Malformed(call, $"fill {id} has count_fp '{fill.CountFp}'");
        var priceText = outcome == Outcome.Yes ? fill.YesPriceDollars : fill.NoPriceDollars;
        if (!KalshiJson.TryParse(priceText, out var price) || price <= 0)
            return Malformed(call, $"fill {id} has {(outcome == Outcome.Yes ? "yes" : "no")}_price_dollars '{priceText}'");
        if (fill.CreatedTime is not { } at)
            return Malformed(call, $"fill {id} has no created_time");
        KalshiJson.TryParse(fill.FeeCost, out var fee);
        return new VenueFill(
            new FillId(id), new VenueOrderId(fill.OrderId), client, marketOf(fill.Ticker), side, outcome,
            new Quantity(count), new Price(price), fee, IsMaker: fill.IsTaker == false, at);
    }

    public static Outcome? OutcomeOf(string? side) => side switch { "yes" => Outcome.Yes, "no" => Outcome.No, _ => null };

    public static Side? SideOfAction(string? action) => action switch { "buy" => Side.Buy, "sell" => Side.Sell, _ => null };

    private static VenueUnavailable Malformed(string call, string problem)
        => new($"kalshi: malformed answer to {call}: {problem}", 200);
}
