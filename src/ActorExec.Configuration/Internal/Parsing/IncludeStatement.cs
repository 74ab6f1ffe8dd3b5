using System.Text;
using ActorExec.Configuration.Internal.Lexing;

namespace ActorExec.Configuration.Internal.Parsing;

/// <summary>
/// The argument of <c>include</c>: <c>"name"</c>, <c>file("name")</c>, <c>required("name")</c> or
/// <c>required(file("name"))</c>. Parentheses are not HOCON punctuation, so <c>required(file(</c>
/// arrives as unquoted text around the quoted name and is taken apart here.
/// </summary>
internal sealed record IncludeStatement(string Name, bool Required, HoconOrigin Origin)
{
    private const string Expected = "include must be followed by a quoted file name, file(\"name\"), required(\"name\") or required(file(\"name\"))";

    /// <summary>Reads the argument; the cursor stands just after the word <c>include</c>.</summary>
    public static IncludeStatement Parse(TokenCursor cursor, HoconOrigin includeOrigin, string? keyForErrors)
    {
        cursor.SkipBlankLines();
        var opening = new StringBuilder();
        while (cursor.Peek.Kind is TokenKind.UnquotedString or TokenKind.Whitespace)
            opening.Append(cursor.Next().Text.Trim());
        if (cursor.Peek.Kind != TokenKind.QuotedString)
            throw new HoconException(cursor.Peek.Origin, keyForErrors, $"{Expected}; found {cursor.Peek.Describe()}");
        var name = cursor.Next().Text;

        var wrappers = ParseWrappers(opening.ToString(), includeOrigin, keyForErrors);
        var closing = 0;
        while (wrappers.Count > closing && cursor.Peek.Kind is TokenKind.UnquotedString or TokenKind.Whitespace)
        {
            var text = cursor.Next().Text.Trim();
            if (text.Any(c => c != ')'))
                throw new HoconException(includeOrigin, keyForErrors, $"{Expected}; found '{text}' after the file name");
            closing += text.Length;
        }

        if (closing != wrappers.Count)
            throw new HoconException(includeOrigin, keyForErrors, $"include of \"{name}\" opens {wrappers.Count} parenthes{(wrappers.Count == 1 ? "is" : "es")} but closes {closing}");
        return new IncludeStatement(name, wrappers.Contains("required"), includeOrigin);
    }

    /// <summary>The wrapper names around the quoted name, outermost first: <c>required(file(</c> gives required, file.</summary>
    private static List<string> ParseWrappers(string opening, HoconOrigin origin, string? keyForErrors)
    {
        var names = opening.Split('(');
        if (names[^1].Length != 0)
            throw new HoconException(origin, keyForErrors, $"{Expected}; found '{opening}'");
        var wrappers = names[..^1].ToList();
        foreach (var wrapper in wrappers)
        {
            if (wrapper is "url" or "classpath")
                throw new HoconException(origin, keyForErrors, $"include {wrapper}(...) is not supported here; use file(\"name\") with a path relative to the including file");
            if (wrapper is not ("file" or "required"))
                throw new HoconException(origin, keyForErrors, $"{Expected}; found '{wrapper}('");
        }

        var valid = wrappers.Count switch
        {
            0 => true,
            1 => true,
            2 => wrappers[0] == "required" && wrappers[1] == "file",
            _ => false,
        };
        if (!valid)
            throw new HoconException(origin, keyForErrors, $"{Expected}; found '{opening}'");
        return wrappers;
    }
}
