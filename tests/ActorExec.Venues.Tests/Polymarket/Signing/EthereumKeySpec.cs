using System.Numerics;
using System.Security.Cryptography;
using ActorExec.Venues.Credentials;
using ActorExec.Venues.Polymarket.Signing;

namespace ActorExec.Venues.Tests.Polymarket.Signing;

public sealed class EthereumKeySpec
{
    // EIP-712 Example.js: the private key is keccak256("cow") and its address is Cow's wallet.
    private static readonly byte[] CowKey = Keccak256.Hash("cow"u8);

    // The same file's signature of the Mail digest (ethereumjs ecsign, RFC 6979): v 28, r, s.
    private static readonly EthereumSignature CowMailSignature = new(
        Convert.FromHexString("4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d"),
        Convert.FromHexString("07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562"),
        28);

    [Fact]
    public void FromPrivateKey_CowKey_HasCowsAddress()
    {
        using var key = EthereumKey.FromPrivateKey(CowKey);

        key.Address.Should().Be(Eip712Spec.CowAddress);
    }

    [Fact]
    public void RecoverAddress_EipMailSignature_IsCow()
    {
        CowMailSignature.RecoverAddress(Convert.FromHexString(Eip712Spec.MailDigest)).Should().Be(Eip712Spec.CowAddress);
    }

    [Fact]
    public void Sign_EipMailDigest_RecoversToCowWithLowS()
    {
        using var key = EthereumKey.FromPrivateKey(CowKey);
        var digest = Convert.FromHexString(Eip712Spec.MailDigest);

        var signature = key.Sign(digest);

        signature.V.Should().BeOneOf((byte)27, (byte)28);
        new BigInteger(signature.S, isUnsigned: true, isBigEndian: true).Should().BeLessThanOrEqualTo(HalfOrder);
        signature.RecoverAddress(digest).Should().Be(Eip712Spec.CowAddress);
        EthereumSignature.Parse(signature.ToHex()).RecoverAddress(digest).Should().Be(Eip712Spec.CowAddress);
    }

    [Fact]
    public void Sign_FiftySeededKeysAndDigests_RecoverTheSignerAndNotFromATamperedDigest()
    {
        var random = new Random(20261122);
        for (var i = 0; i < 50; i++)
        {
            var privateKey = new byte[32];
            random.NextBytes(privateKey);
            privateKey[0] &= 0x7F; // stays below the group order
            privateKey[31] |= 1;   // and above zero
            var digest = new byte[32];
            random.NextBytes(digest);
            using var key = EthereumKey.FromPrivateKey(privateKey);

            var signature = key.Sign(digest);

            signature.V.Should().BeOneOf((byte)27, (byte)28);
            new BigInteger(signature.S, isUnsigned: true, isBigEndian: true).Should().BeLessThanOrEqualTo(HalfOrder);
            signature.RecoverAddress(digest).Should().Be(key.Address, "key {0} must be recovered from its own signature", i);
            var tampered = (byte[])digest.Clone();
            tampered[i % 32] ^= 0x01;
            RecoverOrNull(signature, tampered).Should().NotBe(key.Address);
        }
    }

    [Fact]
    public async Task Sign_FromSeveralThreadsAtOnce_EverySignatureRecoversTheSigner()
    {
        using var key = EthereumKey.FromPrivateKey(CowKey);
        var digests = Enumerable.Range(0, 32).Select(i => Keccak256.Hash(BitConverter.GetBytes(i))).ToArray();

        var recovered = await Task.WhenAll(digests.Select(digest => Task.Run(() => key.Sign(digest).RecoverAddress(digest))));

        recovered.Should().AllBe(Eip712Spec.CowAddress);
    }

    [Fact]
    public void FromPrivateKey_Secret_AcceptsPrefixedAndBareHex()
    {
        var hex = Convert.ToHexStringLower(CowKey);

        using var bare = EthereumKey.FromPrivateKey(new Secret(hex, "test"));
        using var prefixed = EthereumKey.FromPrivateKey(new Secret("0x" + hex.ToUpperInvariant(), "test"));

        bare.Address.Should().Be(Eip712Spec.CowAddress);
        prefixed.Address.Should().Be(Eip712Spec.CowAddress);
    }

    [Theory]
    [InlineData("0x1234")]
    [InlineData("zz2d2f2e0c2b5d0a7e2c6a5a5d8f8e8c6b2a1c0f0e0d0c0b0a09080706050403")]
    [InlineData("c85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4aa")]
    public void FromPrivateKey_MalformedSecret_ThrowsWithoutEchoingTheKey(string value)
    {
        var act = () => EthereumKey.FromPrivateKey(new Secret(value, "env POLY_PRIVATE_KEY"));

        var thrown = act.Should().Throw<ArgumentException>().WithMessage("*env POLY_PRIVATE_KEY*64 hex digits*").Which;
        thrown.Message.Should().NotContain(value.Replace("0x", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141")]
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF")]
    public void FromPrivateKey_OutOfRange_ThrowsWithoutEchoingTheKey(string value)
    {
        var act = () => EthereumKey.FromPrivateKey(new Secret(value, "file /run/secrets/poly"));

        var thrown = act.Should().Throw<ArgumentException>().WithMessage("*file /run/secrets/poly is out of range*").Which;
        thrown.Message.Should().NotContainEquivalentOf(value);
    }

    [Fact]
    public void FromPrivateKey_WrongLengthBytes_Throws()
    {
        var act = () => EthereumKey.FromPrivateKey(new byte[31]);

        act.Should().Throw<ArgumentException>().WithMessage("*32 bytes, got 31*");
    }

    [Fact]
    public void ToString_ShowsAddressOnlyNeverTheKey()
    {
        var hex = Convert.ToHexStringLower(CowKey);
        using var key = EthereumKey.FromPrivateKey(new Secret(hex, "test"));

        var text = key.ToString();

        text.Should().Contain(Eip712Spec.CowAddress);
        text.Should().NotContainEquivalentOf(hex);
        text.Should().NotContainEquivalentOf(hex[..16]);
    }

    [Fact]
    public void Sign_WrongDigestLengthOrDisposed_Throws()
    {
        var key = EthereumKey.FromPrivateKey(CowKey);
        var shortDigest = () => key.Sign(new byte[31]);
        shortDigest.Should().Throw<ArgumentException>().WithMessage("*32 bytes, got 31*");

        key.Dispose();
        var disposed = () => key.Sign(new byte[32]);
        disposed.Should().Throw<ObjectDisposedException>();
    }

    internal static readonly BigInteger HalfOrder =
        new BigInteger(Convert.FromHexString("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141"), isUnsigned: true, isBigEndian: true) / 2;

    private static string? RecoverOrNull(EthereumSignature signature, byte[] digest)
    {
        try
        {
            return signature.RecoverAddress(digest);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
