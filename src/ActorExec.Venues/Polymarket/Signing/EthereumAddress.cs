using System.Text;

namespace ActorExec.Venues.Polymarket.Signing;

/// <summary>
/// Ethereum addresses as 0x-prefixed hex with the EIP-55 mixed-case checksum, which catches most typos in a
/// hand-copied address before an order names the wrong maker or a signature is checked against the wrong signer.
/// </summary>
public static class EthereumAddress
{
    /// <summary>
    /// The EIP-55 form of <paramref name="address"/> (0x prefix optional on input), so addresses compare and
    /// print the same way whatever case they arrived in.
    /// </summary>
    /// <exception cref="ArgumentException">Not 40 hex digits, or mixed case that fails its checksum (likely a typo).</exception>
    public static string ToChecksum(string address)
    {
        var digits = Validate(address);
        var lower = digits.ToLowerInvariant();
        var checksummed = Checksum(lower);
        if (HasMixedCase(digits) && !string.Equals(checksummed, "0x" + digits, StringComparison.Ordinal))
            throw new ArgumentException($"the address '{address}' is mixed-case but fails its EIP-55 checksum; it was probably mistyped", nameof(address));
        return checksummed;
    }

    /// <summary>
    /// True for "0x" followed by 40 hex digits that are all lower case, all upper case, or carry a correct
    /// EIP-55 checksum: the same acceptance rule wallets apply.
    /// </summary>
    public static bool IsValid(string address)
    {
        if (address is null || address.Length != 42 || !address.StartsWith("0x", StringComparison.Ordinal))
            return false;
        var digits = address.AsSpan(2);
        if (!Hex.IsHex(digits))
            return false;
        return !HasMixedCase(digits) || string.Equals(Checksum(address[2..].ToLowerInvariant()), address, StringComparison.Ordinal);
    }

    /// <summary>The 20 address bytes, for ABI and EIP-712 encoding.</summary>
    /// <exception cref="ArgumentException">The same malformed inputs <see cref="ToChecksum"/> rejects.</exception>
    public static byte[] ToBytes(string address) => Convert.FromHexString(ToChecksum(address).AsSpan(2));

    /// <summary>The EIP-55 address of 20 raw bytes (the tail of a public key's Keccak-256).</summary>
    internal static string FromBytes(ReadOnlySpan<byte> address20) => Checksum(Convert.ToHexStringLower(address20));

    /// <summary>The address of an uncompressed public key: the last 20 bytes of keccak256(x ‖ y).</summary>
    internal static string FromPublicKey(Secp256k1.AffinePoint publicKey)
    {
        Span<byte> xy = stackalloc byte[64];
        Hex.WriteUInt256(publicKey.X, xy[..32]);
        Hex.WriteUInt256(publicKey.Y, xy[32..]);
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(xy, hash);
        return FromBytes(hash[12..]);
    }

    private static string Validate(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var digits = Hex.StripPrefix(address.AsSpan().Trim());
        if (digits.Length != 40 || !Hex.IsHex(digits))
            throw new ArgumentException($"'{address}' is not an Ethereum address: expected 0x followed by 40 hex digits", nameof(address));
        return digits.ToString();
    }

    private static bool HasMixedCase(ReadOnlySpan<char> digits)
        => digits.ContainsAny("abcdef") && digits.ContainsAny("ABCDEF");

    /// <summary>EIP-55: upper-case each letter whose nibble in keccak256(lower-case hex) is 8 or more.</summary>
    private static string Checksum(string lowerHex40)
    {
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(Encoding.ASCII.GetBytes(lowerHex40), hash);
        var result = new StringBuilder("0x", 42);
        for (var i = 0; i < 40; i++)
        {
            var c = lowerHex40[i];
            var nibble = (i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2]) & 0x0F;
            result.Append(c is >= 'a' and <= 'f' && nibble >= 8 ? char.ToUpperInvariant(c) : c);
        }
        return result.ToString();
    }
}
