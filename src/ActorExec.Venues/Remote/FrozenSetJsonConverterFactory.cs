using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActorExec.Venues.Remote;

/// <summary>Writes a <see cref="FrozenSet{T}"/> (a venue's order types, times in force) as a JSON array; System.Text.Json cannot build one on read by itself.</summary>
internal sealed class FrozenSetJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(FrozenSet<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => (JsonConverter)Activator.CreateInstance(typeof(FrozenSetConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class FrozenSetConverter<T> : JsonConverter<FrozenSet<T>>
    {
        public override FrozenSet<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
                throw new JsonException($"a set of {typeof(T).Name} must be a JSON array, got {reader.TokenType}");
            var items = JsonSerializer.Deserialize<List<T>>(ref reader, options)!;
            return items.ToFrozenSet();
        }

        public override void Write(Utf8JsonWriter writer, FrozenSet<T> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var item in value)
                JsonSerializer.Serialize(writer, item, options);
            writer.WriteEndArray();
        }
    }
}
