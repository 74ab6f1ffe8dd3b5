using System.Globalization;
using System.Text.Json;

namespace ActorExec.Venues.Kalshi;

/// <summary>Kalshi's JSON conventions: snake_case names, fixed-point strings for prices and counts.</summary>
internal static class KalshiJson
{
    /// <summary>Reads leniently (Kalshi adds fields freely) and writes snake_case.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>A dollar price as Kalshi writes it: at least 4 decimals ("0.5600"), up to 6 (sub-penny markets).</summary>
    public static string Dollars(decimal value) => value.ToString("0.0000##", CultureInfo.InvariantCulture);

    /// <summary>A contract count as Kalshi writes it: 2 decimals ("10.00").</summary>
    public static string Count(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Parses a fixed-point string; false when missing or not a plain decimal.</summary>
    public static bool TryParse(string? text, out decimal value)
        => decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            PropertyNameCaseInsensitive = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
