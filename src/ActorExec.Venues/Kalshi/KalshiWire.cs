using System.Text.Json.Serialization;

namespace ActorExec.Venues.Kalshi;

// Kalshi's JSON, field names as in docs.kalshi.com/api-reference (snake_case through KalshiJson's naming
// policy). Only the fixed-point fields are read (`*_fp` counts, `*_dollars` prices: see
// docs.kalshi.com/getting_started/fixed_point_migration); the legacy integer-cent fields are ignored.
// Everything is nullable so that a missing field is reported by the mapping with its name, not by the
// serializer with a type error.

/// <summary>POST /portfolio/orders body (docs.kalshi.com/api-reference/orders/create-order).</summary>
internal sealed record KalshiCreateOrder(
    string Ticker,
    string ClientOrderId,
    string Side,
    string Action,
    string CountFp,
    string TimeInForce,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? YesPriceDollars,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NoPriceDollars,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? ExpirationTs,
    bool PostOnly);

/// <summary>POST /portfolio/orders/{order_id}/amend body (docs.kalshi.com/api-reference/orders/amend-order).</summary>
internal sealed record KalshiAmendOrder(
    string Ticker,
    string Side,
    string Action,
    string CountFp,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? YesPriceDollars,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NoPriceDollars);

internal sealed record KalshiOrderEnvelope(KalshiOrder? Order);

internal sealed record KalshiAmendEnvelope(KalshiOrder? OldOrder, KalshiOrder? Order);

internal sealed record KalshiOrdersPage(IReadOnlyList<KalshiOrder>? Orders, string? Cursor);

internal sealed record KalshiOrder(
    string? OrderId,
    string? ClientOrderId,
    string? Ticker,
    string? Side,
    string? Action,
    string? Status,
    string? YesPriceDollars,
    string? NoPriceDollars,
    string? FillCountFp,
    string? RemainingCountFp,
    string? InitialCountFp,
    DateTimeOffset? CreatedTime,
    DateTimeOffset? LastUpdateTime);

internal sealed record KalshiFillsPage(IReadOnlyList<KalshiFill>? Fills, string? Cursor);

internal sealed record KalshiFill(
    string? FillId,
    string? TradeId,
    string? OrderId,
    string? Ticker,
    string? Side,
    string? Action,
    string? CountFp,
    string? YesPriceDollars,
    string? NoPriceDollars,
    bool? IsTaker,
    string? FeeCost,
    DateTimeOffset? CreatedTime);

internal sealed record KalshiPositionsPage(IReadOnlyList<KalshiMarketPosition>? MarketPositions, string? Cursor);

internal sealed record KalshiMarketPosition(string? Ticker, string? PositionFp);

internal sealed record KalshiMarketEnvelope(KalshiMarket? Market);

internal sealed record KalshiMarket(
    string? Ticker,
    string? Title,
    string? Status,
    string? PriceLevelStructure,
    IReadOnlyList<KalshiPriceRange>? PriceRanges,
    bool? FractionalTradingEnabled);

internal sealed record KalshiPriceRange(string? Start, string? End, string? Step);

internal sealed record KalshiOrderbookEnvelope(KalshiOrderbook? OrderbookFp);

internal sealed record KalshiOrderbook(IReadOnlyList<IReadOnlyList<string>>? YesDollars, IReadOnlyList<IReadOnlyList<string>>? NoDollars);

internal sealed record KalshiExchangeStatus(bool? ExchangeActive, bool? TradingActive);

internal sealed record KalshiBalance(long? Balance);
