// TEMPORARY STAND-IN — delete this whole folder when branch signing-wip ("Signing ready") is merged.
// It declares exactly the API promised by src/ActorExec.Venues/Polymarket/Signing/ so the adapter, the
// test server and the tests compile and run before the real secp256k1/Keccak/EIP-712 code lands.
// It is NOT cryptography: SHA-256 stands in for Keccak-256, and a "signature" is an HMAC of the
// digest keyed by the signer's stand-in address, carried with that address, so a tampered order
// or a wrong signer is still detected by the test server, but anyone can forge one.
#pragma warning disable CA1819 // Properties should not return arrays: the promised API has byte[] R and S.
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using ActorExec.Venues.Credentials;

namespace ActorExec.Venues.Polymarket.Signing;

/// <summary>Stand-in for Keccak-256 (SHA-256 until signing-wip lands).</summary>
public static class Keccak256
{
    /// <summary>The 32-byte hash of <paramref name="data"/>.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data) => SHA256.HashData(data);
}

/// <summary>Stand-in Ethereum key: the address is derived from a hash of the private key.</summary>
public sealed class EthereumKey : IDisposable
{
    private readonly byte[] _key;

    private EthereumKey(byte[] key)
    {
        _key = key;
        Address = "0x" + Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(12, 20));
    }

    /// <summary>A key from 64 hex digits (optional 0x).</summary>
    public static EthereumKey FromPrivateKey(Secret privateKeyHex)
    {
        ArgumentNullException.ThrowIfNull(privateKeyHex);
        var text = privateKeyHex.Reveal();
        text = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (text.Length != 64)
            throw new ArgumentException($"the private key from {privateKeyHex.Source} is not 32 bytes of hex");
        return new EthereumKey(Convert.FromHexString(text));
    }

    /// <summary>A key from 32 raw bytes.</summary>
    public static EthereumKey FromPrivateKey(ReadOnlySpan<byte> privateKey32) => new(privateKey32.ToArray());

    /// <summary>The key's address.</summary>
    public string Address { get; }

    /// <summary>Signs a 32-byte digest.</summary>
    public EthereumSignature Sign(ReadOnlySpan<byte> digest32)
    {
        var address = Convert.FromHexString(Address[2..]);
        var r = HMACSHA256.HashData(address, digest32);
        var s = new byte[32];
        address.CopyTo(s, 12);
        return new EthereumSignature(r, s, 27);
    }

    /// <inheritdoc />
    public void Dispose() => CryptographicOperations.ZeroMemory(_key);
}

/// <summary>Stand-in signature (r, s, v).</summary>
public readonly record struct EthereumSignature(byte[] R, byte[] S, byte V)
{
    /// <summary>0x + r + s + v.</summary>
    public string ToHex() => "0x" + Convert.ToHexStringLower(R) + Convert.ToHexStringLower(S) + V.ToString("x2", CultureInfo.InvariantCulture);

    /// <summary>Parses 0x + 65 bytes of hex.</summary>
    public static EthereumSignature Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var bytes = Convert.FromHexString(hex.StartsWith("0x", StringComparison.Ordinal) ? hex[2..] : hex);
        if (bytes.Length != 65)
            throw new FormatException($"a signature is 65 bytes, got {bytes.Length}");
        return new EthereumSignature(bytes[..32], bytes[32..64], bytes[64]);
    }

    /// <summary>The address that signed <paramref name="digest32"/>; throws when the signature does not match it.</summary>
    public string RecoverAddress(ReadOnlySpan<byte> digest32)
    {
        var address = S.AsSpan(12, 20).ToArray();
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(address, digest32), R))
            throw new CryptographicException("the signature does not match the digest");
        return "0x" + Convert.ToHexStringLower(address);
    }
}

/// <summary>Stand-in address helpers (lower case instead of EIP-55).</summary>
public static class EthereumAddress
{
    /// <summary>The address in canonical form.</summary>
    public static string ToChecksum(string address) => IsValid(address) ? address.ToLowerInvariant() : throw new FormatException($"'{address}' is not an address");

    /// <summary>True for 0x + 40 hex digits.</summary>
    public static bool IsValid(string address) => address is { Length: 42 } && address.StartsWith("0x", StringComparison.Ordinal) && address[2..].All(char.IsAsciiHexDigit);
}

/// <summary>An EIP-712 domain.</summary>
public sealed record Eip712Domain(string Name, string Version, BigInteger ChainId, string VerifyingContract);

/// <summary>Buy or sell, as the exchange contract encodes it.</summary>
public enum PolymarketOrderSide
{
    /// <summary>Buy.</summary>
    Buy = 0,
    /// <summary>Sell.</summary>
    Sell = 1,
}

/// <summary>How the order's signer relates to its maker.</summary>
public enum PolymarketSignatureType
{
    /// <summary>The maker is the signing key's own address.</summary>
    Eoa = 0,
    /// <summary>The maker is a Polymarket proxy wallet.</summary>
    PolyProxy = 1,
    /// <summary>The maker is a Gnosis safe.</summary>
    PolyGnosisSafe = 2,
}

/// <summary>The order struct the exchange contract verifies.</summary>
public sealed record PolymarketOrder(BigInteger Salt, string Maker, string Signer, string Taker, BigInteger TokenId, BigInteger MakerAmount, BigInteger TakerAmount,
    BigInteger Expiration, BigInteger Nonce, BigInteger FeeRateBps, PolymarketOrderSide Side, PolymarketSignatureType SignatureType);

/// <summary>The exchange domains.</summary>
public static class PolymarketExchange
{
    /// <summary>The CTF exchange.</summary>
    public static Eip712Domain CtfExchange(long chainId) => new("Polymarket CTF Exchange", "1", chainId, "0x4bFb41d5B3570DeFd03C39a9A4D8dE6Bd8B8982E");

    /// <summary>The neg-risk CTF exchange.</summary>
    public static Eip712Domain NegRiskCtfExchange(long chainId) => new("Polymarket CTF Exchange", "1", chainId, "0xC5d563A36AE78145C45a50134d48A1215220f80a");
}

/// <summary>Stand-in order hashing and signing.</summary>
public static class PolymarketOrderSigning
{
    /// <summary>The order's digest (its id once 0x-hex encoded).</summary>
    public static byte[] Digest(PolymarketOrder order, Eip712Domain exchange)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(exchange);
        var text = string.Join('|', exchange.Name, exchange.Version, exchange.ChainId, exchange.VerifyingContract.ToLowerInvariant(),
            order.Salt, order.Maker.ToLowerInvariant(), order.Signer.ToLowerInvariant(), order.Taker.ToLowerInvariant(), order.TokenId, order.MakerAmount,
            order.TakerAmount, order.Expiration, order.Nonce, order.FeeRateBps, (int)order.Side, (int)order.SignatureType);
        return Keccak256.Hash(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The signature as 0x-hex.</summary>
    public static string Sign(PolymarketOrder order, EthereumKey key, Eip712Domain exchange)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Sign(Digest(order, exchange)).ToHex();
    }

    /// <summary>The address that signed the order.</summary>
    public static string RecoverSigner(PolymarketOrder order, Eip712Domain exchange, string signature)
        => EthereumSignature.Parse(signature).RecoverAddress(Digest(order, exchange));
}
