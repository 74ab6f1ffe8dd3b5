namespace ActorExec.Venues.Polymarket.Signing;

/// <summary>
/// Signs and verifies CTF Exchange orders: the EIP-712 digest of the order in the exchange's domain, signed by the
/// order's signer key. The same digest, hex-encoded, is the order hash the CLOB reports as the order id. Overloads
/// take a V1 <see cref="PolymarketOrder"/> (with a V1 domain) or a V2 <see cref="PolymarketOrderV2"/> (with a V2
/// domain), the one the production CLOB accepts since 2026-04-28.
/// </summary>
public static class PolymarketOrderSigning
{
    /// <summary>
    /// The EIP-712 digest of <paramref name="order"/> for <paramref name="exchange"/>; "0x" + its hex is the
    /// CLOB's order id, so it can be computed before the order is posted.
    /// </summary>
    /// <exception cref="ArgumentException">An address in the order is malformed or an amount is out of uint256 range; the message names the field.</exception>
    public static byte[] Digest(PolymarketOrder order, Eip712Domain exchange)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(exchange);
        var structHash = Eip712.HashStruct(PolymarketOrder.Type.Name, order.ToEip712Message(), [PolymarketOrder.Type]);
        return Eip712.Digest(exchange.Separator(), structHash);
    }

    /// <summary>The 0x-hex signature the CLOB's order JSON carries.</summary>
    /// <exception cref="ArgumentException">The key is not the order's signer (the exchange would reject the order), or the order is malformed.</exception>
    public static string Sign(PolymarketOrder order, EthereumKey key, Eip712Domain exchange)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(key);
        var signer = EthereumAddress.ToChecksum(order.Signer);
        if (!string.Equals(signer, key.Address, StringComparison.Ordinal))
            throw new ArgumentException($"the order's signer is {signer} but the key's address is {key.Address}; the exchange would reject the signature", nameof(key));
        return key.Sign(Digest(order, exchange)).ToHex();
    }

    /// <summary>
    /// The address that signed <paramref name="order"/>, for a server that must check a posted order's signature
    /// against its signer field.
    /// </summary>
    /// <exception cref="FormatException">The signature is not 65 bytes of hex.</exception>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The signature is invalid.</exception>
    public static string RecoverSigner(PolymarketOrder order, Eip712Domain exchange, string signature)
        => EthereumSignature.Parse(signature).RecoverAddress(Digest(order, exchange));

    /// <summary>The EIP-712 digest of a V2 order (use a V2 domain); "0x" + its hex is the CLOB V2 order id.</summary>
    /// <exception cref="ArgumentException">An address or bytes32 member is malformed or an amount out of range; the message names the field.</exception>
    public static byte[] Digest(PolymarketOrderV2 order, Eip712Domain exchange)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(exchange);
        return Eip712.Digest(exchange.Separator(), StructHash(order));
    }

    /// <summary>
    /// Signs a V2 order. For EOA, proxy and Safe orders <paramref name="key"/> must be the order's signer and the
    /// result is a 65-byte signature; for a deposit-wallet (<see cref="PolymarketSignatureType.Poly1271"/>) order the
    /// signer is the wallet, <paramref name="key"/> is its owner, and the result is the longer ERC-7739 wrapper the
    /// wallet verifies.
    /// </summary>
    /// <exception cref="ArgumentException">The key is not the order's signer (non-wallet types), or the order is malformed.</exception>
    public static string Sign(PolymarketOrderV2 order, EthereumKey key, Eip712Domain exchange)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(exchange);
        if (order.SignatureType == PolymarketSignatureType.Poly1271)
            return DepositWalletSignature.Sign(order, key, exchange);
        var signer = EthereumAddress.ToChecksum(order.Signer);
        if (!string.Equals(signer, key.Address, StringComparison.Ordinal))
            throw new ArgumentException($"the order's signer is {signer} but the key's address is {key.Address}; the exchange would reject the signature", nameof(key));
        return key.Sign(Digest(order, exchange)).ToHex();
    }

    /// <summary>
    /// The address that signed a V2 order: the signer for EOA, proxy and Safe orders; for a deposit-wallet order, the
    /// owner key inside the wrapper (the wallet contract decides whether that owner controls it).
    /// </summary>
    /// <exception cref="FormatException">The signature is not hex of the expected length.</exception>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The signature is invalid or wraps another order or exchange.</exception>
    public static string RecoverSigner(PolymarketOrderV2 order, Eip712Domain exchange, string signature)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(exchange);
        return order.SignatureType == PolymarketSignatureType.Poly1271
            ? DepositWalletSignature.RecoverOwner(order, exchange, signature)
            : EthereumSignature.Parse(signature).RecoverAddress(Digest(order, exchange));
    }

    /// <summary>hashStruct of the V2 order, also the "contents" hash inside a POLY_1271 wrapper.</summary>
    internal static byte[] StructHash(PolymarketOrderV2 order)
        => Eip712.HashStruct(PolymarketOrderV2.Type.Name, order.ToEip712Message(), [PolymarketOrderV2.Type]);
}
