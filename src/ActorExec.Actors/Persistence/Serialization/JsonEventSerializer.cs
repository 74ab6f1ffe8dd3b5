using System.Text.Json;

namespace ActorExec.Actors.Persistence.Serialization;

/// <summary>Stores events as System.Text.Json documents under the manifests of an <see cref="EventTypeRegistry"/>.</summary>
public sealed class JsonEventSerializer(EventTypeRegistry registry, JsonSerializerOptions? options = null) : IEventSerializer
{
    private readonly JsonSerializerOptions _options = options ?? new JsonSerializerOptions(JsonSerializerDefaults.General);

    /// <summary>The registry it serializes with.</summary>
    public EventTypeRegistry Registry { get; } = registry;

    /// <inheritdoc />
    public SerializedEvent Serialize(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var type = value.GetType();
        if (!Registry.TryGetManifest(type, out var manifest))
            throw new EventSerializationException(type, "the type has no manifest; register it in the EventTypeRegistry");
        try
        {
            return new SerializedEvent(manifest, JsonSerializer.Serialize(value, type, _options));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new EventSerializationException(type, e.Message, e);
        }
    }

    /// <inheritdoc />
    public object Deserialize(string manifest, string payload)
    {
        if (!Registry.TryGetType(manifest, out var type))
            throw new UnknownManifestException(manifest);
        return JsonSerializer.Deserialize(payload, type, _options)
            ?? throw new JsonException($"Payload of manifest '{manifest}' is JSON null");
    }
}
