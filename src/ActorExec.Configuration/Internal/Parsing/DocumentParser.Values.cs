using System.Text;
using ActorExec.Configuration.Internal.Lexing;
using ActorExec.Configuration.Internal.Syntax;

namespace ActorExec.Configuration.Internal.Parsing;

/// <summary>Values: literals, arrays, substitutions and value concatenations (everything up to the end of the line).</summary>
internal sealed partial class DocumentParser
{
    /// <summary>
    /// The value at the cursor: every simple value, substitution, object and array on the line,
    /// with the whitespace between them. Null when there is no value at all.
    /// </summary>
    private SyntaxNode? ParseValue(string[]? path, string[]? key)
    {
        var parts = new List<SyntaxNode>();
        while (true)
        {
            var token = _cursor.Peek;
            SyntaxNode? part = token.Kind switch
            {
                TokenKind.Whitespace => new WhitespaceNode(token.Text, token.Origin),
                TokenKind.QuotedString or TokenKind.UnquotedString => new ScalarNode(HoconScalarKind.String, token.Text, token.Origin),
                TokenKind.Number => new ScalarNode(HoconScalarKind.Number, token.Text, token.Origin),
                TokenKind.True or TokenKind.False => new ScalarNode(HoconScalarKind.Boolean, token.Text, token.Origin),
                TokenKind.Null => new ScalarNode(HoconScalarKind.Null, token.Text, token.Origin),
                TokenKind.SubstitutionStart => ParseSubstitution(key),
                TokenKind.OpenBrace => ParseObject(path),
                TokenKind.OpenBracket => ParseArray(key),
                _ => null,
            };
            if (part is null)
                break;
            if (token.Kind is not (TokenKind.SubstitutionStart or TokenKind.OpenBrace or TokenKind.OpenBracket))
                _cursor.Next();
            parts.Add(part);
        }

        return Concatenate(parts, key);
    }

    /// <summary>
    /// One value from the parts of a concatenation: a lone part keeps its type, literals fold into
    /// one string now, and anything holding a substitution waits for resolution.
    /// </summary>
    private static SyntaxNode? Concatenate(List<SyntaxNode> parts, string[]? key)
    {
        var first = parts.FindIndex(p => p is not WhitespaceNode);
        if (first < 0)
            return null;
        var last = parts.FindLastIndex(p => p is not WhitespaceNode);
        var trimmed = parts.GetRange(first, last - first + 1);
        if (trimmed.Count == 1)
            return trimmed[0];
        if (trimmed.All(p => p is ScalarNode or WhitespaceNode))
        {
            var text = new StringBuilder();
            foreach (var part in trimmed)
                text.Append(part is ScalarNode scalar ? scalar.Text : ((WhitespaceNode)part).Text);
            return new ScalarNode(HoconScalarKind.String, text.ToString(), trimmed[0].Origin);
        }

        RejectMixedLiterals(trimmed, key);
        return new ConcatenationNode(trimmed, trimmed[0].Origin);
    }

    /// <summary>Literal objects, arrays and strings can never concatenate with each other; say so where it happens.</summary>
    private static void RejectMixedLiterals(List<SyntaxNode> parts, string[]? key)
    {
        SyntaxNode? previous = null;
        foreach (var part in parts)
        {
            if (part is WhitespaceNode or SubstitutionNode)
                continue;
            if (previous is not null && Describe(previous) != Describe(part))
                throw new HoconException(part.Origin, Display(key),
                    $"cannot concatenate {Describe(previous)} with {Describe(part)}; a concatenation is all strings, all arrays or all objects");
            previous = part;
        }
    }

    private static string Describe(SyntaxNode node) => node switch
    {
        ObjectNode => "an object",
        ArrayNode => "an array",
        _ => "a string",
    };

    private ArrayNode ParseArray(string[]? key)
    {
        var open = _cursor.Next();
        EnsureStack(open);
        var elements = new List<SyntaxNode>();
        var commaAllowed = false;
        var separatorNeeded = false;
        while (true)
        {
            var token = _cursor.Peek;
            switch (token.Kind)
            {
                case TokenKind.Whitespace:
                    _cursor.Next();
                    continue;
                case TokenKind.Newline:
                    _cursor.Next();
                    separatorNeeded = false;
                    continue;
                case TokenKind.Comma when commaAllowed:
                    _cursor.Next();
                    commaAllowed = separatorNeeded = false;
                    continue;
                case TokenKind.Comma:
                    throw new HoconException(token.Origin, Display(key), "unexpected ','; a comma must follow an array element (no leading or doubled commas)");
                case TokenKind.CloseBracket:
                    _cursor.Next();
                    return new ArrayNode(elements, open.Origin);
                case TokenKind.EndOfInput:
                    throw new HoconException(open.Origin, Display(key), "'[' is never closed (the input ends first)");
                case TokenKind.CloseBrace:
                    throw new HoconException(token.Origin, Display(key), $"unexpected '}}' inside the array opened at line {open.Origin.Line}, column {open.Origin.Column}");
            }

            if (separatorNeeded)
                throw new HoconException(token.Origin, Display(key), $"expected ',' or a new line between array elements, found {token.Describe()}");
            var element = ParseValue(path: null, key)
                ?? throw new HoconException(token.Origin, Display(key), $"unexpected {token.Describe()} in an array");
            elements.Add(element);
            commaAllowed = separatorNeeded = true;
        }
    }

    private SubstitutionNode ParseSubstitution(string[]? key)
    {
        var start = _cursor.Next();
        var tokens = new List<Token>();
        while (_cursor.Peek.Kind != TokenKind.CloseBrace)
        {
            var token = _cursor.Peek;
            if (token.Kind is TokenKind.Newline or TokenKind.EndOfInput)
                throw new HoconException(start.Origin, Display(key), "unclosed substitution: missing '}' before the end of the line");
            if (!token.IsSimpleValue && token.Kind != TokenKind.Whitespace)
                throw new HoconException(token.Origin, Display(key), $"unexpected {token.Describe()} inside a substitution; a substitution holds a path such as ${{a.b}}");
            tokens.Add(_cursor.Next());
        }

        _cursor.Next();
        if (tokens.All(t => t.Kind == TokenKind.Whitespace))
            throw new HoconException(start.Origin, Display(key), "empty substitution; write a path such as ${a.b}");
        var (segments, _) = PathExpression.Build(tokens, key);
        return new SubstitutionNode(segments, optional: start.Text == "?", _includePrefix, start.Origin);
    }
}
