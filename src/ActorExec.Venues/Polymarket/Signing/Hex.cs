using System.Globalization;
using System.Numerics;

namespace ActorExec.Venues.Polymarket.Signing;

/// <summary>Hex and 256-bit integer conversions shared by the signing types, so each parses input the same way.</summary>
internal static class Hex
{
    /// <summary>Drops one leading "0x"/"0X", the prefix Ethereum tooling writes but does not require.</summary>
    public static ReadOnlySpan<char> StripPrefix(ReadOnlySpan<char> text)
        => text.Length >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X') ? text[2..] : text;

    /// <summary>True when every character is an ASCII hex digit, checked before parsing so errors can name the input.</summary>
    public static bool IsHex(ReadOnlySpan<char> digits)
    {
        foreach (var c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
                return false;
        }
        return true;
    }

    /// <summary>Lower-case hex with a "0x" prefix, the form Ethereum JSON-RPC and the CLOB use.</summary>
    public static string Prefixed(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>Reads a big-endian unsigned integer (a digest, r, s or a private key).</summary>
    public static BigInteger ToUnsigned(ReadOnlySpan<byte> bigEndian) => new(bigEndian, isUnsigned: true, isBigEndian: true);

    /// <summary>Writes a non-negative integer below 2^256 as 32 big-endian bytes, left-padded with zeros.</summary>
    public static void WriteUInt256(BigInteger value, Span<byte> destination32)
    {
        destination32[..32].Clear();
        var count = value.GetByteCount(isUnsigned: true);
        if (value.Sign < 0 || count > 32)
            throw new ArgumentOutOfRangeException(nameof(value), value.ToString(CultureInfo.InvariantCulture), "the value does not fit in 256 unsigned bits");
        value.TryWriteBytes(destination32.Slice(32 - count, count), out _, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>A 32-byte big-endian copy of <paramref name="value"/>.</summary>
    public static byte[] UInt256(BigInteger value)
    {
        var bytes = new byte[32];
        WriteUInt256(value, bytes);
        return bytes;
    }
}
