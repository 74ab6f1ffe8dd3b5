using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActorExec.Trading.Serialization;

/// <summary>Writes an id type as a plain JSON string; reading validates it through the type's constructor.</summary>
/// <typeparam name="T">The id type.</typeparam>
/// <param name="create">Builds the id from its text (throws <see cref="ArgumentException"/> for invalid text).</param>
/// <param name="value">The id's text.</param>
public sealed class StringValueConverter<T>(Func<string, T> create, Func<T, string> value) : JsonConverter<T>
{
    /// <inheritdoc />
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

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T id, JsonSerializerOptions options) => writer.WriteStringValue(value(id));
}
