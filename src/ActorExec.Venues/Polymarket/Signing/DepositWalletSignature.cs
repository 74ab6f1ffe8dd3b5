using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace ActorExec.Venues.Polymarket.Signing;

/// <summary>
/// The POLY_1271 signature of a V2 order made by a deposit wallet's owner key: the wallet checks it on-chain with
/// ERC-1271 using the ERC-7739 "TypedDataSign" scheme, so the owner signs the order as the contents of the wallet's
/// own domain, and the signature carries what the wallet needs to rebuild that digest. Layout and constants from
/// Polymarket/py-clob-client-v2 order_utils/exchange_order_builder_v2.py: inner r‖s‖v (65) ‖ exchange domain
/// separator (32) ‖ order struct hash (32) ‖ Order type string ‖ its length as uint16 big-endian.
/// </summary>
internal static class DepositWalletSignature
{
    private const int InnerLength = 65;

    private static readonly Eip712Type TypedDataSign = new("TypedDataSign",
    [
        new Eip712Field("contents", "Order"),
        new Eip712Field("name", "string"),
        new Eip712Field("version", "string"),
        new Eip712Field("chainId", "uint256"),
        new Eip712Field("verifyingContract", "address"),
        new Eip712Field("salt", "bytes32"),
    ]);

    private static readonly byte[] OrderTypeString = Encoding.ASCII.GetBytes(Eip712.EncodeType("Order", [PolymarketOrderV2.Type]));

    /// <summary>The digest the owner key signs: the exchange's domain over TypedDataSign(order, "DepositWallet", "1", chain, wallet, 0).</summary>
    public static byte[] Digest(PolymarketOrderV2 order, Eip712Domain exchange)
    {
        var message = new Dictionary<string, object?>
        {
            ["contents"] = order.ToEip712Message(),
            ["name"] = "DepositWallet",
            ["version"] = "1",
            ["chainId"] = exchange.ChainId,
            ["verifyingContract"] = order.Signer,
            ["salt"] = new byte[32],
        };
        var structHash = Eip712.HashStruct(TypedDataSign.Name, message, [TypedDataSign, PolymarketOrderV2.Type]);
        return Eip712.Digest(exchange.Separator(), structHash);
    }

    /// <summary>Signs <paramref name="order"/> with the wallet owner's key and wraps the result for the wallet.</summary>
    public static string Sign(PolymarketOrderV2 order, EthereumKey owner, Eip712Domain exchange)
    {
        var inner = owner.Sign(Digest(order, exchange));
        var wrapped = new byte[InnerLength + 64 + OrderTypeString.Length + 2];
        Convert.FromHexString(inner.ToHex().AsSpan(2)).CopyTo(wrapped, 0);
        exchange.Separator().CopyTo(wrapped, InnerLength);
        PolymarketOrderSigning.StructHash(order).CopyTo(wrapped, InnerLength + 32);
        OrderTypeString.CopyTo(wrapped, InnerLength + 64);
        wrapped[^2] = (byte)(OrderTypeString.Length >> 8);
        wrapped[^1] = (byte)OrderTypeString.Length;
        return Hex.Prefixed(wrapped);
    }

    /// <summary>
    /// The owner address that made a wrapped signature, after checking that the wrapper names this exchange, this
    /// order and the V2 Order type; whether that owner controls the wallet is the wallet contract's to decide.
    /// </summary>
    public static string RecoverOwner(PolymarketOrderV2 order, Eip712Domain exchange, string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var digits = Hex.StripPrefix(signature.AsSpan().Trim());
        var expectedLength = InnerLength + 64 + OrderTypeString.Length + 2;
        if (digits.Length != 2 * expectedLength || !Hex.IsHex(digits))
            throw new FormatException($"a POLY_1271 order signature is {expectedLength} bytes as hex (65-byte signature, domain separator, order hash, type string, length); got {digits.Length} characters");
        var bytes = Convert.FromHexString(digits);
        if (!bytes.AsSpan(InnerLength, 32).SequenceEqual(exchange.Separator()))
            throw new CryptographicException("the POLY_1271 signature was made for another exchange domain");
        if (!bytes.AsSpan(InnerLength + 32, 32).SequenceEqual(PolymarketOrderSigning.StructHash(order)))
            throw new CryptographicException("the POLY_1271 signature was made for another order");
        if (!bytes.AsSpan(InnerLength + 64, OrderTypeString.Length).SequenceEqual(OrderTypeString)
            || new BigInteger(bytes.AsSpan(bytes.Length - 2), isUnsigned: true, isBigEndian: true) != OrderTypeString.Length)
            throw new CryptographicException("the POLY_1271 signature does not carry the V2 Order type string");
        var inner = EthereumSignature.Parse(Convert.ToHexStringLower(bytes.AsSpan(0, InnerLength)));
        return inner.RecoverAddress(Digest(order, exchange));
    }
}
