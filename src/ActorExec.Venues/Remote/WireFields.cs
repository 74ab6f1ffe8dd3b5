using System.Text.Json;

namespace ActorExec.Venues.Remote;

/// <summary>Field access for the hand-written converters, failing with a message that names the object and the field.</summary>
internal static class WireFields
{
    public static string RequiredString(JsonElement json, string field, string what)
        => OptionalString(json, field, what) ?? throw new JsonException($"{what}: '{field}' is missing or null");

    public static string? OptionalString(JsonElement json, string field, string what)
    {
        if (!json.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new JsonException($"{what}: '{field}' must be a JSON string, got {value.ValueKind}");
    }

    public static decimal RequiredDecimal(JsonElement json, string field, string what)
    {
        if (!json.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            throw new JsonException($"{what}: '{field}' is missing or null");
        return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)
            ? number
            : throw new JsonException($"{what}: '{field}' must be a JSON number, got {value.GetRawText()}");
    }

    public static int? OptionalInt(JsonElement json, string field, string what)
    {
        if (!json.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new JsonException($"{what}: '{field}' must be a whole JSON number, got {value.GetRawText()}");
    }

    public static bool? OptionalBool(JsonElement json, string field, string what)
    {
        if (!json.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new JsonException($"{what}: '{field}' must be true or false, got {value.GetRawText()}"),
        };
    }

    public static T? Optional<T>(JsonElement json, string field, string what, JsonSerializerOptions options) where T : struct
    {
        if (!json.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        try
        {
            return value.Deserialize<T>(options);
        }
        catch (JsonException e)
        {
            throw new JsonException($"{what}: '{field}': {e.Message}", e);
        }
    }
}
