using System.Buffers.Binary;
using System.Numerics;

namespace ActorExec.Venues.Polymarket.Signing;

/// <summary>
/// Keccak-256 as Ethereum uses it: the original Keccak submission's padding (0x01), which .NET's
/// <c>SHA3_256</c> (FIPS 202 padding 0x06) does not produce, so every Ethereum hash goes through here.
/// </summary>
public static class Keccak256
{
    /// <summary>The sponge's rate in bytes for a 256-bit digest (1600 − 2·256 bits).</summary>
    internal const int Rate = 136;

    /// <summary>Keccak's domain padding byte; Ethereum's keccak256 uses it.</summary>
    internal const byte KeccakPadding = 0x01;

    /// <summary>FIPS 202's SHA-3 padding byte, kept so tests can check the sponge against SHA3-256 vectors.</summary>
    internal const byte Sha3Padding = 0x06;

    private static readonly ulong[] RoundConstants =
    [
        0x0000000000000001UL, 0x0000000000008082UL, 0x800000000000808AUL, 0x8000000080008000UL,
        0x000000000000808BUL, 0x0000000080000001UL, 0x8000000080008081UL, 0x8000000000008009UL,
        0x000000000000008AUL, 0x0000000000000088UL, 0x0000000080008009UL, 0x000000008000000AUL,
        0x000000008000808BUL, 0x800000000000008BUL, 0x8000000000008089UL, 0x8000000000008003UL,
        0x8000000000008002UL, 0x8000000000000080UL, 0x000000000000800AUL, 0x800000008000000AUL,
        0x8000000080008081UL, 0x8000000000008080UL, 0x0000000080000001UL, 0x8000000080008008UL,
    ];

    private static readonly int[] Rotations = [1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44];

    private static readonly int[] PiLanes = [10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1];

    /// <summary>Hashes <paramref name="data"/> into a new 32-byte array, for callers that keep the digest.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = new byte[32];
        Hash(data, digest);
        return digest;
    }

    /// <summary>Hashes <paramref name="data"/> into <paramref name="destination"/> without allocating, for hot paths.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 32 bytes.</exception>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination) => Sponge(data, destination, KeccakPadding);

    /// <summary>The Keccak[c=512] sponge with a chosen domain byte; 0x01 is Keccak-256, 0x06 is SHA3-256.</summary>
    internal static void Sponge(ReadOnlySpan<byte> data, Span<byte> destination, byte domain)
    {
        if (destination.Length < 32)
            throw new ArgumentException($"the Keccak-256 destination must hold 32 bytes, it holds {destination.Length}", nameof(destination));

        Span<ulong> state = stackalloc ulong[25];
        state.Clear();
        while (data.Length >= Rate)
        {
            Absorb(state, data[..Rate]);
            data = data[Rate..];
        }

        Span<byte> last = stackalloc byte[Rate];
        last.Clear();
        data.CopyTo(last);
        last[data.Length] ^= domain;
        last[Rate - 1] ^= 0x80;
        Absorb(state, last);

        for (var i = 0; i < 4; i++)
            BinaryPrimitives.WriteUInt64LittleEndian(destination[(8 * i)..], state[i]);
    }

    private static void Absorb(Span<ulong> state, ReadOnlySpan<byte> block)
    {
        for (var i = 0; i < Rate / 8; i++)
            state[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(block[(8 * i)..]);
        Permute(state);
    }

    /// <summary>Keccak-f[1600]: 24 rounds of theta, rho, pi, chi and iota over the 5×5 lane state.</summary>
    private static void Permute(Span<ulong> st)
    {
        Span<ulong> bc = stackalloc ulong[5];
        for (var round = 0; round < 24; round++)
        {
            for (var i = 0; i < 5; i++)
                bc[i] = st[i] ^ st[i + 5] ^ st[i + 10] ^ st[i + 15] ^ st[i + 20];
            for (var i = 0; i < 5; i++)
            {
                var t = bc[(i + 4) % 5] ^ BitOperations.RotateLeft(bc[(i + 1) % 5], 1);
                for (var j = 0; j < 25; j += 5)
                    st[j + i] ^= t;
            }

            var carry = st[1];
            for (var i = 0; i < 24; i++)
            {
                var lane = PiLanes[i];
                var next = st[lane];
                st[lane] = BitOperations.RotateLeft(carry, Rotations[i]);
                carry = next;
            }

            for (var j = 0; j < 25; j += 5)
            {
                for (var i = 0; i < 5; i++)
                    bc[i] = st[j + i];
                for (var i = 0; i < 5; i++)
                    st[j + i] ^= ~bc[(i + 1) % 5] & bc[(i + 2) % 5];
            }

            st[0] ^= RoundConstants[round];
        }
    }
}
