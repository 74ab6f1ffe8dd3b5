using System.Security.Cryptography;

namespace ActorExec.Venues.TestServers.Kalshi;

/// <summary>
/// An RSA key pair for a Kalshi test server and its client, in the PEM forms Kalshi hands out. RSA key
/// generation cannot be seeded, so tests make one pair per test class.
/// </summary>
/// <param name="PrivatePkcs1Pem">The private key as <c>BEGIN RSA PRIVATE KEY</c> (what Kalshi's download holds).</param>
/// <param name="PrivatePkcs8Pem">The same private key as <c>BEGIN PRIVATE KEY</c>.</param>
/// <param name="PublicPem">The public key (<c>BEGIN PUBLIC KEY</c>) the server verifies with.</param>
public sealed record KalshiTestKeys(string PrivatePkcs1Pem, string PrivatePkcs8Pem, string PublicPem)
{
    /// <summary>A fresh 2048-bit pair.</summary>
    public static KalshiTestKeys Generate()
    {
        using var rsa = RSA.Create(2048);
        return new KalshiTestKeys(rsa.ExportRSAPrivateKeyPem(), rsa.ExportPkcs8PrivateKeyPem(), rsa.ExportSubjectPublicKeyInfoPem());
    }

    /// <summary>Redacted: the private key never shows in test output.</summary>
    public override string ToString() => "KalshiTestKeys(<private key redacted>)";
}
