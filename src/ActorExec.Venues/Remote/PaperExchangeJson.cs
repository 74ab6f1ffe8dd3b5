using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ActorExec.Trading.Serialization;

namespace ActorExec.Venues.Remote;

/// <summary>
/// The paper exchange's wire format, shared by server and client: camelCase JSON, enums as names, ids
/// as strings, prices and quantities as numbers, venue errors as one object with a <c>kind</c>.
/// Reading is strict (a missing or null required field, a number given as a string or an enum given
/// as a number fails naming its path), so a bad body is refused rather than half-understood.
/// </summary>
public static class PaperExchangeJson
{
    /// <summary>The one set of options every request and answer is written and read with.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            NumberHandling = JsonNumberHandling.Strict,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DropDerivedProperties } },
        };
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        TradingJson.AddConverters(options.Converters);
        options.Converters.Add(new VenueErrorJsonConverter());
        options.Converters.Add(new FeeScheduleJsonConverter());
        options.Converters.Add(new FrozenSetJsonConverterFactory());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    // Computed properties (a report's Remaining and IsOpen) follow from the others: they would only
    // be noise on the wire, and a reader could not set them anyway.
    private static void DropDerivedProperties(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || type.Type.Namespace?.StartsWith("ActorExec.", StringComparison.Ordinal) != true)
            return;
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            var property = type.Properties[i];
            if (property.Set is null && property.AssociatedParameter is null)
                type.Properties.RemoveAt(i);
        }
    }
}
