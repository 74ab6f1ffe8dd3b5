using System.Runtime.CompilerServices;
using ActorExec.Configuration.Internal.Lexing;
using ActorExec.Configuration.Internal.Syntax;

namespace ActorExec.Configuration.Internal.Parsing;

/// <summary>
/// Parses one HOCON text into an unresolved <see cref="ObjectNode"/>: root braces optional,
/// <c>:</c>/<c>=</c>/<c>+=</c> or an implicit <c>key { }</c>, dotted keys, commas or newlines between
/// fields, and includes read in place. Values are parsed in <c>DocumentParser.Values.cs</c>;
/// substitutions stay unresolved until the whole configuration is read.
/// </summary>
internal sealed partial class DocumentParser
{
    private readonly TokenCursor _cursor;
    private readonly SourceFile _file;
    private readonly string[] _includePrefix;

    private DocumentParser(TokenCursor cursor, SourceFile file, string[] includePrefix)
    {
        _cursor = cursor;
        _file = file;
        _includePrefix = includePrefix;
    }

    /// <summary>Parses <paramref name="text"/>; <paramref name="includePrefix"/> is the key path an included file's content lands under.</summary>
    public static ObjectNode Parse(string text, SourceFile file, string[] includePrefix)
    {
        var tokens = HoconLexer.Tokenize(text, file.DisplayName);
        return new DocumentParser(new TokenCursor(tokens), file, includePrefix).ParseRoot();
    }

    private ObjectNode ParseRoot()
    {
        _cursor.SkipBlankLines();
        var first = _cursor.Peek;
        if (first.Kind == TokenKind.OpenBracket)
            throw new HoconException(first.Origin, null, "the root of a configuration must be an object, not an array");
        if (first.Kind != TokenKind.OpenBrace)
        {
            var root = new ObjectNode(new HoconOrigin(_file.DisplayName, 1, 1));
            ParseFields(root, _includePrefix, opening: null);
            return root;
        }

        var braced = ParseObject(_includePrefix);
        _cursor.SkipBlankLines();
        var extra = _cursor.Peek;
        if (extra.Kind == TokenKind.EndOfInput)
            return braced;
        throw new HoconException(extra.Origin, null, extra.Kind == TokenKind.CloseBrace
            ? "'}' has no matching '{'"
            : $"unexpected {extra.Describe()} after the root object's closing '}}'");
    }

    /// <summary>
    /// An object literal at the cursor's <c>{</c>. <paramref name="path"/> is its absolute key path,
    /// or null inside an array, where no path reaches it.
    /// </summary>
    private ObjectNode ParseObject(string[]? path)
    {
        var open = _cursor.Next();
        EnsureStack(open);
        var node = new ObjectNode(open.Origin);
        ParseFields(node, path, open);
        return node;
    }

    /// <summary>Fields up to the closing brace, or to the end of input when <paramref name="opening"/> is null (root without braces).</summary>
    private void ParseFields(ObjectNode target, string[]? path, Token? opening)
    {
        var commaAllowed = false;
        var separatorNeeded = false;
        var lastKey = path;
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
                    throw new HoconException(token.Origin, Display(lastKey), "unexpected ','; a comma must follow a field (no leading or doubled commas)");
                case TokenKind.CloseBrace when opening is not null:
                    _cursor.Next();
                    return;
                case TokenKind.CloseBrace:
                    throw new HoconException(token.Origin, null, "'}' has no matching '{'");
                case TokenKind.EndOfInput when opening is not null:
                    throw new HoconException(opening.Value.Origin, Display(path), "'{' is never closed (the input ends first)");
                case TokenKind.EndOfInput:
                    return;
            }

            if (separatorNeeded)
                throw UnexpectedAfterValue(token, lastKey);
            lastKey = ParseField(target, path);
            commaAllowed = separatorNeeded = true;
        }
    }

    private static HoconException UnexpectedAfterValue(Token token, string[]? keyPath)
    {
        var reason = token.Kind switch
        {
            TokenKind.Colon or TokenKind.Equals or TokenKind.PlusEquals => $"unexpected {token.Describe()} in a value; quote strings that contain it",
            TokenKind.CloseBracket => "']' has no matching '['",
            _ => $"expected ',' or a new line after the value, found {token.Describe()}",
        };
        return new HoconException(token.Origin, Display(keyPath), reason);
    }

    /// <summary>Parses one field (or include) into <paramref name="target"/>; returns the key path for later messages.</summary>
    private string[]? ParseField(ObjectNode target, string[]? path)
    {
        var first = _cursor.Peek;
        if (first.Kind == TokenKind.UnquotedString && first.Text == "include")
        {
            _cursor.Next();
            ParseInclude(target, path, first.Origin);
            return path;
        }

        var (segments, origins) = ParseKey(path);
        var fullPath = path is null ? null : (string[])[.. path, .. segments];
        var key = fullPath ?? segments;
        _cursor.SkipWhitespace();
        var separator = _cursor.Peek;
        switch (separator.Kind)
        {
            case TokenKind.Colon or TokenKind.Equals or TokenKind.PlusEquals:
                _cursor.Next();
                _cursor.SkipBlankLines();
                break;
            case TokenKind.OpenBrace:
                break;
            case TokenKind.Newline or TokenKind.EndOfInput or TokenKind.Comma or TokenKind.CloseBrace:
                throw new HoconException(first.Origin, Display(key), "the key has no value (expected ':', '=' or '{' after it)");
            default:
                throw new HoconException(separator.Origin, Display(key), $"expected ':', '=' or '{{' after the key, found {separator.Describe()}");
        }

        var value = ParseValue(fullPath, key)
            ?? throw new HoconException(first.Origin, Display(key), $"the key has no value (found {_cursor.Peek.Describe()} after {separator.Describe()})");
        if (value.Origin.Line > separator.Origin.Line && _cursor.Peek.Kind is TokenKind.Colon or TokenKind.Equals or TokenKind.PlusEquals)
            throw new HoconException(first.Origin, Display(key), "the key has no value (the next line's key was read as its value)");
        if (separator.Kind == TokenKind.PlusEquals)
            value = Append(value, fullPath, separator, key);

        for (var i = segments.Length - 1; i > 0; i--)
        {
            var nested = new ObjectNode(origins[i]);
            nested.Assign(segments[i], value, origins[i]);
            value = nested;
        }

        target.Assign(segments[0], value, origins[0]);
        return key;
    }

    /// <summary><c>a += v</c> means <c>a = ${?a} [v]</c>, with the absolute path of <c>a</c>.</summary>
    private static ConcatenationNode Append(SyntaxNode value, string[]? fullPath, Token separator, string[] key)
    {
        if (fullPath is null)
            throw new HoconException(separator.Origin, Display(key), "'+=' is not supported in an object inside an array (no path leads back to the earlier value)");
        var previous = new SubstitutionNode(fullPath, optional: true, includePrefix: [], separator.Origin);
        return new ConcatenationNode([previous, new ArrayNode([value], value.Origin)], separator.Origin);
    }

    private (string[] Segments, HoconOrigin[] Origins) ParseKey(string[]? path)
    {
        var tokens = new List<Token>();
        while (_cursor.Peek.IsSimpleValue || _cursor.Peek.Kind == TokenKind.Whitespace)
            tokens.Add(_cursor.Next());
        if (tokens.Count == 0)
        {
            var unexpected = _cursor.Peek;
            var reason = unexpected.Kind == TokenKind.CloseBracket
                ? "']' has no matching '['"
                : $"expected a key, found {unexpected.Describe()}";
            throw new HoconException(unexpected.Origin, Display(path), reason);
        }

        if (_cursor.Peek.Kind == TokenKind.SubstitutionStart)
            throw new HoconException(_cursor.Peek.Origin, Display(path), "substitutions are not allowed in keys");
        return PathExpression.Build(tokens, path);
    }

    private void ParseInclude(ObjectNode target, string[]? path, HoconOrigin origin)
    {
        var include = IncludeStatement.Parse(_cursor, origin, Display(path));
        var included = IncludeLoader.Load(include, _file, path ?? [], Display(path));
        if (included is not null)
            target.MergeFrom(included);
    }

    /// <summary>Deeply nested braces or brackets end in a located error rather than a crashed process.</summary>
    private static void EnsureStack(Token opening)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw new HoconException(opening.Origin, null, $"objects and arrays nest too deep at {opening.Describe()}");
    }

    private static string? Display(string[]? path) => path is null || path.Length == 0 ? null : KeyPath.Render(path);
}
