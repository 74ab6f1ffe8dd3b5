using System.Numerics;

namespace ActorExec.Venues.Polymarket.Signing;

/// <summary>
/// The order CTF Exchange V2 verifies (CLOB V2, live on Polymarket's production CLOB since 2026-04-28, after which
/// V1-signed orders are refused, per docs.polymarket.com "Migrating to CLOB V2"). V2 drops taker, expiration, nonce
/// and feeRateBps from the signed struct and adds timestamp, metadata and builder; the expiration still travels in
/// the order JSON but is not signed.
/// </summary>
/// <param name="Salt">Random entropy that makes otherwise equal orders distinct.</param>
/// <param name="Maker">The address whose funds are used.</param>
/// <param name="Signer">The address whose key signs (the deposit wallet itself for <see cref="PolymarketSignatureType.Poly1271"/>).</param>
/// <param name="TokenId">The ERC-1155 outcome token id.</param>
/// <param name="MakerAmount">Most the maker gives, in base units (6 decimals).</param>
/// <param name="TakerAmount">Least the maker receives, in base units.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="SignatureType">How the signature is checked against the maker.</param>
/// <param name="Timestamp">Creation time in Unix milliseconds, as the V2 clients set it.</param>
/// <param name="Metadata">32 bytes as 0x-hex; <see cref="ZeroBytes32"/> unless the CLOB asks otherwise.</param>
/// <param name="Builder">The builder code as 32 bytes of 0x-hex; <see cref="ZeroBytes32"/> for none.</param>
public sealed record PolymarketOrderV2(
    BigInteger Salt,
    string Maker,
    string Signer,
    BigInteger TokenId,
    BigInteger MakerAmount,
    BigInteger TakerAmount,
    PolymarketOrderSide Side,
    PolymarketSignatureType SignatureType,
    BigInteger Timestamp,
    string Metadata,
    string Builder)
{
    /// <summary>32 zero bytes, the default metadata and builder.</summary>
    public const string ZeroBytes32 = "0x0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// The V2 EIP-712 Order type. Source: Polymarket/py-clob-client-v2 order_utils/exchange_order_builder_v2.py
    /// ORDER_TYPE_STRING "Order(uint256 salt,address maker,address signer,uint256 tokenId,uint256 makerAmount,
    /// uint256 takerAmount,uint8 side,uint8 signatureType,uint256 timestamp,bytes32 metadata,bytes32 builder)".
    /// </summary>
    public static readonly Eip712Type Type = new("Order",
    [
        new Eip712Field("salt", "uint256"),
        new Eip712Field("maker", "address"),
        new Eip712Field("signer", "address"),
        new Eip712Field("tokenId", "uint256"),
        new Eip712Field("makerAmount", "uint256"),
        new Eip712Field("takerAmount", "uint256"),
        new Eip712Field("side", "uint8"),
        new Eip712Field("signatureType", "uint8"),
        new Eip712Field("timestamp", "uint256"),
        new Eip712Field("metadata", "bytes32"),
        new Eip712Field("builder", "bytes32"),
    ]);

    /// <summary>The members keyed by their EIP-712 names, as <see cref="Eip712.HashStruct"/> takes them.</summary>
    internal IReadOnlyDictionary<string, object?> ToEip712Message() => new Dictionary<string, object?>
    {
        ["salt"] = Salt,
        ["maker"] = Maker,
        ["signer"] = Signer,
        ["tokenId"] = TokenId,
        ["makerAmount"] = MakerAmount,
        ["takerAmount"] = TakerAmount,
        ["side"] = (int)Side,
        ["signatureType"] = (int)SignatureType,
        ["timestamp"] = Timestamp,
        ["metadata"] = Metadata,
        ["builder"] = Builder,
    };
}
