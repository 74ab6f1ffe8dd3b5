namespace ActorExec.Actors.Persistence.Serialization;

/// <summary>An event in its stored form: a stable manifest and a readable payload.</summary>
/// <param name="Manifest">Names the event's type and version.</param>
/// <param name="Payload">The event as JSON text.</param>
public readonly record struct SerializedEvent(string Manifest, string Payload);

/// <summary>Turns events and snapshots into their stored form and back.</summary>
public interface IEventSerializer
{
    /// <summary>The stored form of <paramref name="value"/>.</summary>
    /// <exception cref="EventSerializationException">The type is not registered or cannot be written.</exception>
    SerializedEvent Serialize(object value);

    /// <summary>The value stored under <paramref name="manifest"/>.</summary>
    /// <exception cref="UnknownManifestException">Nothing is registered under the manifest.</exception>
    /// <exception cref="System.Text.Json.JsonException">The payload does not match the type.</exception>
    object Deserialize(string manifest, string payload);
}

/// <summary>A stored manifest that no registered type claims (an event from newer code, or a removed type).</summary>
public sealed class UnknownManifestException(string manifest)
    : Exception($"No event type is registered for manifest '{manifest}'")
{
    /// <summary>The unknown manifest.</summary>
    public string Manifest { get; } = manifest;
}
