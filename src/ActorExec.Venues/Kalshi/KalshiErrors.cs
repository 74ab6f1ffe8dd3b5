using System.Globalization;
using System.Text.Json;
using ActorExec.Venues.Http;

namespace ActorExec.Venues.Kalshi;

/// <summary>
/// Reads Kalshi's error answers, <c>{"error":{"code","message","details"}}</c>, into typed errors:
/// 401/403 → Auth, 404 → NotFound, 429 → RateLimited (with Retry-After when sent; Kalshi's rate-limit
/// page says it currently sends none), other 4xx (400, 409…) → Rejected carrying Kalshi's code,
/// 5xx → Unavailable. A body without that shape falls back to <see cref="VenueHttp"/>'s status rules.
/// </summary>
internal static class KalshiErrors
{
    public static VenueError? Read(VenueHttpAnswer answer)
    {
        if (!TryReadBody(answer.Body, out var code, out var message, out var details))
            return null;
        var status = answer.Status.ToString(CultureInfo.InvariantCulture);
        var text = $"kalshi: {answer.Call} answered HTTP {status} {code}: {message}{(string.IsNullOrEmpty(details) ? "" : $" ({details})")}";
        return answer.Status switch
        {
            401 or 403 => new VenueAuthFailed(text),
            404 => new VenueNotFound(text),
            429 => new VenueRateLimited(text, answer.RetryAfter),
            >= 400 and < 500 => new VenueRejected(text, code),
            _ => new VenueUnavailable(text, answer.Status),
        };
    }

    private static bool TryReadBody(byte[] body, out string code, out string message, out string? details)
    {
        code = message = "";
        details = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("error", out var error)
                || error.ValueKind != JsonValueKind.Object)
                return false;
            code = Text(error, "code") ?? "unknown";
            message = Text(error, "message") ?? "";
            details = Text(error, "details");
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? Text(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
