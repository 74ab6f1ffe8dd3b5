using ActorExec.Configuration.Internal.Lexing;

namespace ActorExec.Configuration.Internal.Parsing;

/// <summary>A position in a token list with the skipping rules the parser needs.</summary>
internal sealed class TokenCursor(List<Token> tokens)
{
    private int _index;

    public Token Peek => tokens[_index];

    public Token Next()
    {
        var token = tokens[_index];
        if (token.Kind != TokenKind.EndOfInput)
            _index++;
        return token;
    }

    /// <summary>Skips spaces and tabs but stops at a newline, which separates fields.</summary>
    public void SkipWhitespace()
    {
        while (Peek.Kind == TokenKind.Whitespace)
            _index++;
    }

    /// <summary>Skips whitespace and newlines (and so comments, which the lexer already dropped).</summary>
    public void SkipBlankLines()
    {
        while (Peek.Kind is TokenKind.Whitespace or TokenKind.Newline)
            _index++;
    }
}
