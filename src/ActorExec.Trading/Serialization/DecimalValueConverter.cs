using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActorExec.Trading.Serialization;

/// <summary>Writes a decimal value type (price, quantity) as a JSON number; reading validates it through the type's constructor.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="create">Builds the value (throws <see cref="ArgumentException"/> for an invalid number).</param>
/// <param name="value">The value as a decimal.</param>
public sealed class DecimalValueConverter<T>(Func<decimal, T> create, Func<T, decimal> value) : JsonConverter<T>
{
    /// <inheritdoc />
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

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T number, JsonSerializerOptions options) => writer.WriteNumberValue(value(number));
}
