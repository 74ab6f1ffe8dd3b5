namespace ActorExec.Configuration.Internal.Lexing;

/// <summary>The lexical pieces of HOCON. Comments are dropped; whitespace and newlines are kept because both matter.</summary>
internal enum TokenKind
{
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Comma,
    Colon,
    Equals,
    PlusEquals,
    /// <summary>An ASCII newline: a separator for fields and elements, and the end of a value concatenation.</summary>
    Newline,
    /// <summary>A run of non-newline whitespace: kept because concatenations preserve inner whitespace.</summary>
    Whitespace,
    /// <summary>A JSON string or a triple-quoted string; <see cref="Token.Text"/> is the decoded value.</summary>
    QuotedString,
    UnquotedString,
    Number,
    True,
    False,
    Null,
    /// <summary><c>${</c>, or <c>${?</c> when <see cref="Token.Text"/> is "?"; the path tokens and <c>}</c> follow.</summary>
    SubstitutionStart,
    EndOfInput,
}
