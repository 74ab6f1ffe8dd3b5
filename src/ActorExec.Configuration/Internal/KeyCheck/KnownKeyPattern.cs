namespace ActorExec.Configuration.Internal.KeyCheck;

/// <summary>
/// A known key path such as <c>engine.cooldown</c> or <c>venues.*.rate-limit</c>: <c>*</c> stands for
/// one segment (an array index or a free-form dictionary key), a trailing <c>**</c> for anything below.
/// Segments compare case-insensitively, as configuration keys do.
/// </summary>
internal sealed class KnownKeyPattern
{
    private const string AnySegment = "*";
    private const string AnythingBelow = "**";

    private KnownKeyPattern(string[] segments) => Segments = segments;

    public string[] Segments { get; }

    private bool OpenEnded => Segments[^1] == AnythingBelow;

    public static KnownKeyPattern Parse(string path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Split('.').Any(s => s.Length == 0))
            throw new ArgumentException($"known key path '{path}' is not a dotted path such as 'engine.cooldown' or 'venues.*.rate-limit'", nameof(path));
        return new KnownKeyPattern(path.Split('.'));
    }

    /// <summary>
    /// True when the key is this path, an element of it (<c>seeds:0</c> for <c>seeds</c>), lies under a
    /// trailing <c>**</c>, or is an empty object/array on the way to it.
    /// </summary>
    public bool Covers(string[] key, bool isEmptyContainer)
    {
        if (OpenEnded)
            return key.Length >= Segments.Length - 1 && SegmentsMatch(key, Segments.Length - 1);
        if (key.Length == Segments.Length)
            return SegmentsMatch(key, key.Length);
        if (key.Length == Segments.Length + 1)
            return SegmentsMatch(key, Segments.Length) && int.TryParse(key[^1], out _);
        return isEmptyContainer && key.Length < Segments.Length && SegmentsMatch(key, key.Length);
    }

    /// <summary>The path with each <c>*</c> filled from <paramref name="key"/>, as a suggestion would read.</summary>
    public string[] InstantiateFor(string[] key) =>
        Segments.Select((s, i) => s == AnySegment && i < key.Length ? key[i] : s).ToArray();

    private bool SegmentsMatch(string[] key, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (Segments[i] != AnySegment && !string.Equals(Segments[i], key[i], StringComparison.OrdinalIgnoreCase))
                return false;
        }

        return true;
    }
}
