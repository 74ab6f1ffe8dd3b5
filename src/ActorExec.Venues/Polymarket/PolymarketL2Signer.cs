using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ActorExec.Venues.Credentials;
using ActorExec.Venues.Http;

namespace ActorExec.Venues.Polymarket;

/// <summary>
/// Polymarket L2 authentication: an HMAC-SHA256 of <c>timestamp + METHOD + path + body</c> keyed with the
/// URL-safe-base64-decoded API secret, sent URL-safe base64 encoded with its '=' padding, with the
/// address, API key, passphrase and timestamp (seconds) beside it. The path is the endpoint without its
/// query string, as the official clients sign it (py-clob-client <c>client.py</c> builds
/// <c>RequestArgs(request_path=ORDERS)</c> and appends the query only to the URL; <c>signing/hmac.py</c>
/// decodes with <c>urlsafe_b64decode</c> and encodes with <c>urlsafe_b64encode</c>, which pads).
/// </summary>
public sealed class PolymarketL2Signer : IRequestSigner
{
    /// <summary>Header carrying the address the API key belongs to.</summary>
    public const string AddressHeader = "POLY_ADDRESS";

    /// <summary>Header carrying the HMAC.</summary>
    public const string SignatureHeader = "POLY_SIGNATURE";

    /// <summary>Header carrying the Unix time in seconds.</summary>
    public const string TimestampHeader = "POLY_TIMESTAMP";

    /// <summary>Header carrying the API key.</summary>
    public const string ApiKeyHeader = "POLY_API_KEY";

    /// <summary>Header carrying the passphrase (the only place it is ever sent).</summary>
    public const string PassphraseHeader = "POLY_PASSPHRASE";

    private readonly string _address;
    private readonly string _apiKey;
    private readonly Secret _secret;
    private readonly Secret _passphrase;
    private readonly TimeProvider _clock;

    /// <param name="address">The address the API key was derived for (the signing key's address).</param>
    /// <param name="apiKey">The API key.</param>
    /// <param name="secret">The URL-safe base64 API secret.</param>
    /// <param name="passphrase">The passphrase.</param>
    /// <param name="clock">The clock of POLY_TIMESTAMP.</param>
    /// <exception cref="ArgumentException">The secret is not URL-safe base64 (the message names its source only).</exception>
    public PolymarketL2Signer(string address, string apiKey, Secret secret, Secret passphrase, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(passphrase);
        ArgumentNullException.ThrowIfNull(clock);
        _ = DecodeSecret(secret);
        _address = address;
        _apiKey = apiKey;
        _secret = secret;
        _passphrase = passphrase;
        _clock = clock;
    }

    /// <inheritdoc />
    public void Sign(HttpRequestMessage request, string path, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(request);
        var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Signature(_secret, timestamp, request.Method.Method, path, Encoding.UTF8.GetString(body));
        request.Headers.TryAddWithoutValidation(AddressHeader, _address);
        request.Headers.TryAddWithoutValidation(SignatureHeader, signature);
        request.Headers.TryAddWithoutValidation(TimestampHeader, timestamp);
        request.Headers.TryAddWithoutValidation(ApiKeyHeader, _apiKey);
        request.Headers.TryAddWithoutValidation(PassphraseHeader, _passphrase.Reveal());
    }

    /// <summary>The L2 HMAC of one request, URL-safe base64 with padding; also used by servers to verify.</summary>
    /// <exception cref="ArgumentException">The secret is not URL-safe base64.</exception>
    public static string Signature(Secret secret, string timestamp, string method, string path, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = DecodeSecret(secret);
        try
        {
            var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(timestamp + method + path + body));
            return Convert.ToBase64String(mac).Replace('+', '-').Replace('/', '_');
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static byte[] DecodeSecret(Secret secret)
    {
        var text = secret.Reveal().Trim().Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new ArgumentException($"the Polymarket API secret from {secret.Source} is not URL-safe base64", nameof(secret));
        }
    }
}
