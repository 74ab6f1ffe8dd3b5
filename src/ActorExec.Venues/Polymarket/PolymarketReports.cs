using System.Globalization;
using ActorExec.Trading.Orders;

namespace ActorExec.Venues.Polymarket;

/// <summary>Turns the CLOB's orders and trades into our reports and fills.</summary>
internal static class PolymarketReports
{
    /// <summary>
    /// The report of one order from the CLOB's order and its trades. A FAILED settlement keeps the fills
    /// in the report, as <see cref="Paper.PaperVenue"/> does: the status Failed is what voids them (the
    /// engine turns it into a chain-reverted failure), and the fills stay identifiable by id.
    /// </summary>
    /// <param name="order">The CLOB's order.</param>
    /// <param name="trades">Its trades (those in <c>associate_trades</c>).</param>
    /// <param name="market">The market it trades.</param>
    /// <param name="call">The call that answered it, for messages.</param>
    /// <param name="previous">The settlement status last reported for it (RETRYING keeps it).</param>
    /// <param name="now">The current time: a GTD order cancelled at or after its expiration is reported Expired (the CLOB has no EXPIRED status).</param>
    public static VenueResult<VenueOrderReport> Order(ClobOrder order, IReadOnlyList<ClobTrade> trades, PolymarketMarket market, string call, VenueOrderStatus? previous, DateTimeOffset now)
    {
        var status = PolymarketStatuses.Normalize(order.Status);
        var side = SideOf(order.Side);
        var outcome = market.OutcomeOf(order.AssetId);
        if (side is null || outcome is null)
            return new VenueUnavailable($"polymarket: {call} described order {order.Id} with side '{order.Side}' and token {order.AssetId}, which is not a side or a token of market {market.Market}");

        var fills = new List<VenueFill>();
        var settlement = new List<VenueOrderStatus>();
        string? transaction = null;
        var updated = DateTimeOffset.FromUnixTimeSeconds(order.CreatedAt);
        foreach (var trade in trades)
        {
            if (PolymarketStatuses.OfTrade(trade.Status, previous) is not { } tradeStatus)
                return UnknownStatus($"trade status '{trade.Status}' (trade {trade.Id})", order.Id, call);
            settlement.Add(tradeStatus);
            transaction = string.IsNullOrEmpty(trade.TransactionHash) ? transaction : trade.TransactionHash;
            foreach (var fill in FillsOf(trade, market, o => o == order.Id))
            {
                fills.Add(fill);
                updated = fill.At > updated ? fill.At : updated;
            }
            if (Seconds(trade.LastUpdate) is { } last && last > updated)
                updated = last;
        }
        fills.Sort(static (a, b) => a.At.CompareTo(b.At));

        VenueOrderStatus ours;
        if (status == "MATCHED")
            ours = PolymarketStatuses.Combine(settlement);
        else if (PolymarketStatuses.OfOrder(status, order.SizeMatched) is { } known)
            ours = known == VenueOrderStatus.Cancelled && status == "CANCELED" && Seconds(order.Expiration) is { } expiry && expiry.ToUnixTimeSeconds() > 0 && expiry <= now
                ? VenueOrderStatus.Expired
                : known;
        else
            return UnknownStatus($"order status '{order.Status}'", order.Id, call);

        var detail = ours switch
        {
            VenueOrderStatus.Failed => "settlement failed on chain (trade status FAILED)",
            VenueOrderStatus.Rejected => "the CLOB marked the order INVALID",
            VenueOrderStatus.Cancelled when status == "CANCELED_MARKET_RESOLVED" => "cancelled: the market resolved",
            VenueOrderStatus.Expired => $"GTD order expired at {Seconds(order.Expiration):O}",
            _ => null,
        };
        return new VenueOrderReport(new VenueOrderId(order.Id), null, market.Market, side.Value, outcome, ours,
            new Quantity(order.OriginalSize), new Quantity(Math.Min(order.SizeMatched, order.OriginalSize)), new Price(order.Price),
            fills, detail, ours is VenueOrderStatus.Mined or VenueOrderStatus.Confirmed or VenueOrderStatus.Failed ? transaction : null, updated);
    }

    /// <summary>Our fills in one trade: the taker's side when <paramref name="ours"/> owns the taker order, and each maker order it owns.</summary>
    public static IEnumerable<VenueFill> FillsOf(ClobTrade trade, PolymarketMarket market, Func<string, bool> ours)
    {
        var at = Seconds(trade.MatchTime) ?? DateTimeOffset.UnixEpoch;
        if (ours(trade.TakerOrderId) && SideOf(trade.Side) is { } takerSide && market.OutcomeOf(trade.AssetId) is { } takerOutcome && trade.Size > 0)
            yield return Fill(trade.Id, trade.TakerOrderId, market, takerSide, takerOutcome, trade.Size, trade.Price, trade.FeeRateBps, false, at);
        foreach (var maker in trade.MakerOrders ?? [])
        {
            if (ours(maker.OrderId) && SideOf(maker.Side ?? "") is { } makerSide && market.OutcomeOf(maker.AssetId) is { } makerOutcome && maker.MatchedAmount > 0)
                yield return Fill(trade.Id, maker.OrderId, market, makerSide, makerOutcome, maker.MatchedAmount, maker.Price, maker.FeeRateBps, true, at);
        }
    }

    /// <summary>Polymarket's fee: rate × min(price, 1 − price) × shares (docs.polymarket.com, trading fees).</summary>
    /// <remarks>
    /// UNVERIFIED for CLOB V2: V2 no longer signs a fee; the operator sets it at match time ("Migrating to CLOB V2")
    /// from the market's fee details (<c>GET /clob-markets/{condition_id}</c> <c>fd</c>: rate r, exponent e; the
    /// py-clob-client-v2 estimate is shares × r × (p(1 − p))^e). This still reads the trade's <c>fee_rate_bps</c>
    /// with the V1 formula; whether V2 trades carry the charged fee differently is not documented in what was read.
    /// </remarks>
    private static VenueFill Fill(string tradeId, string orderId, PolymarketMarket market, Side side, Outcome outcome, decimal size, decimal price, decimal feeRateBps, bool isMaker, DateTimeOffset at)
        => new(new FillId($"{tradeId}:{orderId}"), new VenueOrderId(orderId), null, market.Market, side, outcome, new Quantity(size), new Price(price),
            feeRateBps / 10_000m * Math.Min(price, 1m - price) * size, isMaker, at);

    public static Side? SideOf(string side) => side.ToUpperInvariant() switch
    {
        "BUY" => Side.Buy,
        "SELL" => Side.Sell,
        _ => null,
    };

    private static DateTimeOffset? Seconds(string? unix)
        => long.TryParse(unix, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? DateTimeOffset.FromUnixTimeSeconds(s) : null;

    private static VenueUnavailable UnknownStatus(string what, string orderId, string call)
        => new($"polymarket: {call} reported {what} for order {orderId}, which this adapter does not know; the order is kept and asked about again");
}
