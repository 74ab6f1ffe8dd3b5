using System.Buffers;
using System.Text;

namespace ActorExec.Cluster.Sharding;

/// <summary>
/// The cluster's stable hash from a market id to its shard: FNV-1a, 32 bits, over the UTF-8 bytes of the
/// id (offset basis 0x811C9DC5, prime 0x01000193), and <c>shard = hash mod shardCount</c> on the unsigned
/// hash. The same on every node, process and .NET version, unlike <see cref="string.GetHashCode()"/>;
/// it must never change, or markets would move between shards. Ill-formed UTF-16 (a lone surrogate)
/// hashes as U+FFFD, as <see cref="Encoding.UTF8"/> encodes it.
/// </summary>
public static class ShardHash
{
    /// <summary>The FNV-1a 32-bit offset basis: the hash of no bytes.</summary>
    public const uint OffsetBasis = 0x811C9DC5;

    /// <summary>The FNV 32-bit prime.</summary>
    public const uint Prime = 0x01000193;

    private const int StackLimit = 256;

    /// <summary>The shard of a market id in a cluster of <paramref name="shardCount"/> shards: 0 to shardCount - 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The shard count is not positive.</exception>
    public static int ShardOf(string marketId, int shardCount)
    {
        ArgumentNullException.ThrowIfNull(marketId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shardCount);
        return (int)(Fnv1a32(marketId) % (uint)shardCount);
    }

    /// <summary>FNV-1a 32-bit of the UTF-8 encoding of <paramref name="text"/>.</summary>
    public static uint Fnv1a32(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (length <= StackLimit)
        {
            Span<byte> buffer = stackalloc byte[StackLimit];
            return Fnv1a32(buffer[..Encoding.UTF8.GetBytes(text, buffer)]);
        }
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            return Fnv1a32(rented.AsSpan(0, Encoding.UTF8.GetBytes(text, rented)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>FNV-1a 32-bit of the bytes: for each byte, xor it in, then multiply by <see cref="Prime"/> (mod 2^32).</summary>
    public static uint Fnv1a32(ReadOnlySpan<byte> bytes)
    {
        var hash = OffsetBasis;
        foreach (var b in bytes)
            hash = (hash ^ b) * Prime;
        return hash;
    }
}
