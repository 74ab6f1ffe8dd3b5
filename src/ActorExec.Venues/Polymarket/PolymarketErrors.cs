using System.Text.Json;
using ActorExec.Venues.Http;

namespace ActorExec.Venues.Polymarket;

/// <summary>
/// The CLOB's order error codes (docs.polymarket.com, "Error codes" and the order placement table of
/// <c>errorMsg</c> values) and the reader that turns an error answer into a typed <see cref="VenueError"/>.
/// </summary>
public static class PolymarketErrors
{
    /// <summary>The price is off the market's tick or outside [tick, 1 − tick].</summary>
    public const string MinTickSize = "INVALID_ORDER_MIN_TICK_SIZE";

    /// <summary>The size is below the market's minimum order size.</summary>
    public const string MinSize = "INVALID_ORDER_MIN_SIZE";

    /// <summary>The same order (same hash) was placed before.</summary>
    public const string Duplicated = "INVALID_ORDER_DUPLICATED";

    /// <summary>The maker lacks the balance or allowance.</summary>
    public const string NotEnoughBalance = "INVALID_ORDER_NOT_ENOUGH_BALANCE";

    /// <summary>The expiration is in the past or too close.</summary>
    public const string Expiration = "INVALID_ORDER_EXPIRATION";

    /// <summary>Any other invalid order (bad signature, wrong maker...).</summary>
    public const string Invalid = "INVALID_ORDER_ERROR";

    /// <summary>An FOK order the book could not fill entirely; nothing was traded and the CLOB keeps no order.</summary>
    public const string FokNotFilled = "FOK_ORDER_NOT_FILLED_ERROR";

    /// <summary>The order could not be executed (e.g. a FAK order that met no liquidity).</summary>
    public const string ExecutionError = "EXECUTION_ERROR";

    /// <summary>The market is not yet accepting orders.</summary>
    public const string MarketNotReady = "MARKET_NOT_READY";

    /// <summary>A post-only order that would cross the book.</summary>
    public const string PostOnlyCrosses = "INVALID_POST_ONLY_ORDER";

    /// <summary>Our own code: the heartbeat lapsed, so the CLOB may be cancelling our orders; placements are refused until it is back.</summary>
    public const string HeartbeatLapsed = "HEARTBEAT_LAPSED";

    private static readonly string[] Codes =
        [MinTickSize, MinSize, Duplicated, NotEnoughBalance, Expiration, FokNotFilled, ExecutionError, MarketNotReady, PostOnlyCrosses, Invalid];

    /// <summary>
    /// Reads a non-success answer: 429 and 5xx are left to the status classification (RateLimited,
    /// Unavailable); 401/403 are Auth; 404 with the CLOB's error body NotFound (a bare 404 proves nothing); any other 4xx is Rejected with the CLOB's code when
    /// the body carries one (<c>errorMsg</c>, or a known code or phrase in <c>error</c>).
    /// </summary>
    public static VenueError? Read(VenueHttpAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Status is 429 or >= 500 or < 400)
            return null;
        var text = Text(answer.Body);
        var message = $"polymarket: {answer.Call} answered HTTP {answer.Status}: {text ?? answer.Excerpt}";
        return answer.Status switch
        {
            401 or 403 => new VenueAuthFailed(message),
            // Only the CLOB's own error body proves it does not know the order: a bare 404 (a proxy, a wrong
            // path) is left to VenueHttp, which reads it as Unavailable, so recovery never places again on it.
            404 when text is not null => new VenueNotFound(message),
            404 => null,
            _ => new VenueRejected(message, CodeOf(text) ?? $"http_{answer.Status}"),
        };
    }

    /// <summary>The CLOB code a message carries, recognising the documented phrases when no code is given.</summary>
    public static string? CodeOf(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        foreach (var code in Codes)
        {
            if (text.Contains(code, StringComparison.Ordinal))
                return code;
        }
        // Phrases of docs.polymarket.com/resources/error-codes (POST /order), for answers without a code.
        if (text.Contains("Duplicated", StringComparison.OrdinalIgnoreCase))
            return Duplicated;
        if (text.Contains("FOK orders are fully filled or killed", StringComparison.OrdinalIgnoreCase))
            return FokNotFilled;
        if (text.Contains("lower than the minimum", StringComparison.OrdinalIgnoreCase))
            return MinSize;
        if (text.Contains("breaks minimum tick size rule", StringComparison.OrdinalIgnoreCase) || text.Contains("Price (", StringComparison.Ordinal))
            return MinTickSize;
        if (text.Contains("not enough balance", StringComparison.OrdinalIgnoreCase))
            return NotEnoughBalance;
        if (text.Contains("post-only", StringComparison.OrdinalIgnoreCase))
            return PostOnlyCrosses;
        return null;
    }

    /// <summary>The <c>errorMsg</c> and <c>error</c> of a JSON error body, joined; null when the body is not that JSON.</summary>
    private static string? Text(byte[] body)
    {
        try
        {
            var error = JsonSerializer.Deserialize<ClobErrorBody>(body, PolymarketJson.Options);
            var parts = new[] { error?.ErrorMsg, error?.Error }.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
            return parts.Length == 0 ? null : string.Join(": ", parts);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
