using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ActorExec.Venues.Polymarket;
using Microsoft.AspNetCore.Http;

namespace ActorExec.Venues.TestServers.Polymarket;

/// <summary>L2 authentication, verified on every authenticated endpoint.</summary>
public sealed partial class PolymarketTestServer
{
    private Func<HttpContext, Task<IResult>> Authenticated(Func<HttpContext, string, Task<IResult>> handler) => async context =>
    {
        context.Request.Body.Position = 0;
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true);
        var body = await reader.ReadToEndAsync().ConfigureAwait(false);
        return Verify(context.Request, body) is { } refusal ? refusal : await handler(context, body).ConfigureAwait(false);
    };

    /// <summary>Null when the L2 headers are valid for this request; the CLOB's 401 otherwise.</summary>
    private IResult? Verify(HttpRequest request, string body)
    {
        string Header(string name) => request.Headers[name].ToString();
        if (Header(PolymarketL2Signer.ApiKeyHeader) != Options.ApiKey)
            return Error(401, "Unauthorized/Invalid api key");
        if (!FixedEquals(Header(PolymarketL2Signer.PassphraseHeader), Options.ApiPassphrase.Reveal()))
            return Error(401, "Unauthorized/Invalid api key");
        if (!string.Equals(Header(PolymarketL2Signer.AddressHeader), Options.SignerAddress, StringComparison.OrdinalIgnoreCase))
            return Error(401, "Unauthorized/Invalid api key");
        if (!long.TryParse(Header(PolymarketL2Signer.TimestampHeader), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (Options.TimeProvider.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > PolymarketDefaults.TimestampTolerance)
            return Error(401, "Invalid L2 Request headers: stale or missing timestamp");
        var expected = PolymarketL2Signer.Signature(Options.ApiSecret, Header(PolymarketL2Signer.TimestampHeader), request.Method, request.Path.Value ?? "", body);
        return FixedEquals(Header(PolymarketL2Signer.SignatureHeader), expected) ? null : Error(401, "Invalid L2 Request headers");
    }

    private static bool FixedEquals(string a, string b)
        => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
