namespace ActorExec.Configuration.Internal.Lexing;

/// <summary>Character classes from the HOCON specification.</summary>
internal static class HoconCharacters
{
    /// <summary>
    /// Whitespace per the spec: Unicode separators, the ASCII controls tab to carriage return,
    /// the file/group/record/unit separators and the byte-order mark.
    /// </summary>
    public static bool IsWhitespace(char c) =>
        c is ' ' or '\t' or '\r' or '\n' or '\v' or '\f' or '\uFEFF' or (>= '\u001C' and <= '\u001F')
        || (c > 0x7F && char.IsWhiteSpace(c));

    /// <summary>Characters that end an unquoted string (besides whitespace and the start of a <c>//</c> comment).</summary>
    public static bool IsForbiddenInUnquoted(char c) => c switch
    {
        '$' or '"' or '{' or '}' or '[' or ']' or ':' or '=' or ',' or '+' or '#' or '`' or '^' or '?' or '!' or '@'
            or '*' or '&' or '\\' => true,
        _ => false,
    };

    /// <summary>Forbidden characters with no HOCON meaning yet: the spec reserves them, so they are reported, not skipped.</summary>
    public static bool IsReserved(char c) => c is '`' or '^' or '?' or '!' or '@' or '*' or '&' or '\\';
}
