using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using ActorExec.Venues.Credentials;
using ActorExec.Venues.Kalshi;

namespace ActorExec.Venues.Tests.Kalshi;

/// <summary>Kalshi request signing: what is signed, how (RSA-PSS, SHA-256, salt 32) and how key problems are reported.</summary>
public sealed class KalshiRequestSignerSpec(KalshiKeysFixture fixture) : IClassFixture<KalshiKeysFixture>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_703_123_456_789);

    [Fact]
    public void StringToSign_GetWithQuery_ExcludesTheQuery()
    {
        KalshiRequestSigner.StringToSign(1_703_123_456_789, "get", "/trade-api/v2/portfolio/orders?limit=5&status=resting")
            .Should().Be("1703123456789GET/trade-api/v2/portfolio/orders");
    }

    [Fact]
    public void Sign_Post_SetsHeadersAndSignsTimestampMethodAndPath()
    {
        using var signer = Signer(fixture.Keys.PrivatePkcs1Pem);
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.elections.kalshi.com/trade-api/v2/portfolio/orders?x=1");

        signer.Sign(request, "/trade-api/v2/portfolio/orders", "{\"ticker\":\"T\"}"u8);

        request.Headers.GetValues(KalshiRequestSigner.KeyHeader).Should().Equal("key-1");
        request.Headers.GetValues(KalshiRequestSigner.TimestampHeader).Should().Equal("1703123456789");
        var signature = Convert.FromBase64String(request.Headers.GetValues(KalshiRequestSigner.SignatureHeader).Single());
        var signed = Encoding.UTF8.GetBytes("1703123456789POST/trade-api/v2/portfolio/orders");
        using var publicKey = PublicKey();
        publicKey.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss).Should().BeTrue();
        publicKey.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).Should().BeFalse("Kalshi wants PSS, not PKCS#1 v1.5");
    }

    [Fact]
    public void SignText_Pss_UsesMgf1Sha256AndA32ByteSalt()
    {
        using var signer = Signer(fixture.Keys.PrivatePkcs1Pem);
        const string text = "1703123456789GET/trade-api/v2/portfolio/balance";

        var signature = Convert.FromBase64String(signer.SignText(text));

        using var publicKey = PublicKey();
        var salt = RecoverPssSalt(publicKey, signature, SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        salt.Length.Should().Be(32);
    }

    [Fact]
    public void Constructor_Pkcs8Pem_SignsVerifiably()
    {
        using var signer = Signer(fixture.Keys.PrivatePkcs8Pem);

        var signature = Convert.FromBase64String(signer.SignText("1GET/trade-api/v2/exchange/status"));

        using var publicKey = PublicKey();
        publicKey.VerifyData("1GET/trade-api/v2/exchange/status"u8.ToArray(), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss).Should().BeTrue();
    }

    [Theory]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nTOPSECRETnotbase64@@\n-----END RSA PRIVATE KEY-----")]
    [InlineData("TOPSECRET plain text, not PEM at all")]
    public void Constructor_MalformedPem_NamesTheSourceNotTheContent(string pem)
    {
        var act = () => new KalshiRequestSigner("key-1", new Secret(pem, "env KALSHI_PRIVATE_KEY"), TimeProvider.System);

        act.Should().Throw<ArgumentException>()
            .Where(e => e.Message.Contains("env KALSHI_PRIVATE_KEY", StringComparison.Ordinal) && !e.Message.Contains("TOPSECRET", StringComparison.Ordinal)
                        && e.InnerException == null);
    }

    [Fact]
    public void Constructor_PublicKeyOnly_IsRefused()
    {
        var act = () => new KalshiRequestSigner("key-1", new Secret(fixture.Keys.PublicPem, "file pub.pem"), TimeProvider.System);

        act.Should().Throw<ArgumentException>().WithMessage("*file pub.pem*");
    }

    [Fact]
    public void ToString_NamesKeyIdOnly()
    {
        using var signer = Signer(fixture.Keys.PrivatePkcs1Pem);

        signer.ToString().Should().Be("KalshiRequestSigner(key id key-1)");
    }

    private static KalshiRequestSigner Signer(string pem) => new("key-1", new Secret(pem, "test"), new FixedClock(Now));

    private RSA PublicKey()
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(fixture.Keys.PublicPem);
        return rsa;
    }

    /// <summary>Opens an RSASSA-PSS signature by hand (RFC 8017 §9.1.2) and returns its salt, checking the encoding on the way.</summary>
    private static byte[] RecoverPssSalt(RSA publicKey, byte[] signature, byte[] messageHash)
    {
        var p = publicKey.ExportParameters(false);
        var n = new BigInteger(p.Modulus, isUnsigned: true, isBigEndian: true);
        var e = new BigInteger(p.Exponent, isUnsigned: true, isBigEndian: true);
        var modBits = (int)n.GetBitLength();
        var emLen = (modBits - 1 + 7) / 8;
        var raw = BigInteger.ModPow(new BigInteger(signature, isUnsigned: true, isBigEndian: true), e, n).ToByteArray(isUnsigned: true, isBigEndian: true);
        var em = new byte[emLen];
        raw.CopyTo(em, emLen - raw.Length);
        em[^1].Should().Be(0xbc);
        const int hLen = 32;
        var h = em[(emLen - hLen - 1)..^1];
        var db = em[..(emLen - hLen - 1)];
        var mask = Mgf1Sha256(h, db.Length);
        for (var i = 0; i < db.Length; i++)
            db[i] ^= mask[i];
        db[0] &= (byte)(0xFF >> (8 * emLen - (modBits - 1)));
        var one = Array.FindIndex(db, b => b != 0);
        db[one].Should().Be(0x01);
        var salt = db[(one + 1)..];
        var mPrime = new byte[8].Concat(messageHash).Concat(salt).ToArray();
        SHA256.HashData(mPrime).Should().Equal(h, "H must be the hash of the padded message with the recovered salt");
        return salt;
    }

    private static byte[] Mgf1Sha256(byte[] seed, int length)
    {
        var output = new List<byte>(length + 32);
        for (uint counter = 0; output.Count < length; counter++)
        {
            var c = new[] { (byte)(counter >> 24), (byte)(counter >> 16), (byte)(counter >> 8), (byte)counter };
            output.AddRange(SHA256.HashData(seed.Concat(c).ToArray()));
        }
        return [.. output.Take(length)];
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
