using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using ActorExec.Trading.Orders;
using ActorExec.Venues.Polymarket;
using ActorExec.Venues.Polymarket.Signing;
using Microsoft.AspNetCore.Http;

namespace ActorExec.Venues.TestServers.Polymarket;

/// <summary>Order placement, cancellation and queries, answered from the paper venue.</summary>
public sealed partial class PolymarketTestServer
{
    private async Task<IResult> PostOrderAsync(HttpContext context, string body)
    {
        ClobPostOrder? post;
        try
        {
            post = JsonSerializer.Deserialize<ClobPostOrder>(body, PolymarketJson.Options);
        }
        catch (JsonException e)
        {
            return Error(400, $"Invalid order payload: {e.Message}");
        }
        if (post?.Order is not { } wire)
            return Error(400, "Invalid order payload");
        if (post.Owner != Options.ApiKey)
            return Error(400, "the order's owner is not the API key of the request", PolymarketErrors.Invalid);
        if (!_tokens.TryGetValue(wire.TokenId, out var token))
            return Error(400, "Invalid token id", PolymarketErrors.Invalid);

        if (V2Order(wire) is not var (order, expiration))
            return Error(400, "Invalid order payload: a V2 order needs salt, maker, signer, tokenId, makerAmount, takerAmount, side BUY/SELL, expiration, signatureType, timestamp, metadata and builder", PolymarketErrors.Invalid);
        // CLOB V2 verifies the V2 struct in the V2 exchange's domain (neg-risk markets: the neg-risk V2 exchange);
        // a V1-signed order recovers to another address and is refused. No freshness rule is applied to the
        // signed timestamp: the CLOB documents none (see PolymarketOrderBuilder).
        var exchange = token.Market.NegRisk ? PolymarketExchange.NegRiskCtfExchangeV2(Options.ChainId) : PolymarketExchange.CtfExchangeV2(Options.ChainId);
        if (SignatureProblem(order, wire.Signature, exchange) is { } problem)
            return Error(400, $"invalid order signature: {problem}", PolymarketErrors.Invalid);
        var id = "0x" + Convert.ToHexStringLower(PolymarketOrderSigning.Digest(order, exchange));
        if (_orders.ContainsKey(id))
            return Error(400, $"order {id} is invalid. Duplicated.", PolymarketErrors.Duplicated);

        var isBuy = order.Side == PolymarketOrderSide.Buy;
        var shares = (decimal)(isBuy ? order.TakerAmount : order.MakerAmount) / PolymarketDefaults.TokenUnit;
        var usdc = (decimal)(isBuy ? order.MakerAmount : order.TakerAmount) / PolymarketDefaults.TokenUnit;
        var price = shares == 0 ? 0 : usdc / shares;
        var tick = token.Market.TickSize;
        if (price < tick || price > 1 - tick || price % tick != 0)
            return Error(400, $"order {id} is invalid. Price ({price.ToString(CultureInfo.InvariantCulture)}) breaks minimum tick size rule: {tick.ToString(CultureInfo.InvariantCulture)}", PolymarketErrors.MinTickSize);
        if (shares < token.Market.MinimumOrderSize)
            return Error(400, $"order {id} is invalid. Size ({shares.ToString(CultureInfo.InvariantCulture)}) lower than the minimum: {token.Market.MinimumOrderSize.ToString(CultureInfo.InvariantCulture)}", PolymarketErrors.MinSize);
        if (TimeInForceOf(post.OrderType) is not { } timeInForce)
            return Error(400, $"invalid order type '{post.OrderType}'", PolymarketErrors.Invalid);

        var key = id[2..];
        var intent = new OrderIntent(new OrderId(key), new ClientOrderId(key), PaperVenueId, new MarketId(token.Market.ConditionId), isBuy ? Side.Buy : Side.Sell,
            token.Outcome, post.PostOnly == true ? OrderType.PostOnly : OrderType.Limit, timeInForce, new Quantity(shares), new Price(price),
            timeInForce == TimeInForce.Gtd ? DateTimeOffset.FromUnixTimeSeconds(expiration) : null);
        var placed = await Paper.PlaceAsync(intent).ConfigureAwait(false);
        if (!placed.TryGetValue(out var report, out var refused))
            return Error(400, $"order {id} is invalid: {refused.Message}", refused is VenueRejected { VenueCode: "post_only_would_cross" } ? PolymarketErrors.PostOnlyCrosses : PolymarketErrors.Invalid);
        if (timeInForce == TimeInForce.Fok && report.Filled.IsZero)
            return Error(400, $"order {id} couldn't be fully filled. FOK orders are fully filled or killed.", PolymarketErrors.FokNotFilled);

        _orders[id] = new ServerOrder(id, report.VenueOrderId, token.Market, token.Outcome, wire.TokenId, post.OrderType, Options.TimeProvider.GetUtcNow(), expiration);
        _byPaperId[report.VenueOrderId] = id;
        var status = Interlocked.Exchange(ref _nextPlacementStatus, null)
            ?? (!report.Filled.IsZero ? "matched" : report.Status == VenueOrderStatus.Open ? "live" : "unmatched");
        return Json(new ClobPostOrderAnswer(true, "", id, status, [], "", ""));
    }

    /// <summary>The posted V2 order and its unsigned expiration, or null when a field is missing or malformed.</summary>
    private static (PolymarketOrderV2 Order, long Expiration)? V2Order(ClobSignedOrder wire)
    {
        if (wire.Side is not ("BUY" or "SELL") || wire.Metadata is not { Length: 66 } || wire.Builder is not { Length: 66 }
            || !long.TryParse(wire.Expiration, NumberStyles.None, CultureInfo.InvariantCulture, out var expiration)
            || !BigInteger.TryParse(wire.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || !Enum.IsDefined((PolymarketSignatureType)wire.SignatureType) || wire.Maker is null || wire.Signer is null)
            return null;
        var order = new PolymarketOrderV2(wire.Salt, wire.Maker, wire.Signer, Big(wire.TokenId), Big(wire.MakerAmount), Big(wire.TakerAmount),
            wire.Side == "BUY" ? PolymarketOrderSide.Buy : PolymarketOrderSide.Sell, (PolymarketSignatureType)wire.SignatureType, timestamp, wire.Metadata, wire.Builder);
        return (order, expiration);
    }

    /// <summary>
    /// Why the order's signature or addresses are wrong, or null: the recovered key must be the order's signer (for a
    /// deposit wallet, POLY_1271, the wallet's owner) and the API key's address, and the maker must be the signer (EOA)
    /// or the funder.
    /// </summary>
    private string? SignatureProblem(PolymarketOrderV2 order, string signature, Eip712Domain exchange)
    {
        string recovered;
        try
        {
            recovered = PolymarketOrderSigning.RecoverSigner(order, exchange, signature);
        }
        catch (Exception e) when (e is FormatException or CryptographicException or ArgumentException)
        {
            return e.Message;
        }
        var wallet = order.SignatureType == PolymarketSignatureType.Poly1271;
        var expected = wallet ? Options.SignerAddress : order.Signer;
        if (!string.Equals(recovered, expected, StringComparison.OrdinalIgnoreCase))
            return $"signed by {recovered}, not by the order's signer {expected} (for exchange {exchange.VerifyingContract})";
        if (!string.Equals(wallet ? recovered : order.Signer, Options.SignerAddress, StringComparison.OrdinalIgnoreCase))
            return $"the signer {order.Signer} is not the API key's address";
        if (wallet && !string.Equals(order.Signer, Options.FunderAddress, StringComparison.OrdinalIgnoreCase))
            return $"a deposit-wallet order's signer {order.Signer} is not the wallet {Options.FunderAddress}";
        if (order.SignatureType != Options.SignatureType)
            return $"signature type {order.SignatureType} is not the account's {Options.SignatureType}";
        var maker = Options.SignatureType == PolymarketSignatureType.Eoa ? order.Signer : Options.FunderAddress;
        return string.Equals(order.Maker, maker, StringComparison.OrdinalIgnoreCase) ? null : $"the maker {order.Maker} is not {maker}";
    }

    private async Task<IResult> CancelAsync(HttpContext context, string body)
    {
        var cancel = JsonSerializer.Deserialize<ClobCancelOrder>(body, PolymarketJson.Options);
        if (cancel?.OrderId is not { } id || !_orders.TryGetValue(id, out var order))
            return Json(new ClobCancelAnswer([], new Dictionary<string, string> { [cancel?.OrderId ?? ""] = "order not found" }));
        return Json(await CancelOrdersAsync([order]).ConfigureAwait(false));
    }

    private async Task<IResult> CancelAllAsync(HttpContext context, string body)
        => Json(await CancelOrdersAsync([.. _orders.Values]).ConfigureAwait(false));

    private async Task<IResult> CancelMarketAsync(HttpContext context, string body)
    {
        var filter = JsonSerializer.Deserialize<ClobCancelMarketOrders>(body, PolymarketJson.Options);
        var orders = _orders.Values.Where(o => (string.IsNullOrEmpty(filter?.Market) || string.Equals(o.Market.ConditionId, filter.Market, StringComparison.OrdinalIgnoreCase))
            && (string.IsNullOrEmpty(filter?.AssetId) || o.TokenId == filter.AssetId)).ToArray();
        return Json(await CancelOrdersAsync(orders).ConfigureAwait(false));
    }

    private async Task<ClobCancelAnswer> CancelOrdersAsync(IReadOnlyList<ServerOrder> orders)
    {
        var cancelled = new List<string>();
        var not = new Dictionary<string, string>();
        foreach (var order in orders.OrderBy(o => o.CreatedAt))
        {
            var current = (await Paper.GetOrderAsync(order.PaperId).ConfigureAwait(false)).Value;
            if (!current.IsOpen)
                continue;
            var result = await Paper.CancelAsync(order.PaperId).ConfigureAwait(false);
            if (result.TryGetValue(out var report, out var error) && report.Status == VenueOrderStatus.Cancelled)
                cancelled.Add(order.Id);
            else
                not[order.Id] = error?.Message ?? "order can't be canceled";
        }
        return new ClobCancelAnswer(cancelled, not);
    }

    private async Task<IResult> GetOrderAsync(HttpContext context, string body)
    {
        var id = context.Request.RouteValues["id"]?.ToString() ?? "";
        if (!_orders.TryGetValue(id, out var order))
            return Error(404, $"order {id} not found");
        return Json(await ClobOrderOfAsync(order).ConfigureAwait(false));
    }

    private async Task<IResult> GetOrdersAsync(HttpContext context, string body)
    {
        var market = context.Request.Query["market"].ToString();
        var open = new List<ClobOrder>();
        foreach (var order in _orders.Values.OrderBy(o => o.CreatedAt).ThenBy(o => o.Id, StringComparer.Ordinal))
        {
            if (market.Length > 0 && !string.Equals(order.Market.ConditionId, market, StringComparison.OrdinalIgnoreCase))
                continue;
            var clob = await ClobOrderOfAsync(order).ConfigureAwait(false);
            if (clob.Status == "LIVE")
                open.Add(clob);
        }
        return Json(Page(open, context.Request.Query["next_cursor"].ToString()));
    }

    private async Task<ClobOrder> ClobOrderOfAsync(ServerOrder order)
    {
        var report = (await Paper.GetOrderAsync(order.PaperId).ConfigureAwait(false)).Value;
        var status = _forcedStatus.TryGetValue(order.Id, out var forced) ? forced : report.Status switch
        {
            VenueOrderStatus.Open or VenueOrderStatus.PartiallyFilled => "LIVE",
            VenueOrderStatus.Filled or VenueOrderStatus.Mined or VenueOrderStatus.Confirmed or VenueOrderStatus.Failed => "MATCHED",
            VenueOrderStatus.Rejected => "INVALID",
            _ => "CANCELED",
        };
        return new ClobOrder(order.Id, status, order.Market.ConditionId, order.TokenId, report.Side == Side.Buy ? "BUY" : "SELL", report.Size.Value,
            report.Filled.Value, report.LimitPrice?.Value ?? 0m, order.Outcome == Outcome.Yes ? "Yes" : "No", order.OrderType,
            [.. report.Fills.Select(f => f.FillId.Value)], order.CreatedAt.ToUnixTimeSeconds(), order.Expiration.ToString(CultureInfo.InvariantCulture));
    }

    private async Task<IResult> GetTradesAsync(HttpContext context, string body)
    {
        var trades = new List<ClobTrade>();
        string? cursor = null;
        while (true)
        {
            var page = (await Paper.GetFillsAsync(cursor, 1_000).ConfigureAwait(false)).Value;
            foreach (var fill in page.Fills)
                trades.Add(await TradeOfAsync(fill).ConfigureAwait(false));
            if (page.Fills.Count == 0)
                break;
            cursor = page.NextCursor;
        }
        var id = context.Request.Query["id"].ToString();
        if (id.Length > 0)
            return Json(new ClobPage<ClobTrade>([.. trades.Where(t => t.Id == id)], PolymarketDefaults.EndCursor));
        return Json(Page(trades, context.Request.Query["next_cursor"].ToString()));
    }

    /// <summary>One paper fill of ours as a CLOB trade: our order is the taker, or the maker beside a liquidity-provider taker.</summary>
    private async Task<ClobTrade> TradeOfAsync(VenueFill fill)
    {
        var orderId = _byPaperId.TryGetValue(fill.VenueOrderId, out var known) ? known : fill.VenueOrderId.Value;
        var report = (await Paper.GetOrderAsync(fill.VenueOrderId).ConfigureAwait(false)).Value;
        var status = report.Status switch
        {
            VenueOrderStatus.Mined => "MINED",
            VenueOrderStatus.Confirmed => "CONFIRMED",
            VenueOrderStatus.Failed => "FAILED",
            VenueOrderStatus.Cancelled or VenueOrderStatus.Expired => "CONFIRMED",
            _ => "MATCHED",
        };
        var market = _markets[fill.Market.Value];
        var token = fill.Outcome == Outcome.No ? market.NoToken : market.YesToken;
        var side = fill.Side == Side.Buy ? "BUY" : "SELL";
        var time = fill.At.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var update = report.UpdatedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var hash = status is "MINED" or "CONFIRMED" or "FAILED" ? report.TransactionHash : null;
        if (!fill.IsMaker)
        {
            return new ClobTrade(fill.FillId.Value, orderId, market.ConditionId, token, side, fill.Quantity.Value, fill.Price.Value, 0m, status, time, update, hash, "TAKER",
                [new ClobMakerOrder("0xliquidity-provider", token, fill.Quantity.Value, fill.Price.Value, fill.Side == Side.Buy ? "SELL" : "BUY", 0m, "liquidity-provider")]);
        }
        return new ClobTrade(fill.FillId.Value, "0xliquidity-provider", market.ConditionId, token, fill.Side == Side.Buy ? "SELL" : "BUY", fill.Quantity.Value, fill.Price.Value,
            0m, status, time, update, hash, "MAKER", [new ClobMakerOrder(orderId, token, fill.Quantity.Value, fill.Price.Value, side, 0m, Options.ApiKey)]);
    }

    private static TimeInForce? TimeInForceOf(string orderType) => orderType switch
    {
        "GTC" => TimeInForce.Gtc,
        "GTD" => TimeInForce.Gtd,
        "FOK" => TimeInForce.Fok,
        "FAK" => TimeInForce.Fak,
        _ => null,
    };

    private static BigInteger Big(string value) => BigInteger.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
}
