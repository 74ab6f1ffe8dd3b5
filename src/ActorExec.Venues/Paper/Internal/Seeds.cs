using System.Text;

namespace ActorExec.Venues.Paper.Internal;

/// <summary>
/// Derives the seeds of a venue's independent random streams from the venue seed, so that adding a
/// draw to one stream (say, faults) never shifts another (say, a market's price walk).
/// </summary>
internal static class Seeds
{
    public const uint Faults = 0x6661756Cu;
    public const uint Settlement = 0x73657474u;
    public const uint Latency = 0x6C617465u;
    public const uint Walk = 0x77616C6Bu;
    public const uint Sizes = 0x73697A65u;

    /// <summary>A seed for the stream <paramref name="salt"/> of the venue seeded <paramref name="seed"/>, optionally for one market.</summary>
    public static int Derive(int seed, uint salt, string? market = null)
    {
        var x = ((ulong)(uint)seed << 32) | salt;
        if (market is not null)
            x ^= (ulong)Fnv1a(market) * 0x9E3779B97F4A7C15UL;
        // SplitMix64 finaliser: every input bit reaches every output bit.
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return (int)(x & int.MaxValue);
    }

    /// <summary>The 32-bit FNV-1a hash of the text's UTF-8 bytes (stable across processes, unlike <c>string.GetHashCode</c>).</summary>
    public static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
            hash = (hash ^ b) * 16777619u;
        return hash;
    }
}
