using System.Security.Cryptography;
using ActorExec.Venues.Credentials;

namespace ActorExec.Venues.Polymarket.Signing;

/// <summary>
/// A secp256k1 private key that signs 32-byte digests the Ethereum way (low s, recovery id v). Signing goes
/// through the platform's ECDsa (OpenSSL), so the key never lives in managed code longer than the import; the
/// recovery id is found from public data only, by recovering the key for each candidate v.
/// </summary>
public sealed class EthereumKey : IDisposable
{
    private readonly ECDsa _ecdsa;
    private readonly Secp256k1.AffinePoint _publicKey;
    private bool _disposed;

    private EthereumKey(ECDsa ecdsa, Secp256k1.AffinePoint publicKey)
    {
        _ecdsa = ecdsa;
        _publicKey = publicKey;
        Address = EthereumAddress.FromPublicKey(publicKey);
    }

    /// <summary>The EIP-55 checksummed address, the identity orders name as signer.</summary>
    public string Address { get; }

    /// <summary>
    /// Loads a key kept as a <see cref="Secret"/> (64 hex digits, 0x optional). Errors name the secret's source,
    /// never its value, so they can be logged.
    /// </summary>
    /// <exception cref="ArgumentException">The value is not 32 bytes of hex, or is 0 or not below the curve order.</exception>
    public static EthereumKey FromPrivateKey(Secret privateKeyHex)
    {
        ArgumentNullException.ThrowIfNull(privateKeyHex);
        var digits = Hex.StripPrefix(privateKeyHex.Reveal().AsSpan().Trim());
        if (digits.Length != 64 || !Hex.IsHex(digits))
            throw new ArgumentException($"the private key from {privateKeyHex.Source} is not 32 bytes of hex (64 hex digits, 0x optional); it has {digits.Length} characters", nameof(privateKeyHex));
        Span<byte> key = stackalloc byte[32];
        try
        {
            Convert.FromHexString(digits, key, out _, out _);
            return Create(key, $"from {privateKeyHex.Source}", nameof(privateKeyHex));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Loads a key from its 32 raw big-endian bytes.</summary>
    /// <exception cref="ArgumentException">Not 32 bytes, or 0 or not below the curve order.</exception>
    public static EthereumKey FromPrivateKey(ReadOnlySpan<byte> privateKey32)
    {
        if (privateKey32.Length != 32)
            throw new ArgumentException($"a private key is 32 bytes, got {privateKey32.Length}", nameof(privateKey32));
        return Create(privateKey32, "given", nameof(privateKey32));
    }

    /// <summary>
    /// Signs a 32-byte digest (an EIP-712 digest, a message hash). OpenSSL picks k at random, so the bytes differ
    /// each call, but every result is low-s with v set so that <see cref="EthereumSignature.RecoverAddress"/> gives <see cref="Address"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The digest is not 32 bytes.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public EthereumSignature Sign(ReadOnlySpan<byte> digest32)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (digest32.Length != 32)
            throw new ArgumentException($"the digest must be 32 bytes, got {digest32.Length}", nameof(digest32));

        Span<byte> rs = stackalloc byte[64];
        if (!_ecdsa.TrySignHash(digest32, rs, DSASignatureFormat.IeeeP1363FixedFieldConcatenation, out var written) || written != 64)
            throw new CryptographicException("the platform's ECDSA did not return a 64-byte secp256k1 signature");

        var r = Hex.ToUnsigned(rs[..32]);
        var s = Hex.ToUnsigned(rs[32..]);
        if (s > Secp256k1.HalfN)
            s = Secp256k1.N - s; // EIP-2: (r, n − s) is the same signature with R's y mirrored; recovery below picks v for it.

        var z = Hex.ToUnsigned(digest32);
        for (var recoveryId = 0; recoveryId < 2; recoveryId++)
        {
            if (Secp256k1.Recover(z, r, s, recoveryId) == _publicKey)
                return new EthereumSignature(rs[..32].ToArray(), Hex.UInt256(s), (byte)(27 + recoveryId));
        }
        throw new CryptographicException("neither recovery id gives this key's public key back; the platform's signature is not a secp256k1 signature of this digest");
    }

    /// <summary>The address only, so a key can be logged or shown without revealing it.</summary>
    public override string ToString() => $"EthereumKey {Address}";

    /// <summary>Releases the platform key handle.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _ecdsa.Dispose();
    }

    private static EthereumKey Create(ReadOnlySpan<byte> privateKey32, string origin, string parameter)
    {
        var d = Hex.ToUnsigned(privateKey32);
        if (d.IsZero || d >= Secp256k1.N)
            throw new ArgumentException($"the private key {origin} is out of range: it must be between 1 and the secp256k1 order minus 1", parameter);

        var publicKey = Secp256k1.MultiplyGenerator(d);
        var dBytes = privateKey32.ToArray();
        var parameters = new ECParameters
        {
            Curve = ECCurve.CreateFromOid(new Oid("1.3.132.0.10", "secp256k1")),
            D = dBytes,
            Q = new ECPoint { X = Hex.UInt256(publicKey.X), Y = Hex.UInt256(publicKey.Y) },
        };
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportParameters(parameters);
            return new EthereumKey(ecdsa, publicKey);
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dBytes);
        }
    }
}
