using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ActorExec.Cli.Rendering;

/// <summary>How values read in tables: UTC instants, plain decimals, a dash for "none".</summary>
internal static class Formats
{
    public const string None = "-";

    private static readonly JsonSerializerOptions CompactJson = new()
    {
        WriteIndented = false,
        // Payloads are read by people here, not embedded in HTML: keep quotes and non-ASCII readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Time(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? None;

    /// <summary>To the millisecond, for journal events written close together.</summary>
    public static string PreciseTime(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string ClockTime(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    public static string Number(decimal? value) => value?.ToString("0.########", CultureInfo.InvariantCulture) ?? None;

    public static string Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? None;

    public static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? None;

    public static string YesNo(bool? value) => value switch { true => "yes", false => "no", null => None };

    public static string Text(string? value) => string.IsNullOrEmpty(value) ? None : value;

    /// <summary>A node incarnation as operators name it, <c>node-c #7</c>; the id alone when the incarnation is unknown.</summary>
    public static string Member(string nodeId, long? incarnation) =>
        incarnation is { } number ? string.Create(CultureInfo.InvariantCulture, $"{nodeId} #{number}") : nodeId;

    public static string CompactJsonOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Undefined ? None : JsonSerializer.Serialize(element, CompactJson);

    /// <summary>"42s", "3m 07s", "2h 03m 10s", "3d 04h 12m": the two or three units that matter.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }
        var i = CultureInfo.InvariantCulture;
        if (span.TotalDays >= 1)
        {
            return string.Create(i, $"{(int)span.TotalDays}d {span.Hours:00}h {span.Minutes:00}m");
        }
        if (span.TotalHours >= 1)
        {
            return string.Create(i, $"{span.Hours}h {span.Minutes:00}m {span.Seconds:00}s");
        }
        if (span.TotalMinutes >= 1)
        {
            return string.Create(i, $"{span.Minutes}m {span.Seconds:00}s");
        }
        return string.Create(i, $"{span.Seconds}s");
    }
}
