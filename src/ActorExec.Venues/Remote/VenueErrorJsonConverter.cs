using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActorExec.Venues.Remote;

/// <summary>
/// Writes a <see cref="VenueError"/> as one object: its <c>kind</c>, <c>code</c> (for readers; derived
/// from the kind on read), <c>message</c>, and the fields of its type: <c>venueCode</c> (rejected),
/// <c>retryAfter</c> (rate limited), <c>requestSent</c> (network), <c>after</c> (timeout),
/// <c>statusCode</c> (unavailable). Reading builds the same record back, so equality survives the trip.
/// </summary>
internal sealed class VenueErrorJsonConverter : JsonConverter<VenueError>
{
    private const string What = "venue error";

    public override VenueError Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var json = document.RootElement;
        if (json.ValueKind != JsonValueKind.Object)
            throw new JsonException($"a venue error must be a JSON object, got {json.ValueKind}");
        var kindText = WireFields.RequiredString(json, "kind", What);
        // Names only: Enum.TryParse would also take "2" or "Rejected, Network".
        if (!Enum.GetNames<VenueErrorKind>().Contains(kindText, StringComparer.Ordinal))
            throw new JsonException($"{What}: kind '{kindText}' is unknown; expected one of {string.Join(", ", Enum.GetNames<VenueErrorKind>())}");
        var kind = Enum.Parse<VenueErrorKind>(kindText);
        var message = WireFields.RequiredString(json, "message", What);
        return kind switch
        {
            VenueErrorKind.Rejected => new VenueRejected(message, WireFields.OptionalString(json, "venueCode", What)),
            VenueErrorKind.RateLimited => new VenueRateLimited(message, WireFields.Optional<TimeSpan>(json, "retryAfter", What, options)),
            VenueErrorKind.Network => new VenueNetworkError(message, WireFields.OptionalBool(json, "requestSent", What) ?? true),
            VenueErrorKind.Timeout => new VenueTimeout(message, WireFields.Optional<TimeSpan>(json, "after", What, options)
                ?? throw new JsonException($"{What}: 'after' is missing or null (a Timeout says how long was waited)")),
            VenueErrorKind.Auth => new VenueAuthFailed(message),
            VenueErrorKind.NotFound => new VenueNotFound(message),
            _ => new VenueUnavailable(message, WireFields.OptionalInt(json, "statusCode", What)),
        };
    }

    public override void Write(Utf8JsonWriter writer, VenueError value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", value.Kind.ToString());
        writer.WriteString("code", value.Code);
        writer.WriteString("message", value.Message);
        // A VenueError of a type not listed here travels as the base type of its kind.
        switch (value)
        {
            case VenueRejected { VenueCode: { } code }:
                writer.WriteString("venueCode", code);
                break;
            case VenueRateLimited { RetryAfter: { } retryAfter }:
                writer.WritePropertyName("retryAfter");
                JsonSerializer.Serialize(writer, retryAfter, options);
                break;
            case VenueNetworkError network:
                writer.WriteBoolean("requestSent", network.RequestSent);
                break;
            case VenueTimeout timeout:
                writer.WritePropertyName("after");
                JsonSerializer.Serialize(writer, timeout.After, options);
                break;
            case VenueUnavailable { StatusCode: { } status }:
                writer.WriteNumber("statusCode", status);
                break;
        }
        writer.WriteEndObject();
    }
}
