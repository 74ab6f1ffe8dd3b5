using ActorExec.Configuration.Internal.Lexing;

namespace ActorExec.Configuration.Internal;

/// <summary>
/// Where a value sits while it is resolved: the key segments from the root, and how it reads in
/// messages. Values inside arrays have no HOCON path (paths cannot index arrays), so they are not
/// <see cref="Addressable"/> and show as <c>a.b[2].c</c>.
/// </summary>
internal sealed class KeyPath
{
    public static readonly KeyPath Root = new([], addressable: true, display: "");

    private KeyPath(string[] segments, bool addressable, string display)
    {
        Segments = segments;
        Addressable = addressable;
        Display = display;
    }

    public string[] Segments { get; }

    public bool Addressable { get; }

    public string Display { get; }

    public KeyPath Child(string key) =>
        new([.. Segments, key], Addressable, Display.Length == 0 ? RenderSegment(key) : $"{Display}.{RenderSegment(key)}");

    public KeyPath Element(int index) => new(Segments, addressable: false, $"{Display}[{index}]");

    /// <summary>True when <paramref name="path"/> equals <paramref name="prefix"/> or lies below it.</summary>
    public static bool StartsWith(string[] path, string[] prefix)
    {
        if (prefix.Length > path.Length)
            return false;
        for (var i = 0; i < prefix.Length; i++)
        {
            if (!string.Equals(path[i], prefix[i], StringComparison.Ordinal))
                return false;
        }

        return true;
    }

    /// <summary>A path as HOCON would write it: segments joined by dots, quoted when they need it.</summary>
    public static string Render(IEnumerable<string> segments) => string.Join('.', segments.Select(RenderSegment));

    private static string RenderSegment(string segment)
    {
        var plain = segment.Length > 0 && segment.All(c => c != '.' && !HoconCharacters.IsWhitespace(c) && !HoconCharacters.IsForbiddenInUnquoted(c));
        return plain ? segment : $"\"{segment.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
    }
}
