namespace ActorExec.Venues.Polymarket.Signing;

/// <summary>
/// Signs and verifies CTF Exchange orders: the EIP-712 digest of the order in the exchange's domain, signed by the
/// order's signer key. The same digest, hex-encoded, is the order hash the CLOB reports as the order id.
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
}
