using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActorExec.Engine.Persistence;

/// <summary>Stores an id type as a plain JSON string; reading validates it through the type's constructor.</summary>
internal sealed class StringValueConverter<T>(Func<string, T> create, Func<T, string> value) : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"{typeof(T).Name} must be a JSON string, got {reader.TokenType}");
        try
        {
            return create(reader.GetString()!);
        }
        catch (ArgumentException e)
        {
            throw new JsonException($"Invalid {typeof(T).Name}: {e.Message}", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, T id, JsonSerializerOptions options) => writer.WriteStringValue(value(id));
}

/// <summary>Stores a decimal value type (price, quantity) as a JSON number; reading validates it.</summary>
internal sealed class DecimalValueConverter<T>(Func<decimal, T> create, Func<T, decimal> value) : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
            throw new JsonException($"{typeof(T).Name} must be a JSON number, got {reader.TokenType}");
        try
        {
            return create(reader.GetDecimal());
        }
        catch (ArgumentException e)
        {
            throw new JsonException($"Invalid {typeof(T).Name}: {e.Message}", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, T number, JsonSerializerOptions options) => writer.WriteNumberValue(value(number));
}
