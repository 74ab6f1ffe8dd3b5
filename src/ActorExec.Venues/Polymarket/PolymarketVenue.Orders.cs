using System.Globalization;
using ActorExec.Trading.Orders;
using ActorExec.Venues.Polymarket.Signing;

namespace ActorExec.Venues.Polymarket;

/// <summary>Placing, cancelling and reading orders.</summary>
public sealed partial class PolymarketVenue
{
    /// <inheritdoc />
    /// <remarks>
    /// <para>The CLOB's placement status: <c>live</c> → Open; <c>delayed</c> → Open (the CLOB accepted the
    /// order but delays its matching; it is ambiguous whether it will rest or trade, and the engine's next
    /// query tells); <c>matched</c> and <c>unmatched</c> → the order is asked for at once
    /// (<c>GET /data/order</c>) and that answer is returned, since a match may be partial (FAK) and
    /// "unmatched" says neither whether it rests nor whether it was killed.</para>
    /// <para>INVALID_ORDER_DUPLICATED means this very order (same hash) was placed before: its current
    /// state is returned, never an error. FOK_ORDER_NOT_FILLED_ERROR is reported as Cancelled with
    /// nothing filled, as the paper venue reports an FOK it killed: the order reached the venue and ended
    /// without trading, which the engine treats as a final "nothing happened", not a refusal of its terms.</para>
    /// </remarks>
    public async ValueTask<VenueResult<VenueOrderReport>> PlaceAsync(OrderIntent intent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intent);
        if (intent.Venue != Venue)
            return new VenueRejected($"polymarket: order {intent.ClientOrderId} is for venue {intent.Venue}, this is {Venue}", "wrong_venue");
        if (MarketOf(intent.Market) is not { } market)
            return new VenueRejected($"polymarket: market {intent.Market} is not configured for {Venue}", "unknown_market");
        if (_heartbeat.Lapse() is { } lapse)
            return new VenueRejected($"polymarket: order {intent.ClientOrderId} not sent: {lapse}", PolymarketErrors.HeartbeatLapsed);
        var built = Build(intent, market);
        if (!built.TryGetValue(out var plan, out var invalid))
            return invalid;

        var signature = PolymarketOrderSigning.Sign(plan.Order, _key, market.Exchange(_options.ChainId));
        var body = new ClobPostOrder(Wire(plan.Order, plan.Expiration, signature), _options.ApiKey, plan.OrderType, PostOnly: plan.PostOnly);
        var sent = await _clob.SendRawAsync(HttpMethod.Post, "order", body, cancellationToken).ConfigureAwait(false);
        if (!sent.TryGetValue(out var raw, out var error))
            return await OnRefusedAsync(intent, plan, error, cancellationToken).ConfigureAwait(false);
        var parsed = _clob.Parse<ClobPostOrderAnswer>(raw);
        if (!parsed.TryGetValue(out var answer, out var malformed))
            return malformed with { Message = $"{malformed.Message} (order {plan.Id} may have been placed: find it by its intent)" };
        if (!answer.Success)
        {
            var text = answer.ErrorMsg ?? "placement refused without a message";
            return await OnRefusedAsync(intent, plan, new VenueRejected($"polymarket: POST order {plan.Id}: {text}", PolymarketErrors.CodeOf(text) ?? PolymarketErrors.Invalid), cancellationToken).ConfigureAwait(false);
        }
        if (answer.OrderId is { Length: > 0 } assigned && !string.Equals(assigned, plan.Id, StringComparison.OrdinalIgnoreCase))
            return new VenueUnavailable($"polymarket: POST order answered order id {assigned}, but the order's EIP-712 hash is {plan.Id}; the order is asked about again by its hash");

        return (answer.Status ?? "").ToLowerInvariant() switch
        {
            "live" => Fresh(intent, plan, VenueOrderStatus.Open, null),
            "delayed" => Fresh(intent, plan, VenueOrderStatus.Open, "the CLOB delayed matching this order; ask again for its outcome"),
            "matched" => Placed(await GetOrderAsync(new VenueOrderId(plan.Id), cancellationToken).ConfigureAwait(false), intent, plan, "matched"),
            "unmatched" => await UnmatchedAsync(intent, plan, cancellationToken).ConfigureAwait(false),
            _ => new VenueUnavailable($"polymarket: POST order answered placement status '{answer.Status}' for order {plan.Id}, which this adapter does not know; the order may rest and is asked about again"),
        };
    }

    /// <inheritdoc />
    /// <remarks>
    /// Polymarket has no client order ids: the V2 order is rebuilt from the intent (salt from the client order id,
    /// the fixed <see cref="PolymarketDefaults.OrderTimestamp"/>, see <see cref="PolymarketOrderBuilder"/>) and asked
    /// for by its EIP-712 hash, so a new process finds what an earlier one placed without any local state.
    /// </remarks>
    public async ValueTask<VenueResult<VenueOrderReport>> FindOrderAsync(OrderIntent intent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intent);
        if (MarketOf(intent.Market) is not { } market)
            return new VenueNotFound($"polymarket: market {intent.Market} is not configured for {Venue}, so order {intent.ClientOrderId} cannot be there");
        var built = Build(intent, market);
        if (!built.TryGetValue(out var plan, out _))
            return new VenueNotFound($"polymarket: order {intent.ClientOrderId} cannot be expressed on Polymarket, so it was never placed");
        return await WithClientIdAsync(GetOrderAsync(new VenueOrderId(plan.Id), cancellationToken), intent).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<VenueResult<VenueOrderReport>> GetOrderAsync(VenueOrderId order, CancellationToken cancellationToken = default)
    {
        if (order.Value is null)
            throw new ArgumentException("order is a default (empty) id", nameof(order));
        var path = $"data/order/{Uri.EscapeDataString(order.Value)}";
        var sent = await _clob.SendRawAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        if (!sent.TryGetValue(out var raw, out var error))
            return error;
        // The CLOB answers an unknown id with an empty body or JSON null rather than 404 on some versions.
        var text = System.Text.Encoding.UTF8.GetString(raw.Body).Trim();
        if (text.Length == 0 || text == "null" || text == "{}")
            return new VenueNotFound($"polymarket: {raw.Call} does not know order {order}");
        var parsed = _clob.Parse<ClobOrder>(raw);
        if (!parsed.TryGetValue(out var clobOrder, out var malformed))
            return malformed;
        if (!string.Equals(clobOrder.Id, order.Value, StringComparison.OrdinalIgnoreCase))
            return new VenueUnavailable($"polymarket: {raw.Call} answered order {clobOrder.Id} when asked for {order}");
        return await ReportAsync(clobOrder, raw.Call, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks><c>DELETE /order</c>, then the order is read back so the report is its state after the cancel.</remarks>
    public async ValueTask<VenueResult<VenueOrderReport>> CancelAsync(VenueOrderId order, CancellationToken cancellationToken = default)
    {
        if (order.Value is null)
            throw new ArgumentException("order is a default (empty) id", nameof(order));
        var cancelled = await _clob.SendAsync<ClobCancelAnswer>(HttpMethod.Delete, "order", new ClobCancelOrder(order.Value), cancellationToken).ConfigureAwait(false);
        if (cancelled.Error is { } error)
            return error;
        return await GetOrderAsync(order, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>Polymarket does not amend orders: cancel and place a new one.</remarks>
    public ValueTask<VenueResult<VenueOrderReport>> ModifyAsync(VenueOrderId order, Price? newPrice, Quantity? newSize, CancellationToken cancellationToken = default)
        => new(new VenueRejected($"polymarket: order {order} cannot be amended; Polymarket has no modify (cancel and place again)", "modify_not_supported"));

    /// <summary>Cancels every open order of the API key (<c>DELETE /cancel-all</c>); the ids cancelled.</summary>
    public async ValueTask<VenueResult<IReadOnlyList<VenueOrderId>>> CancelAllAsync(CancellationToken cancellationToken = default)
    {
        var answer = await _clob.SendAsync<ClobCancelAnswer>(HttpMethod.Delete, "cancel-all", null, cancellationToken).ConfigureAwait(false);
        return answer.TryGetValue(out var ok, out var error) ? VenueResult<IReadOnlyList<VenueOrderId>>.Success(Ids(ok)) : error;
    }

    /// <summary>Cancels our open orders in one market (<c>DELETE /cancel-market-orders</c>, both tokens); the ids cancelled.</summary>
    public async ValueTask<VenueResult<IReadOnlyList<VenueOrderId>>> CancelMarketAsync(MarketId market, CancellationToken cancellationToken = default)
    {
        if (MarketOf(market) is not { } info)
            return new VenueNotFound($"polymarket: market {market} is not configured for {Venue}");
        var answer = await _clob.SendAsync<ClobCancelAnswer>(HttpMethod.Delete, "cancel-market-orders", new ClobCancelMarketOrders(info.ConditionId, ""), cancellationToken).ConfigureAwait(false);
        return answer.TryGetValue(out var ok, out var error) ? VenueResult<IReadOnlyList<VenueOrderId>>.Success(Ids(ok)) : error;
    }

    /// <inheritdoc />
    /// <remarks><c>GET /data/orders</c> page after page (cursor <c>MA==</c> to <c>LTE=</c>), filtered by condition id when a market is given.</remarks>
    public async ValueTask<VenueResult<IReadOnlyList<VenueOrderReport>>> GetOpenOrdersAsync(MarketId? market = null, CancellationToken cancellationToken = default)
    {
        var filter = "";
        if (market is { } id)
        {
            if (MarketOf(id) is not { } info)
                return new VenueNotFound($"polymarket: market {id} is not configured for {Venue}");
            filter = $"market={info.ConditionId}&";
        }
        var reports = new List<VenueOrderReport>();
        var cursor = PolymarketDefaults.FirstCursor;
        for (var pages = 0; cursor != PolymarketDefaults.EndCursor; pages++)
        {
            if (pages == 1_000)
                return new VenueUnavailable("polymarket: GET data/orders did not reach its last page after 1000 pages");
            var page = await _clob.SendAsync<ClobPage<ClobOrder>>(HttpMethod.Get, $"data/orders?{filter}next_cursor={Uri.EscapeDataString(cursor)}", null, cancellationToken).ConfigureAwait(false);
            if (!page.TryGetValue(out var ok, out var error))
                return error;
            foreach (var order in ok.Data)
            {
                if (!_byCondition.ContainsKey(order.Market))
                    continue;
                var report = await ReportAsync(order, "GET data/orders", cancellationToken).ConfigureAwait(false);
                if (!report.TryGetValue(out var value, out var reportError))
                    return reportError;
                if (value.IsOpen)
                    reports.Add(value);
            }
            cursor = string.IsNullOrEmpty(ok.NextCursor) ? PolymarketDefaults.EndCursor : ok.NextCursor;
        }
        return reports;
    }

    private async ValueTask<VenueResult<VenueOrderReport>> OnRefusedAsync(OrderIntent intent, PolymarketOrderPlan plan, VenueError error, CancellationToken cancellationToken)
    {
        if (error is VenueRejected { VenueCode: PolymarketErrors.Duplicated })
        {
            // The same hash was placed before (a resend after a lost answer): report that order instead.
            var existing = await GetOrderAsync(new VenueOrderId(plan.Id), cancellationToken).ConfigureAwait(false);
            return Placed(existing, intent, plan, PolymarketErrors.Duplicated);
        }
        if (error is VenueRejected { VenueCode: PolymarketErrors.FokNotFilled } fok)
            return Fresh(intent, plan, VenueOrderStatus.Cancelled, $"{PolymarketErrors.FokNotFilled}: {fok.Message}");
        return error;
    }

    /// <summary>
    /// An "unmatched" placement: the order may rest or may have been killed (FAK without liquidity). The
    /// CLOB is asked; an order it does not keep ended without trading, which is reported Cancelled with
    /// nothing filled rather than NotFound (NotFound would say the placement never happened).
    /// </summary>
    private async ValueTask<VenueResult<VenueOrderReport>> UnmatchedAsync(OrderIntent intent, PolymarketOrderPlan plan, CancellationToken cancellationToken)
    {
        var report = await GetOrderAsync(new VenueOrderId(plan.Id), cancellationToken).ConfigureAwait(false);
        if (report.Error is VenueNotFound)
            return Fresh(intent, plan, VenueOrderStatus.Cancelled, "unmatched: the CLOB did not keep the order (nothing traded)");
        return WithClientId(report, intent);
    }

    /// <summary>Reads the order's trades (its <c>associate_trades</c>, one <c>GET /data/trades?id=</c> each) and builds the report.</summary>
    private async ValueTask<VenueResult<VenueOrderReport>> ReportAsync(ClobOrder order, string call, CancellationToken cancellationToken)
    {
        if (!_byCondition.TryGetValue(order.Market, out var market))
            return new VenueNotFound($"polymarket: {call}: order {order.Id} is in market {order.Market}, which is not configured for {Venue}");
        var trades = new List<ClobTrade>();
        foreach (var tradeId in order.AssociateTrades ?? [])
        {
            var page = await _clob.SendAsync<ClobPage<ClobTrade>>(HttpMethod.Get, $"data/trades?id={Uri.EscapeDataString(tradeId)}", null, cancellationToken).ConfigureAwait(false);
            if (!page.TryGetValue(out var ok, out var error))
                return error;
            trades.AddRange(ok.Data.Where(t => t.Id == tradeId));
        }
        var previous = _settlement.TryGetValue(order.Id, out var last) ? last : (VenueOrderStatus?)null;
        var report = PolymarketReports.Order(order, trades, market, call, previous, _options.TimeProvider.GetUtcNow());
        if (report.TryGetValue(out var value, out _) && value.Status is VenueOrderStatus.Filled or VenueOrderStatus.Mined or VenueOrderStatus.Confirmed)
            _settlement[order.Id] = value.Status;
        return report;
    }

    /// <summary>
    /// The report of an order the CLOB says it holds; if the order query does not know it (yet), that is
    /// an Unavailable error (the order may have traded) rather than NotFound (which would say it never did).
    /// </summary>
    private static VenueResult<VenueOrderReport> Placed(VenueResult<VenueOrderReport> report, OrderIntent intent, PolymarketOrderPlan plan, string answered)
        => report.Error is VenueNotFound notFound
            ? new VenueUnavailable($"polymarket: POST order answered {answered} for order {plan.Id}, but the order query does not know it yet ({notFound.Message}); ask again")
            : WithClientId(report, intent);

    private VenueOrderReport Fresh(OrderIntent intent, PolymarketOrderPlan plan, VenueOrderStatus status, string? detail)
        => new(new VenueOrderId(plan.Id), intent.ClientOrderId, intent.Market, intent.Side, intent.Outcome, status, intent.Size, Quantity.Zero,
            intent.LimitPrice, [], detail, null, _options.TimeProvider.GetUtcNow());

    private static async ValueTask<VenueResult<VenueOrderReport>> WithClientIdAsync(ValueTask<VenueResult<VenueOrderReport>> report, OrderIntent intent)
        => WithClientId(await report.ConfigureAwait(false), intent);

    private static VenueResult<VenueOrderReport> WithClientId(VenueResult<VenueOrderReport> report, OrderIntent intent)
        => report.TryGetValue(out var value, out var error) ? value with { ClientOrderId = intent.ClientOrderId } : error;

    private static IReadOnlyList<VenueOrderId> Ids(ClobCancelAnswer answer) => [.. (answer.Canceled ?? []).Select(id => new VenueOrderId(id))];

    private VenueResult<PolymarketOrderPlan> Build(OrderIntent intent, PolymarketMarket market)
        => PolymarketOrderBuilder.Build(intent, market, _maker, _key.Address, _options.SignatureType, _options.ChainId, _options.BuilderCode);

    /// <summary>The V2 order as the CLOB's JSON carries it (py-clob-client-v2 <c>order_to_json_v2</c>), with the unsigned expiration beside the signed fields.</summary>
    internal static ClobSignedOrder Wire(PolymarketOrderV2 order, long expiration, string signature) => new(
        (long)order.Salt, order.Maker, order.Signer, Text(order.TokenId), Text(order.MakerAmount), Text(order.TakerAmount),
        order.Side == PolymarketOrderSide.Buy ? "BUY" : "SELL", expiration.ToString(CultureInfo.InvariantCulture), (int)order.SignatureType,
        Text(order.Timestamp), order.Metadata, order.Builder, signature);

    private static string Text(System.Numerics.BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
