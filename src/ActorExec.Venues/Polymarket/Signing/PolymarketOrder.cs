using System.Numerics;

namespace ActorExec.Venues.Polymarket.Signing;

/// <summary>
/// The CTF Exchange order the maker signs (the contract's <c>OrderStructs.Order</c> minus the signature), field for
/// field in the contract's order, so its EIP-712 hash matches what the exchange and the CLOB compute.
/// </summary>
/// <param name="Salt">Random entropy that makes otherwise equal orders distinct.</param>
/// <param name="Maker">The address whose funds are used (the proxy or Safe for those signature types).</param>
/// <param name="Signer">The address whose key signs (equal to Maker for <see cref="PolymarketSignatureType.Eoa"/>).</param>
/// <param name="Taker">The only address allowed to fill; the zero address for a public order.</param>
/// <param name="TokenId">The ERC-1155 outcome token id.</param>
/// <param name="MakerAmount">Most the maker gives, in base units (6 decimals).</param>
/// <param name="TakerAmount">Least the maker receives, in base units.</param>
/// <param name="Expiration">Unix seconds after which the order is void; 0 for none.</param>
/// <param name="Nonce">The maker's exchange nonce, used for on-chain cancellation.</param>
/// <param name="FeeRateBps">The fee rate the maker agrees to, in basis points.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="SignatureType">How the signature is checked against the maker.</param>
public sealed record PolymarketOrder(
    BigInteger Salt,
    string Maker,
    string Signer,
    string Taker,
    BigInteger TokenId,
    BigInteger MakerAmount,
    BigInteger TakerAmount,
    BigInteger Expiration,
    BigInteger Nonce,
    BigInteger FeeRateBps,
    PolymarketOrderSide Side,
    PolymarketSignatureType SignatureType)
{
    /// <summary>The zero address, the taker of an order anyone may fill.</summary>
    public const string AnyTaker = "0x0000000000000000000000000000000000000000";

    /// <summary>
    /// The EIP-712 Order type, members in the exchange contract's order. Source: Polymarket/ctf-exchange
    /// OrderStructs.sol ORDER_TYPEHASH and Polymarket/go-order-utils pkg/builder/constants.go (both spell
    /// "Order(uint256 salt,address maker,address signer,address taker,uint256 tokenId,uint256 makerAmount,
    /// uint256 takerAmount,uint256 expiration,uint256 nonce,uint256 feeRateBps,uint8 side,uint8 signatureType)").
    /// </summary>
    public static readonly Eip712Type Type = new("Order",
    [
        new Eip712Field("salt", "uint256"),
        new Eip712Field("maker", "address"),
        new Eip712Field("signer", "address"),
        new Eip712Field("taker", "address"),
        new Eip712Field("tokenId", "uint256"),
        new Eip712Field("makerAmount", "uint256"),
        new Eip712Field("takerAmount", "uint256"),
        new Eip712Field("expiration", "uint256"),
        new Eip712Field("nonce", "uint256"),
        new Eip712Field("feeRateBps", "uint256"),
        new Eip712Field("side", "uint8"),
        new Eip712Field("signatureType", "uint8"),
    ]);

    /// <summary>The members keyed by their EIP-712 names, as <see cref="Eip712.HashStruct"/> takes them.</summary>
    internal IReadOnlyDictionary<string, object?> ToEip712Message() => new Dictionary<string, object?>
    {
        ["salt"] = Salt,
        ["maker"] = Maker,
        ["signer"] = Signer,
        ["taker"] = Taker,
        ["tokenId"] = TokenId,
        ["makerAmount"] = MakerAmount,
        ["takerAmount"] = TakerAmount,
        ["expiration"] = Expiration,
        ["nonce"] = Nonce,
        ["feeRateBps"] = FeeRateBps,
        ["side"] = (int)Side,
        ["signatureType"] = (int)SignatureType,
    };
}
