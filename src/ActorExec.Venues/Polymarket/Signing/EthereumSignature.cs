using System.Security.Cryptography;

namespace ActorExec.Venues.Polymarket.Signing;

/// <summary>
/// A recoverable secp256k1 signature in Ethereum's 65-byte r ‖ s ‖ v form: v (27 or 28) lets anyone recover the
/// signer's address from the digest alone, which is how the CTF Exchange and the CLOB check an order's signer.
/// </summary>
/// <param name="R">r, 32 bytes big-endian.</param>
/// <param name="S">s, 32 bytes big-endian, at most n/2 (EIP-2) when produced by <see cref="EthereumKey.Sign"/>.</param>
/// <param name="V">The recovery id plus 27: 27 when R's y is even, 28 when odd.</param>
public readonly record struct EthereumSignature(byte[] R, byte[] S, byte V)
{
    /// <summary>"0x" + r + s + v as 130 lower-case hex digits: the form the CLOB's order JSON carries.</summary>
    public string ToHex()
    {
        CheckShape();
        Span<byte> bytes = stackalloc byte[65];
        R.CopyTo(bytes);
        S.CopyTo(bytes[32..]);
        bytes[64] = V;
        return Hex.Prefixed(bytes);
    }

    /// <summary>
    /// Reads 65 bytes of hex (0x optional). v may be 0/1 (raw recovery id, as some signers write it) or 27/28;
    /// it is normalised to 27/28 so both spellings compare and verify alike.
    /// </summary>
    /// <exception cref="FormatException">Not 130 hex digits, or v outside 0, 1, 27, 28.</exception>
    public static EthereumSignature Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = Hex.StripPrefix(hex.AsSpan().Trim());
        if (digits.Length != 130 || !Hex.IsHex(digits))
            throw new FormatException($"a signature is 65 bytes as 130 hex digits (0x optional); got {digits.Length} characters{(Hex.IsHex(digits) ? "" : " including non-hex ones")}");
        var bytes = Convert.FromHexString(digits);
        var v = bytes[64] switch
        {
            0 or 27 => (byte)27,
            1 or 28 => (byte)28,
            var other => throw new FormatException($"the signature's v byte is {other}; expected 27 or 28 (or 0 or 1)"),
        };
        return new EthereumSignature(bytes[..32], bytes[32..64], v);
    }

    /// <summary>
    /// The EIP-55 address whose key made this signature over <paramref name="digest32"/>. Rejects s above n/2
    /// as the CTF Exchange does (OpenZeppelin ECDSA), so a signature accepted here is one the contract accepts.
    /// </summary>
    /// <exception cref="ArgumentException">The digest is not 32 bytes.</exception>
    /// <exception cref="CryptographicException">r or s is out of range, s is high, v is not 27/28, or no key matches.</exception>
    public string RecoverAddress(ReadOnlySpan<byte> digest32)
    {
        if (digest32.Length != 32)
            throw new ArgumentException($"the digest must be 32 bytes, got {digest32.Length}", nameof(digest32));
        CheckShape();
        if (V is not (27 or 28))
            throw new CryptographicException($"the signature's v is {V}; expected 27 or 28");
        var r = Hex.ToUnsigned(R);
        var s = Hex.ToUnsigned(S);
        if (r.IsZero || r >= Secp256k1.N)
            throw new CryptographicException("the signature's r is zero or not below the curve order");
        if (s.IsZero || s >= Secp256k1.N)
            throw new CryptographicException("the signature's s is zero or not below the curve order");
        if (s > Secp256k1.HalfN)
            throw new CryptographicException("the signature's s is above n/2 (malleable form); Ethereum contracts reject it");
        var key = Secp256k1.Recover(Hex.ToUnsigned(digest32), r, s, V - 27)
                  ?? throw new CryptographicException("no public key matches this signature and digest (r is not a curve point's x)");
        return EthereumAddress.FromPublicKey(key);
    }

    private void CheckShape()
    {
        if (R is not { Length: 32 } || S is not { Length: 32 })
            throw new CryptographicException($"a signature's r and s must be 32 bytes each; got {R?.Length ?? 0} and {S?.Length ?? 0}");
    }
}
