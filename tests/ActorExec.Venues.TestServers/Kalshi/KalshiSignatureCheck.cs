using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ActorExec.Venues.TestServers.Kalshi;

/// <summary>
/// The server side of Kalshi's API-key authentication: the three KALSHI-ACCESS headers must be present,
/// the key id known, the timestamp within <see cref="MaxSkew"/> of the server's clock, and the signature
/// a valid RSA-PSS (SHA-256, MGF1-SHA-256, salt 32) signature of timestamp + METHOD + path (no query).
/// </summary>
internal sealed class KalshiSignatureCheck(string keyId, string publicKeyPem, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaxSkew = TimeSpan.FromSeconds(5);

    private readonly RSA _publicKey = Load(publicKeyPem);
    private readonly Lock _gate = new();

    /// <summary>Null when the request is authentic, else why not (for the 401 body).</summary>
    public string? Problem(HttpRequest request)
    {
        var key = request.Headers["KALSHI-ACCESS-KEY"].ToString();
        var signature = request.Headers["KALSHI-ACCESS-SIGNATURE"].ToString();
        var timestamp = request.Headers["KALSHI-ACCESS-TIMESTAMP"].ToString();
        if (key.Length == 0 || signature.Length == 0 || timestamp.Length == 0)
            return "missing KALSHI-ACCESS-KEY, KALSHI-ACCESS-SIGNATURE or KALSHI-ACCESS-TIMESTAMP";
        if (!string.Equals(key, keyId, StringComparison.Ordinal))
            return "unknown API key id";
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
            return "KALSHI-ACCESS-TIMESTAMP is not a millisecond timestamp";
        var skew = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(ms);
        if (skew.Duration() > MaxSkew)
            return $"timestamp is {skew.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s off the server clock";
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return "KALSHI-ACCESS-SIGNATURE is not base64";
        }
        var message = Encoding.UTF8.GetBytes(timestamp + request.Method.ToUpperInvariant() + request.PathBase + request.Path);
        bool valid;
        lock (_gate)
            valid = _publicKey.VerifyData(message, bytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        return valid ? null : "signature does not verify";
    }

    public void Dispose() => _publicKey.Dispose();

    private static RSA Load(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return rsa;
    }
}
