using System.Text;
using ActorExec.Configuration.Internal.Lexing;

namespace ActorExec.Configuration.Internal;

/// <summary>
/// Where a value sits while it is resolved: the key segments from the root, and how it reads in
/// messages. Values inside arrays have no HOCON path (paths cannot index arrays), so they are not
/// <see cref="Addressable"/> and show as <c>a.b[2].c</c>. Built for every resolved value, so the
/// segments and the text are only worked out when asked for.
/// </summary>
internal sealed class KeyPath
{
    public static readonly KeyPath Root = new(parent: null, key: null, index: -1);

    private readonly KeyPath? _parent;
    private readonly string? _key;
    private readonly int _index;
    private string[]? _segments;
    private string? _display;

    private KeyPath(KeyPath? parent, string? key, int index)
    {
        _parent = parent;
        _key = key;
        _index = index;
        Addressable = parent is null || (parent.Addressable && key is not null);
    }

    /// <summary>False inside an array, where no substitution can reach.</summary>
    public bool Addressable { get; }

    /// <summary>The keys from the root (array positions left out).</summary>
    public string[] Segments => _segments ??= BuildSegments();

    /// <summary>The path as it reads in messages, e.g. <c>venues.paper.fee</c> or <c>servers[0].port</c>; empty for the root.</summary>
    public string Display => _display ??= BuildDisplay();

    public KeyPath Child(string key) => new(this, key, -1);

    public KeyPath Element(int index) => new(this, key: null, index);

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

    private string[] BuildSegments()
    {
        var segments = new List<string>();
        for (var path = this; path is not null; path = path._parent)
        {
            if (path._key is not null)
                segments.Add(path._key);
        }

        segments.Reverse();
        return segments.ToArray();
    }

    private string BuildDisplay()
    {
        if (_parent is null)
            return "";
        var parent = _parent.Display;
        if (_key is null)
            return $"{parent}[{_index}]";
        return parent.Length == 0 ? RenderSegment(_key) : new StringBuilder(parent).Append('.').Append(RenderSegment(_key)).ToString();
    }

    private static string RenderSegment(string segment)
    {
        var plain = segment.Length > 0 && segment.All(c => c != '.' && !HoconCharacters.IsWhitespace(c) && !HoconCharacters.IsForbiddenInUnquoted(c));
        return plain ? segment : $"\"{segment.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
    }
}
