using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using ActorExec.Venues.Polymarket.Signing;

namespace ActorExec.Venues.Tests.Polymarket.Signing;

/// <summary>
/// CLOB V2 vectors from Polymarket/py-clob-client-v2 tests/order_utils/test_exchange_order_builder_v2.py: chain
/// 80002, the Hardhat account #0 key, salt 479249096354, timestamp 1710000000000, a deposit wallet 0x1111…1111 as
/// maker and signer (POLY_1271), its published order_hash and its published ERC-7739-wrapped signature, whose parts
/// (inner r‖s‖v, app domain separator, contents hash, type string, length) are checked one by one.
/// </summary>
public sealed class PolymarketOrderV2SigningSpec
{
    private const string HardhatKey = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private const string HardhatAddress = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private const string DepositWallet = "0x1111111111111111111111111111111111111111";

    private const string PublishedPoly1271Signature =
        "0xa3a093c83b6c20c83355c16ce94c92e6e9fcbdeb840618cc74f6c57a42ad145b"
        + "2b98db73d2c73cbf1f2b6af288566ae81960ddbc3a13921027358a8bff3be6ff1c"
        + "a440cbd865bc0c6243d7a8df9a8bf48a8827b0a4abbb61c30e96d305423af148"
        + "d23d42d3ad94e65d78258cecaf8dcbaddac0f73dc085040f2c12bb595dd83804"
        + "4f726465722875696e743235362073616c742c61646472657373206d616b65722c"
        + "61646472657373207369676e65722c75696e7432353620746f6b656e49642c75"
        + "696e74323536206d616b6572416d6f756e742c75696e743235362074616b6572"
        + "416d6f756e742c75696e743820736964652c75696e7438207369676e61747572"
        + "65547970652c75696e743235362074696d657374616d702c6279746573333220"
        + "6d657461646174612c62797465733332206275696c6465722900ba";

    private static readonly PolymarketOrderV2 DepositWalletOrder = new(
        Salt: 479249096354,
        Maker: DepositWallet,
        Signer: DepositWallet,
        TokenId: 1234,
        MakerAmount: 100000000,
        TakerAmount: 50000000,
        Side: PolymarketOrderSide.Buy,
        SignatureType: PolymarketSignatureType.Poly1271,
        Timestamp: 1710000000000,
        Metadata: PolymarketOrderV2.ZeroBytes32,
        Builder: PolymarketOrderV2.ZeroBytes32);

    private static string Wrapped(int fromByte, int toByte) => PublishedPoly1271Signature[(2 + 2 * fromByte)..(2 + 2 * toByte)];

    [Fact]
    public void Digest_PyClobClientV2Vector_MatchesPublishedOrderHash()
    {
        var digest = PolymarketOrderSigning.Digest(DepositWalletOrder, PolymarketExchange.CtfExchangeV2(PolymarketExchange.Amoy));

        Convert.ToHexStringLower(digest).Should().Be("2afca94626db91b2d556c351584a4cd93e13da32e377dc48c7983e43afa5ab47");
    }

    [Fact]
    public void SeparatorAndStructHash_MatchThePublishedWrapperParts()
    {
        Convert.ToHexStringLower(PolymarketExchange.CtfExchangeV2(PolymarketExchange.Amoy).Separator()).Should().Be(Wrapped(65, 97));
        Convert.ToHexStringLower(PolymarketOrderSigning.StructHash(DepositWalletOrder)).Should().Be(Wrapped(97, 129));
        Encoding.ASCII.GetString(Convert.FromHexString(Wrapped(129, 129 + 186))).Should().Be(Eip712.EncodeType("Order", [PolymarketOrderV2.Type]));
        Wrapped(129 + 186, 129 + 188).Should().Be("00ba", "the wrapper ends with the type string's length, 186");
    }

    [Fact]
    public void Poly1271InnerSignature_RecoversTheOwnerKeyThroughTheGeneralEncoder()
    {
        // ERC-7739 TypedDataSign: the owner signs the Order as "contents" of the deposit wallet's domain fields,
        // under the exchange's domain separator. The general encoder must produce the same type string.
        var typedDataSign = new Eip712Type("TypedDataSign",
        [
            new Eip712Field("contents", "Order"),
            new Eip712Field("name", "string"),
            new Eip712Field("version", "string"),
            new Eip712Field("chainId", "uint256"),
            new Eip712Field("verifyingContract", "address"),
            new Eip712Field("salt", "bytes32"),
        ]);
        var message = new Dictionary<string, object?>
        {
            ["contents"] = ToDictionary(DepositWalletOrder),
            ["name"] = "DepositWallet",
            ["version"] = "1",
            ["chainId"] = new BigInteger(PolymarketExchange.Amoy),
            ["verifyingContract"] = DepositWallet,
            ["salt"] = new byte[32],
        };
        var digest = Eip712.Digest(
            PolymarketExchange.CtfExchangeV2(PolymarketExchange.Amoy).Separator(),
            Eip712.HashStruct("TypedDataSign", message, [typedDataSign, PolymarketOrderV2.Type]));

        var inner = EthereumSignature.Parse(Wrapped(0, 65));

        Eip712.EncodeType("TypedDataSign", [typedDataSign, PolymarketOrderV2.Type]).Should().StartWith(
            "TypedDataSign(Order contents,string name,string version,uint256 chainId,address verifyingContract,bytes32 salt)Order(uint256 salt,");
        inner.RecoverAddress(digest).Should().Be(HardhatAddress);
    }

    [Fact]
    public void Sign_EoaV2Order_RecoversToTheSigner()
    {
        using var key = EthereumKey.FromPrivateKey(Convert.FromHexString(HardhatKey));
        var order = DepositWalletOrder with { Maker = HardhatAddress, Signer = HardhatAddress, SignatureType = PolymarketSignatureType.Eoa };
        var exchange = PolymarketExchange.NegRiskCtfExchangeV2(PolymarketExchange.Polygon);

        var signature = PolymarketOrderSigning.Sign(order, key, exchange);

        PolymarketOrderSigning.RecoverSigner(order, exchange, signature).Should().Be(HardhatAddress);
        PolymarketOrderSigning.RecoverSigner(order, PolymarketExchange.CtfExchangeV2(PolymarketExchange.Polygon), signature).Should().NotBe(HardhatAddress);
    }

    [Fact]
    public void RecoverSigner_PublishedPoly1271Signature_IsTheOwnerKey()
    {
        PolymarketOrderSigning.RecoverSigner(DepositWalletOrder, PolymarketExchange.CtfExchangeV2(PolymarketExchange.Amoy), PublishedPoly1271Signature)
            .Should().Be(HardhatAddress);
    }

    [Fact]
    public void Sign_Poly1271Order_WrapsLikeTheReferenceClientAndRecoversTheOwner()
    {
        using var owner = EthereumKey.FromPrivateKey(Convert.FromHexString(HardhatKey));
        var exchange = PolymarketExchange.CtfExchangeV2(PolymarketExchange.Amoy);

        var signature = PolymarketOrderSigning.Sign(DepositWalletOrder, owner, exchange);

        signature.Should().HaveLength(PublishedPoly1271Signature.Length);
        signature[(2 + 2 * 65)..].Should().Be(PublishedPoly1271Signature[(2 + 2 * 65)..], "everything after the random-k inner signature is deterministic");
        PolymarketOrderSigning.RecoverSigner(DepositWalletOrder, exchange, signature).Should().Be(HardhatAddress);
    }

    [Fact]
    public void RecoverSigner_Poly1271SignatureForAnotherOrderOrExchange_Throws()
    {
        var exchange = PolymarketExchange.CtfExchangeV2(PolymarketExchange.Amoy);

        FluentActions.Invoking(() => PolymarketOrderSigning.RecoverSigner(DepositWalletOrder with { TokenId = 1235 }, exchange, PublishedPoly1271Signature))
            .Should().Throw<CryptographicException>().WithMessage("*another order*");
        FluentActions.Invoking(() => PolymarketOrderSigning.RecoverSigner(DepositWalletOrder, PolymarketExchange.NegRiskCtfExchangeV2(PolymarketExchange.Amoy), PublishedPoly1271Signature))
            .Should().Throw<CryptographicException>().WithMessage("*another exchange domain*");
        FluentActions.Invoking(() => PolymarketOrderSigning.RecoverSigner(DepositWalletOrder, exchange, PublishedPoly1271Signature[..132]))
            .Should().Throw<FormatException>().WithMessage("*POLY_1271*");
    }

    [Fact]
    public void Digest_BadMetadata_NamesTheField()
    {
        var act = () => PolymarketOrderSigning.Digest(DepositWalletOrder with { Metadata = "0x1234" }, PolymarketExchange.CtfExchangeV2(PolymarketExchange.Polygon));

        act.Should().Throw<ArgumentException>().WithMessage("*Order.metadata (bytes32)*exactly 32 bytes, got 2*");
    }

    [Fact]
    public void ExchangesV2_KnownChains_HaveDocumentedDomains()
    {
        PolymarketExchange.CtfExchangeV2(137).Should().Be(new Eip712Domain("Polymarket CTF Exchange", "2", 137, "0xE111180000d2663C0091e4f400237545B87B996B"));
        PolymarketExchange.NegRiskCtfExchangeV2(80002).VerifyingContract.Should().Be("0xe2222d279d744050d28e00520010520000310F59");
        FluentActions.Invoking(() => PolymarketExchange.CtfExchangeV2(1)).Should().Throw<ArgumentOutOfRangeException>();
    }

    private static Dictionary<string, object?> ToDictionary(PolymarketOrderV2 order) => new()
    {
        ["salt"] = order.Salt,
        ["maker"] = order.Maker,
        ["signer"] = order.Signer,
        ["tokenId"] = order.TokenId,
        ["makerAmount"] = order.MakerAmount,
        ["takerAmount"] = order.TakerAmount,
        ["side"] = (int)order.Side,
        ["signatureType"] = (int)order.SignatureType,
        ["timestamp"] = order.Timestamp,
        ["metadata"] = order.Metadata,
        ["builder"] = order.Builder,
    };
}
