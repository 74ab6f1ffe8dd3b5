using System.Numerics;
using System.Security.Cryptography;
using ActorExec.Venues.Polymarket.Signing;

namespace ActorExec.Venues.Tests.Polymarket.Signing;

/// <summary>
/// Vectors from Polymarket's public client library Polymarket/go-order-utils,
/// pkg/builder/exchange_order_builder_impl_test.go (TestBuildOrderHash, TestBuildOrderSignature): chain 80002,
/// the well-known Hardhat/Anvil account #0 key, salt 479249096354, and the expected order hashes and signatures
/// (go-ethereum crypto.Sign, RFC 6979, so they are fixed bytes we can recover from but not reproduce).
/// </summary>
public sealed class PolymarketOrderSigningSpec
{
    private const string PrivateKey = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private const string SignerAddress = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    private static readonly PolymarketOrder Order = new(
        Salt: 479249096354,
        Maker: SignerAddress,
        Signer: SignerAddress,
        Taker: PolymarketOrder.AnyTaker,
        TokenId: 1234,
        MakerAmount: 100000000,
        TakerAmount: 50000000,
        Expiration: 0,
        Nonce: 0,
        FeeRateBps: 100,
        Side: PolymarketOrderSide.Buy,
        SignatureType: PolymarketSignatureType.Eoa);

    [Fact]
    public void Digest_GoOrderUtilsCtfExchangeVector_MatchesPublishedOrderHash()
    {
        var digest = PolymarketOrderSigning.Digest(Order, PolymarketExchange.CtfExchange(PolymarketExchange.Amoy));

        Convert.ToHexStringLower(digest).Should().Be("02ca1d1aa31103804173ad1acd70066cb6c1258a4be6dada055111f9a7ea4e55");
    }

    [Fact]
    public void Digest_GoOrderUtilsNegRiskVector_MatchesPublishedOrderHash()
    {
        var digest = PolymarketOrderSigning.Digest(Order, PolymarketExchange.NegRiskCtfExchange(PolymarketExchange.Amoy));

        Convert.ToHexStringLower(digest).Should().Be("f15790d3edc4b5aed427b0b543a9206fcf4b1a13dfed016d33bfb313076263b8");
    }

    [Theory]
    [InlineData(false, "0x302cd9abd0b5fcaa202a344437ec0b6660da984e24ae9ad915a592a90facf5a51bb8a873cd8d270f070217fea1986531d5eec66f1162a81f66e026db653bf7ce1c")]
    [InlineData(true, "0x1b3646ef347e5bd144c65bd3357ba19c12c12abaeedae733cf8579bc51a2752c0454c3bc6b236957e393637982c769b8dc0706c0f5c399983d933850afd1cbcd1c")]
    public void RecoverSigner_GoOrderUtilsPublishedSignature_IsThePublishedSigner(bool negRisk, string signature)
    {
        var exchange = negRisk ? PolymarketExchange.NegRiskCtfExchange(PolymarketExchange.Amoy) : PolymarketExchange.CtfExchange(PolymarketExchange.Amoy);

        PolymarketOrderSigning.RecoverSigner(Order, exchange, signature).Should().Be(SignerAddress);
    }

    [Fact]
    public void RecoverSigner_SignatureForTheOtherExchange_IsNotTheSigner()
    {
        const string ctfSignature = "0x302cd9abd0b5fcaa202a344437ec0b6660da984e24ae9ad915a592a90facf5a51bb8a873cd8d270f070217fea1986531d5eec66f1162a81f66e026db653bf7ce1c";

        PolymarketOrderSigning.RecoverSigner(Order, PolymarketExchange.NegRiskCtfExchange(PolymarketExchange.Amoy), ctfSignature).Should().NotBe(SignerAddress);
    }

    [Fact]
    public void Sign_PublishedKey_RecoversToTheSigner()
    {
        using var key = EthereumKey.FromPrivateKey(Convert.FromHexString(PrivateKey));
        var exchange = PolymarketExchange.CtfExchange(PolymarketExchange.Polygon);

        var signature = PolymarketOrderSigning.Sign(Order, key, exchange);

        key.Address.Should().Be(SignerAddress);
        signature.Should().MatchRegex("^0x[0-9a-f]{130}$");
        PolymarketOrderSigning.RecoverSigner(Order, exchange, signature).Should().Be(SignerAddress);
    }

    [Fact]
    public void Sign_KeyIsNotTheOrdersSigner_Throws()
    {
        using var other = EthereumKey.FromPrivateKey(Keccak256.Hash("cow"u8));

        var act = () => PolymarketOrderSigning.Sign(Order, other, PolymarketExchange.CtfExchange(PolymarketExchange.Polygon));

        act.Should().Throw<ArgumentException>().WithMessage($"*signer is {SignerAddress}*key's address is {Eip712Spec.CowAddress}*");
    }

    [Fact]
    public void Digest_DiffersByChainAndByEveryField()
    {
        var polygon = PolymarketExchange.CtfExchange(PolymarketExchange.Polygon);
        var baseline = PolymarketOrderSigning.Digest(Order, polygon);

        PolymarketOrderSigning.Digest(Order, PolymarketExchange.CtfExchange(PolymarketExchange.Amoy)).Should().NotEqual(baseline);
        PolymarketOrderSigning.Digest(Order with { Side = PolymarketOrderSide.Sell }, polygon).Should().NotEqual(baseline);
        PolymarketOrderSigning.Digest(Order with { SignatureType = PolymarketSignatureType.PolyGnosisSafe }, polygon).Should().NotEqual(baseline);
        PolymarketOrderSigning.Digest(Order with { Expiration = 1 }, polygon).Should().NotEqual(baseline);
    }

    [Fact]
    public void Digest_MalformedAddressOrNegativeAmount_NamesTheField()
    {
        var polygon = PolymarketExchange.CtfExchange(PolymarketExchange.Polygon);

        FluentActions.Invoking(() => PolymarketOrderSigning.Digest(Order with { Taker = "0x0" }, polygon))
            .Should().Throw<ArgumentException>().WithMessage("*Order.taker (address)*");
        FluentActions.Invoking(() => PolymarketOrderSigning.Digest(Order with { MakerAmount = BigInteger.MinusOne }, polygon))
            .Should().Throw<ArgumentException>().WithMessage("*Order.makerAmount (uint256)*out of range*");
    }

    [Fact]
    public void RecoverSigner_GarbageSignature_ThrowsClearly()
    {
        var exchange = PolymarketExchange.CtfExchange(PolymarketExchange.Amoy);

        FluentActions.Invoking(() => PolymarketOrderSigning.RecoverSigner(Order, exchange, "0xdeadbeef")).Should().Throw<FormatException>();
        FluentActions.Invoking(() => PolymarketOrderSigning.RecoverSigner(Order, exchange, "0x" + new string('0', 128) + "1b"))
            .Should().Throw<CryptographicException>();
    }

    [Fact]
    public void Exchanges_KnownChains_HaveDocumentedDomains()
    {
        PolymarketExchange.CtfExchange(137).Should().Be(new Eip712Domain("Polymarket CTF Exchange", "1", 137, "0x4bFb41d5B3570DeFd03C39a9A4D8dE6Bd8B8982E"));
        PolymarketExchange.NegRiskCtfExchange(137).VerifyingContract.Should().Be("0xC5d563A36AE78145C45a50134d48A1215220f80a");
        PolymarketExchange.CtfExchange(80002).VerifyingContract.Should().Be("0xdFE02Eb6733538f8Ea35D585af8DE5958AD99E40");
    }

    [Fact]
    public void Exchanges_UnknownChain_ThrowsNamingKnownOnes()
    {
        FluentActions.Invoking(() => PolymarketExchange.CtfExchange(1)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*chain 1*137 (Polygon)*80002 (Amoy)*");
        FluentActions.Invoking(() => PolymarketExchange.NegRiskCtfExchange(80001)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void OrderType_EncodesAsTheExchangeTypeString()
    {
        Eip712.EncodeType("Order", [PolymarketOrder.Type]).Should().Be(
            "Order(uint256 salt,address maker,address signer,address taker,uint256 tokenId,uint256 makerAmount,uint256 takerAmount,uint256 expiration,uint256 nonce,uint256 feeRateBps,uint8 side,uint8 signatureType)");
    }
}
