namespace ActorExec.Configuration.Internal.Lexing;

/// <summary>One token with its decoded text and where it starts.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, HoconOrigin Origin)
{
    /// <summary>True for the tokens that can be part of a string value concatenation or a path expression.</summary>
    public bool IsSimpleValue => Kind is TokenKind.QuotedString or TokenKind.UnquotedString or TokenKind.Number
        or TokenKind.True or TokenKind.False or TokenKind.Null;

    /// <summary>How the token reads in a message: punctuation quoted, values abbreviated.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.Newline => "end of line",
        TokenKind.EndOfInput => "end of input",
        TokenKind.QuotedString => "a quoted string",
        TokenKind.SubstitutionStart => $"'${{{Text}'",
        _ => $"'{Text}'",
    };
}
