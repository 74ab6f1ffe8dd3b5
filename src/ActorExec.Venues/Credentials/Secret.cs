using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActorExec.Venues.Credentials;

/// <summary>
/// A credential (API secret, passphrase, private key) that never shows itself: <see cref="ToString"/>
/// prints where it came from, never its value, so records holding it can be logged; serializing it to
/// JSON throws. Only <see cref="Reveal"/> gives the value, at the point of use.
/// </summary>
[JsonConverter(typeof(SecretJsonConverter))]
public sealed class Secret
{
    private readonly string _value;

    /// <param name="value">The secret text; must not be empty.</param>
    /// <param name="source">Where it came from, for messages: <c>env POLY_API_SECRET</c>, <c>file /run/secrets/kalshi.pem</c>.</param>
    /// <exception cref="ArgumentException">The value is empty or the source is missing.</exception>
    public Secret(string value, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException($"the secret from {source} is empty", nameof(value));
        _value = value;
        Source = source;
    }

    /// <summary>Where the secret came from (never its value).</summary>
    public string Source { get; }

    /// <summary>The secret's value. Use it where it is needed and do not keep or log it.</summary>
    public string Reveal() => _value;

    /// <summary>A redacted description naming the source only.</summary>
    public override string ToString() => $"<secret from {Source}>";

    private sealed class SecretJsonConverter : JsonConverter<Secret>
    {
        public override Secret Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => throw new JsonException("secrets are not read from JSON; configure them as environment variables or files");

        public override void Write(Utf8JsonWriter writer, Secret value, JsonSerializerOptions options)
            => throw new JsonException("secrets are never written out");
    }
}
