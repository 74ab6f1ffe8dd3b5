using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ActorExec.Venues.Credentials;
using ActorExec.Venues.Http;

namespace ActorExec.Venues.Kalshi;

/// <summary>
/// Kalshi's API-key authentication (docs.kalshi.com/getting_started/api_keys and
/// quick_start_authenticated_requests): every request carries <c>KALSHI-ACCESS-KEY</c> (the key id),
/// <c>KALSHI-ACCESS-TIMESTAMP</c> (milliseconds since the epoch) and <c>KALSHI-ACCESS-SIGNATURE</c>,
/// the base64 RSA-PSS signature (SHA-256, MGF1-SHA-256, salt length = digest length, 32 bytes) of
/// <c>timestamp + METHOD + path</c>, the path starting at <c>/trade-api/v2</c> and without the query
/// string. .NET's <see cref="RSASignaturePadding.Pss"/> uses MGF1 with the data hash and a salt as long
/// as the hash, which is exactly Kalshi's (and its SDK's <c>RSA_PSS_SALTLEN_DIGEST</c>) choice.
/// </summary>
public sealed class KalshiRequestSigner : IRequestSigner, IDisposable
{
    /// <summary>The key id header.</summary>
    public const string KeyHeader = "KALSHI-ACCESS-KEY";

    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "KALSHI-ACCESS-SIGNATURE";

    /// <summary>The timestamp header.</summary>
    public const string TimestampHeader = "KALSHI-ACCESS-TIMESTAMP";

    private readonly RSA _key;
    private readonly Lock _gate = new();
    private readonly string _keyId;
    private readonly TimeProvider _clock;

    /// <param name="keyId">The API key id.</param>
    /// <param name="privateKeyPem">The RSA private key, PEM (PKCS#1 <c>BEGIN RSA PRIVATE KEY</c> or PKCS#8 <c>BEGIN PRIVATE KEY</c>).</param>
    /// <param name="clock">The clock of the timestamps.</param>
    /// <exception cref="ArgumentException">The key id is empty, or the PEM holds no usable RSA private key; the message names the secret's source, never its content.</exception>
    public KalshiRequestSigner(string keyId, Secret privateKeyPem, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        ArgumentNullException.ThrowIfNull(privateKeyPem);
        ArgumentNullException.ThrowIfNull(clock);
        _keyId = keyId;
        _clock = clock;
        _key = LoadKey(privateKeyPem);
    }

    /// <summary>The exact text Kalshi expects signed: <c>{timestamp ms}{METHOD}{path without query}</c>.</summary>
    /// <param name="timestampMs">Milliseconds since the Unix epoch.</param>
    /// <param name="method">The HTTP method (upper-cased here).</param>
    /// <param name="path">The absolute path, e.g. <c>/trade-api/v2/portfolio/orders</c>; anything from '?' on is dropped.</param>
    public static string StringToSign(long timestampMs, string method, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(path);
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var bare = query < 0 ? path : path[..query];
        return timestampMs.ToString(CultureInfo.InvariantCulture) + method.ToUpperInvariant() + bare;
    }

    /// <inheritdoc />
    public void Sign(HttpRequestMessage request, string path, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(request);
        var timestamp = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var text = StringToSign(timestamp, request.Method.Method, path);
        var signature = SignText(text);
        request.Headers.Remove(KeyHeader);
        request.Headers.Remove(SignatureHeader);
        request.Headers.Remove(TimestampHeader);
        request.Headers.TryAddWithoutValidation(KeyHeader, _keyId);
        request.Headers.TryAddWithoutValidation(SignatureHeader, signature);
        request.Headers.TryAddWithoutValidation(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The base64 RSA-PSS/SHA-256 signature of <paramref name="text"/> (UTF-8).</summary>
    public string SignText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        byte[] signature;
        // One RSA handle is shared by every concurrent request; signing is cheap next to the round trip.
        lock (_gate)
            signature = _key.SignData(bytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        return Convert.ToBase64String(signature);
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    /// <summary>Names the key id only.</summary>
    public override string ToString() => $"KalshiRequestSigner(key id {_keyId})";

    private static RSA LoadKey(Secret pem)
    {
        var rsa = RSA.Create();
        try
        {
            // ImportFromPem reads both "RSA PRIVATE KEY" (PKCS#1) and "PRIVATE KEY" (PKCS#8) labels.
            rsa.ImportFromPem(pem.Reveal());
            // A public key alone would import; a trial signature proves the private part is there
            // without copying it out of the key handle.
            _ = rsa.SignData([0], HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
            return rsa;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            // The inner exception is left out on purpose: parsers may quote what they could not read.
            throw new ArgumentException(
                $"Kalshi private key from {pem.Source} is not a usable unencrypted RSA private key in PEM " +
                "(expected '-----BEGIN RSA PRIVATE KEY-----' (PKCS#1) or '-----BEGIN PRIVATE KEY-----' (PKCS#8))",
                nameof(pem));
        }
    }
}
