using System.Text.Json.Serialization;

namespace ActorExec.Venues.Polymarket;

// The CLOB's JSON as documented at docs.polymarket.com (api-reference: markets, book, order, trades)
// and sent by the official clients (clob-client orderToJson, py-clob-client order_to_json). Shared with
// the test server, so both sides read and write the same shapes.

/// <summary>A market: <c>GET /markets/{condition_id}</c>.</summary>
public sealed record ClobMarket(
    [property: JsonPropertyName("condition_id")] string ConditionId,
    [property: JsonPropertyName("question")] string? Question,
    [property: JsonPropertyName("tokens")] IReadOnlyList<ClobToken> Tokens,
    [property: JsonPropertyName("minimum_tick_size")] decimal MinimumTickSize,
    [property: JsonPropertyName("minimum_order_size")] decimal MinimumOrderSize,
    [property: JsonPropertyName("neg_risk")] bool NegRisk,
    [property: JsonPropertyName("active")] bool Active,
    [property: JsonPropertyName("closed")] bool Closed,
    [property: JsonPropertyName("accepting_orders")] bool AcceptingOrders,
    [property: JsonPropertyName("taker_base_fee")] decimal TakerBaseFee);

/// <summary>One outcome token of a market.</summary>
public sealed record ClobToken([property: JsonPropertyName("token_id")] string TokenId, [property: JsonPropertyName("outcome")] string Outcome);

/// <summary>A token's book: <c>GET /book?token_id=</c>.</summary>
public sealed record ClobBook(
    [property: JsonPropertyName("market")] string? Market,
    [property: JsonPropertyName("asset_id")] string AssetId,
    [property: JsonPropertyName("bids")] IReadOnlyList<ClobLevel> Bids,
    [property: JsonPropertyName("asks")] IReadOnlyList<ClobLevel> Asks);

/// <summary>One price level (both as decimal strings).</summary>
public sealed record ClobLevel([property: JsonPropertyName("price")] decimal Price, [property: JsonPropertyName("size")] decimal Size);

/// <summary>
/// The signed CLOB V2 order as posted (py-clob-client-v2 <c>order_to_json_v2</c>, docs.polymarket.com "Post a new
/// order"): salt and signatureType as JSON numbers, amounts, ids and times as decimal strings, side as BUY/SELL.
/// <c>expiration</c> (Unix seconds for GTD, "0" otherwise) travels here although V2 no longer signs it; V1's
/// taker, nonce and feeRateBps are gone.
/// </summary>
public sealed record ClobSignedOrder(
    [property: JsonPropertyName("salt")] long Salt,
    [property: JsonPropertyName("maker")] string Maker,
    [property: JsonPropertyName("signer")] string Signer,
    [property: JsonPropertyName("tokenId")] string TokenId,
    [property: JsonPropertyName("makerAmount")] string MakerAmount,
    [property: JsonPropertyName("takerAmount")] string TakerAmount,
    [property: JsonPropertyName("side")] string Side,
    [property: JsonPropertyName("expiration")] string Expiration,
    [property: JsonPropertyName("signatureType")] int SignatureType,
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("metadata")] string Metadata,
    [property: JsonPropertyName("builder")] string Builder,
    [property: JsonPropertyName("signature")] string Signature);

/// <summary>
/// The body of <c>POST /order</c> as py-clob-client-v2 sends it: <c>postOnly</c> (GTC/GTD only; a crossing
/// post-only order is rejected) and <c>deferExec</c> are always present, false unless asked for.
/// </summary>
public sealed record ClobPostOrder(
    [property: JsonPropertyName("order")] ClobSignedOrder Order,
    [property: JsonPropertyName("owner")] string Owner,
    [property: JsonPropertyName("orderType")] string OrderType,
    [property: JsonPropertyName("deferExec")] bool DeferExec = false,
    [property: JsonPropertyName("postOnly")] bool PostOnly = false);

/// <summary>The answer to <c>POST /order</c> (also the error body, with <c>success</c> false).</summary>
public sealed record ClobPostOrderAnswer(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("errorMsg")] string? ErrorMsg,
    [property: JsonPropertyName("orderID")] string? OrderId,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("transactionsHashes")] IReadOnlyList<string>? TransactionsHashes = null,
    [property: JsonPropertyName("takingAmount")] string? TakingAmount = null,
    [property: JsonPropertyName("makingAmount")] string? MakingAmount = null);

/// <summary>An error answer: <c>{"error": "..."}</c> (docs.polymarket.com/resources/error-codes), sometimes with a code in <c>errorMsg</c>.</summary>
public sealed record ClobErrorBody([property: JsonPropertyName("error")] string? Error, [property: JsonPropertyName("errorMsg")] string? ErrorMsg = null);

/// <summary>The body of <c>DELETE /order</c>.</summary>
public sealed record ClobCancelOrder([property: JsonPropertyName("orderID")] string OrderId);

/// <summary>The body of <c>DELETE /cancel-market-orders</c> (both optional).</summary>
public sealed record ClobCancelMarketOrders([property: JsonPropertyName("market")] string Market, [property: JsonPropertyName("asset_id")] string AssetId);

/// <summary>The answer to every cancel: ids cancelled and, per id not cancelled, why.</summary>
public sealed record ClobCancelAnswer(
    [property: JsonPropertyName("canceled")] IReadOnlyList<string> Canceled,
    [property: JsonPropertyName("not_canceled")] IReadOnlyDictionary<string, string>? NotCanceled);

/// <summary>An order: <c>GET /data/order/{id}</c> and the items of <c>GET /data/orders</c>. Sizes are decimal share counts.</summary>
public sealed record ClobOrder(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("market")] string Market,
    [property: JsonPropertyName("asset_id")] string AssetId,
    [property: JsonPropertyName("side")] string Side,
    [property: JsonPropertyName("original_size")] decimal OriginalSize,
    [property: JsonPropertyName("size_matched")] decimal SizeMatched,
    [property: JsonPropertyName("price")] decimal Price,
    [property: JsonPropertyName("outcome")] string? Outcome,
    [property: JsonPropertyName("order_type")] string? OrderType,
    [property: JsonPropertyName("associate_trades")] IReadOnlyList<string>? AssociateTrades,
    [property: JsonPropertyName("created_at")] long CreatedAt,
    [property: JsonPropertyName("expiration")] string? Expiration = null);

/// <summary>One page of a cursor-paged endpoint (<c>/data/orders</c>, <c>/data/trades</c>).</summary>
public sealed record ClobPage<T>(
    [property: JsonPropertyName("data")] IReadOnlyList<T> Data,
    [property: JsonPropertyName("next_cursor")] string NextCursor,
    [property: JsonPropertyName("limit")] int Limit = 0,
    [property: JsonPropertyName("count")] int Count = 0);

/// <summary>A trade: <c>GET /data/trades</c>. Our order is the taker's or one of the makers'.</summary>
public sealed record ClobTrade(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("taker_order_id")] string TakerOrderId,
    [property: JsonPropertyName("market")] string Market,
    [property: JsonPropertyName("asset_id")] string AssetId,
    [property: JsonPropertyName("side")] string Side,
    [property: JsonPropertyName("size")] decimal Size,
    [property: JsonPropertyName("price")] decimal Price,
    [property: JsonPropertyName("fee_rate_bps")] decimal FeeRateBps,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("match_time")] string MatchTime,
    [property: JsonPropertyName("last_update")] string? LastUpdate,
    [property: JsonPropertyName("transaction_hash")] string? TransactionHash,
    [property: JsonPropertyName("trader_side")] string? TraderSide,
    [property: JsonPropertyName("maker_orders")] IReadOnlyList<ClobMakerOrder> MakerOrders);

/// <summary>A resting order a trade matched.</summary>
public sealed record ClobMakerOrder(
    [property: JsonPropertyName("order_id")] string OrderId,
    [property: JsonPropertyName("asset_id")] string AssetId,
    [property: JsonPropertyName("matched_amount")] decimal MatchedAmount,
    [property: JsonPropertyName("price")] decimal Price,
    [property: JsonPropertyName("side")] string? Side,
    [property: JsonPropertyName("fee_rate_bps")] decimal FeeRateBps,
    [property: JsonPropertyName("owner")] string? Owner);

/// <summary>The body and answer of <c>POST /v1/heartbeats</c>: the id the previous answer gave (empty on the first).</summary>
public sealed record ClobHeartbeat([property: JsonPropertyName("heartbeat_id")] string HeartbeatId);

/// <summary>One position from the data API's <c>GET /positions?user=</c>.</summary>
public sealed record DataApiPosition(
    [property: JsonPropertyName("asset")] string Asset,
    [property: JsonPropertyName("conditionId")] string ConditionId,
    [property: JsonPropertyName("size")] decimal Size,
    [property: JsonPropertyName("outcome")] string? Outcome);
