using System.Numerics;
using System.Security.Cryptography;
using ActorExec.Venues.Polymarket.Signing;

namespace ActorExec.Venues.Tests.Polymarket.Signing;

public sealed class EthereumSignatureSpec
{
    // EIP-712 Example.js: Cow's signature of the Mail digest as r ‖ s ‖ v.
    private const string CowMailHex =
        "0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b915621c";

    private static readonly byte[] MailDigest = Convert.FromHexString(Eip712Spec.MailDigest);

    [Fact]
    public void Parse_ThenToHex_RoundTrips()
    {
        var signature = EthereumSignature.Parse(CowMailHex);

        signature.V.Should().Be(28);
        signature.ToHex().Should().Be(CowMailHex).And.HaveLength(132);
    }

    [Fact]
    public void Parse_RawRecoveryIdAndNoPrefix_NormalisesToV28()
    {
        var raw = CowMailHex[2..^2] + "01";

        var signature = EthereumSignature.Parse(raw);

        signature.V.Should().Be(28);
        signature.RecoverAddress(MailDigest).Should().Be(Eip712Spec.CowAddress);
    }

    [Fact]
    public void RecoverAddress_OtherRecoveryId_GivesAnotherAddress()
    {
        var flipped = EthereumSignature.Parse(CowMailHex) with { V = 27 };

        flipped.RecoverAddress(MailDigest).Should().NotBe(Eip712Spec.CowAddress);
    }

    [Theory]
    [InlineData("0x1234", "*130 hex digits*got 4 characters*")]
    [InlineData("", "*130 hex digits*got 0 characters*")]
    public void Parse_WrongLength_ThrowsFormatException(string hex, string message)
    {
        var act = () => EthereumSignature.Parse(hex);

        act.Should().Throw<FormatException>().WithMessage(message);
    }

    [Fact]
    public void Parse_NonHexOrBadV_ThrowsFormatException()
    {
        var nonHex = () => EthereumSignature.Parse("0x" + new string('g', 130));
        var badV = () => EthereumSignature.Parse(CowMailHex[..^2] + "1d");

        nonHex.Should().Throw<FormatException>().WithMessage("*non-hex*");
        badV.Should().Throw<FormatException>().WithMessage("*v byte is 29*");
    }

    [Fact]
    public void RecoverAddress_HighS_IsRejectedLikeTheExchangeContract()
    {
        var signature = EthereumSignature.Parse(CowMailHex);
        var n = EthereumKeySpec.HalfOrder * 2 + 1;
        var highS = n - new BigInteger(signature.S, isUnsigned: true, isBigEndian: true);
        var malleable = signature with { S = highS.ToByteArray(isUnsigned: true, isBigEndian: true), V = 27 };

        var act = () => malleable.RecoverAddress(MailDigest);

        act.Should().Throw<CryptographicException>().WithMessage("*above n/2*");
    }

    [Fact]
    public void RecoverAddress_InvalidValues_ThrowCryptographicException()
    {
        var zeroR = new EthereumSignature(new byte[32], Convert.FromHexString(CowMailHex[66..130]), 28);
        var shortS = new EthereumSignature(Convert.FromHexString(CowMailHex[2..66]), new byte[31], 28);
        var badV = EthereumSignature.Parse(CowMailHex) with { V = 30 };
        // x = 5 is not the x-coordinate of any secp256k1 point (5³ + 7 = 132 is a non-residue mod p).
        var notOnCurve = new EthereumSignature(Hex32(5), Convert.FromHexString(CowMailHex[66..130]), 27);

        FluentActions.Invoking(() => zeroR.RecoverAddress(MailDigest)).Should().Throw<CryptographicException>().WithMessage("*r is zero*");
        FluentActions.Invoking(() => shortS.RecoverAddress(MailDigest)).Should().Throw<CryptographicException>().WithMessage("*32 bytes each*");
        FluentActions.Invoking(() => badV.RecoverAddress(MailDigest)).Should().Throw<CryptographicException>().WithMessage("*v is 30*");
        FluentActions.Invoking(() => notOnCurve.RecoverAddress(MailDigest)).Should().Throw<CryptographicException>().WithMessage("*no public key*");
        FluentActions.Invoking(() => zeroR.RecoverAddress(new byte[31])).Should().Throw<ArgumentException>().WithMessage("*32 bytes, got 31*");
    }

    private static byte[] Hex32(int value)
    {
        var bytes = new byte[32];
        bytes[31] = (byte)value;
        return bytes;
    }
}
