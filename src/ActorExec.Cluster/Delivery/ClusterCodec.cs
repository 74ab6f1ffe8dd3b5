using System.Text.Json;
using System.Text.Json.Serialization;
using ActorExec.Actors;
using ActorExec.Actors.Persistence;
using ActorExec.Actors.Persistence.Serialization;

namespace ActorExec.Cluster.Delivery;

/// <summary>
/// How messages cross nodes: JSON under the registry's stable manifests (the same registry style the
/// journal uses). Actor references inside a message travel as reply addresses and come back as
/// <see cref="RemoteActorRef"/>s; properties typed <c>object</c> carry their own manifest.
/// </summary>
public sealed class ClusterCodec
{
    private readonly JsonEventSerializer _serializer;

    internal ClusterCodec(EventTypeRegistry registry, JsonSerializerOptions options, ClusterTransport transport)
    {
        if (!registry.TryGetManifest(typeof(RemoteFailure), out _))
            registry.Register<RemoteFailure>("cluster-remote-failure.v1");
        var own = new JsonSerializerOptions(options);
        own.Converters.Add(new ActorRefConverter(transport));
        own.Converters.Add(new ManifestedObjectConverter(registry));
        _serializer = new JsonEventSerializer(registry, own);
    }

    /// <summary>Serializes a message.</summary>
    /// <exception cref="EventSerializationException">The message's type has no manifest or cannot be written; the message names it.</exception>
    public SerializedEvent Encode(object message) => _serializer.Serialize(message);

    /// <summary>Reads a message back.</summary>
    /// <exception cref="UnknownManifestException">No type is registered for the manifest.</exception>
    /// <exception cref="JsonException">The payload does not fit the type.</exception>
    public object Decode(string manifest, string payload) => _serializer.Deserialize(manifest, payload);

    private sealed class ActorRefConverter(ClusterTransport transport) : JsonConverter<IActorRef>
    {
        public override IActorRef? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            return ReplyAddress.TryParse(text, out var address)
                ? transport.RefFor(address.Value)
                : throw new JsonException($"'{text}' is not an actor address (expected node:<incarnation>/<id>)");
        }

        public override void Write(Utf8JsonWriter writer, IActorRef value, JsonSerializerOptions options)
            => writer.WriteStringValue(transport.AddressOf(value).ToString());
    }

    // A property typed object (an envelope's payload) is written as {"$m": manifest, "v": value}.
    private sealed class ManifestedObjectConverter(EventTypeRegistry registry) : JsonConverter<object>
    {
        public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.Number:
                    return reader.GetDecimal();
                case JsonTokenType.True or JsonTokenType.False:
                    return reader.GetBoolean();
                case JsonTokenType.StartObject:
                    using (var document = JsonDocument.ParseValue(ref reader))
                    {
                        if (!document.RootElement.TryGetProperty("$m", out var manifest) || !document.RootElement.TryGetProperty("v", out var value))
                            throw new JsonException("an object-typed value must be {\"$m\": manifest, \"v\": value}");
                        var name = manifest.GetString() ?? "";
                        if (!registry.TryGetType(name, out var type))
                            throw new UnknownManifestException(name);
                        return value.Deserialize(type, options);
                    }
                default:
                    throw new JsonException($"an object-typed value cannot be a JSON {reader.TokenType}");
            }
        }

        public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options)
        {
            switch (value)
            {
                case string or decimal or int or long or double or bool:
                    JsonSerializer.Serialize(writer, value, value.GetType(), options);
                    return;
            }
            if (!registry.TryGetManifest(value.GetType(), out var manifest))
                throw new NotSupportedException($"{value.GetType().Name} has no manifest; register it to send it to another node");
            writer.WriteStartObject();
            writer.WriteString("$m", manifest);
            writer.WritePropertyName("v");
            JsonSerializer.Serialize(writer, value, value.GetType(), options);
            writer.WriteEndObject();
        }
    }
}
