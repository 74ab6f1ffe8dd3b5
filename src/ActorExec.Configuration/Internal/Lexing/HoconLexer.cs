using System.Globalization;
using System.Text;

namespace ActorExec.Configuration.Internal.Lexing;

/// <summary>
/// Turns HOCON text into tokens, tracking line and column. Needs at most three characters of
/// look-ahead, as the spec promises (<c>//</c>, <c>${?</c>, <c>"""</c>).
/// </summary>
internal sealed class HoconLexer
{
    private const string ValidEscapes = @"\"" \\ \/ \b \f \n \r \t and \uXXXX";

    private readonly string _text;
    private readonly string _source;
    private readonly List<Token> _tokens = [];
    private int _position;
    private int _line = 1;
    private int _lineStart;

    private HoconLexer(string text, string source)
    {
        _text = text;
        _source = source;
    }

    /// <summary>All tokens of <paramref name="text"/>, ending with <see cref="TokenKind.EndOfInput"/>.</summary>
    public static List<Token> Tokenize(string text, string source)
    {
        var lexer = new HoconLexer(text, source);
        lexer.Run();
        return lexer._tokens;
    }

    private HoconOrigin Here => new(_source, _line, _position - _lineStart + 1);

    private char Peek(int ahead) => _position + ahead < _text.Length ? _text[_position + ahead] : '\0';

    private void Run()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '\n')
                Emit(TokenKind.Newline, "\n", 1);
            else if (HoconCharacters.IsWhitespace(c))
                ReadWhitespace();
            else if (c == '#' || (c == '/' && Peek(1) == '/'))
                SkipComment();
            else
                ReadSignificant(c);
        }

        _tokens.Add(new Token(TokenKind.EndOfInput, "", Here));
    }

    private void ReadSignificant(char c)
    {
        switch (c)
        {
            case '{': Emit(TokenKind.OpenBrace, "{", 1); break;
            case '}': Emit(TokenKind.CloseBrace, "}", 1); break;
            case '[': Emit(TokenKind.OpenBracket, "[", 1); break;
            case ']': Emit(TokenKind.CloseBracket, "]", 1); break;
            case ',': Emit(TokenKind.Comma, ",", 1); break;
            case ':': Emit(TokenKind.Colon, ":", 1); break;
            case '=': Emit(TokenKind.Equals, "=", 1); break;
            case '+': ReadPlusEquals(); break;
            case '$': ReadSubstitutionStart(); break;
            case '"': ReadQuoted(); break;
            default:
                if (HoconCharacters.IsReserved(c))
                    throw new HoconException(Here, null, $"character '{c}' is reserved in HOCON; quote the string that contains it");
                if (!TryReadNumber())
                    ReadUnquoted();
                break;
        }
    }

    private void Emit(TokenKind kind, string text, int length)
    {
        _tokens.Add(new Token(kind, text, Here));
        Consume(length);
    }

    /// <summary>Moves past <paramref name="count"/> characters, keeping the line count for triple-quoted strings.</summary>
    private void Consume(int count)
    {
        var end = _position + count;
        for (var i = _position; i < end; i++)
        {
            if (_text[i] == '\n')
            {
                _line++;
                _lineStart = i + 1;
            }
        }

        _position = end;
    }

    private void ReadWhitespace()
    {
        var end = _position;
        while (end < _text.Length && _text[end] != '\n' && HoconCharacters.IsWhitespace(_text[end]))
            end++;
        Emit(TokenKind.Whitespace, _text[_position..end], end - _position);
    }

    private void SkipComment()
    {
        var end = _text.IndexOf('\n', _position);
        Consume((end < 0 ? _text.Length : end) - _position);
    }

    private void ReadPlusEquals()
    {
        if (Peek(1) != '=')
            throw new HoconException(Here, null, "'+' must be followed by '=' (the '+=' append); quote strings that contain '+'");
        Emit(TokenKind.PlusEquals, "+=", 2);
    }

    private void ReadSubstitutionStart()
    {
        if (Peek(1) != '{')
            throw new HoconException(Here, null, "'$' must start a substitution '${path}'; quote strings that contain '$'");
        if (Peek(2) == '?')
            Emit(TokenKind.SubstitutionStart, "?", 3);
        else
            Emit(TokenKind.SubstitutionStart, "", 2);
    }

    /// <summary>A JSON number at the current position; anything after it (as in <c>10s</c>) is lexed as the next token.</summary>
    private bool TryReadNumber()
    {
        var length = NumberLength(_text, _position);
        if (length == 0)
            return false;
        Emit(TokenKind.Number, _text.Substring(_position, length), length);
        return true;
    }

    /// <summary>The length of the JSON number starting at <paramref name="start"/>, or 0 when there is none.</summary>
    internal static int NumberLength(string text, int start)
    {
        var i = start;
        if (i < text.Length && text[i] == '-')
            i++;
        if (i >= text.Length || !char.IsAsciiDigit(text[i]))
            return 0;
        if (text[i] == '0')
            i++;
        else
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < text.Length && text[j] is '+' or '-')
                j++;
            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                i = j;
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            }
        }

        return i - start;
    }

    private void ReadUnquoted()
    {
        var end = _position;
        while (end < _text.Length)
        {
            var c = _text[end];
            if (HoconCharacters.IsWhitespace(c) || HoconCharacters.IsForbiddenInUnquoted(c)
                || (c == '/' && end + 1 < _text.Length && _text[end + 1] == '/'))
                break;
            end++;
        }

        var text = _text[_position..end];
        var kind = text switch
        {
            "true" => TokenKind.True,
            "false" => TokenKind.False,
            "null" => TokenKind.Null,
            _ => TokenKind.UnquotedString,
        };
        Emit(kind, text, end - _position);
    }

    private void ReadQuoted()
    {
        if (Peek(1) == '"' && Peek(2) == '"')
            ReadTripleQuoted();
        else
            ReadJsonString();
    }

    /// <summary>Raw text up to the first run of three or more quotes; quotes beyond three belong to the string (as in Scala).</summary>
    private void ReadTripleQuoted()
    {
        var start = Here;
        var close = _text.IndexOf("\"\"\"", _position + 3, StringComparison.Ordinal);
        if (close < 0)
            throw new HoconException(start, null, "unclosed multi-line string: no closing \"\"\"");
        var run = close;
        while (run < _text.Length && _text[run] == '"')
            run++;
        var contentEnd = run - 3;
        _tokens.Add(new Token(TokenKind.QuotedString, _text[(_position + 3)..contentEnd], start));
        Consume(run - _position);
    }

    private void ReadJsonString()
    {
        var start = Here;
        var builder = new StringBuilder();
        var i = _position + 1;
        while (true)
        {
            if (i >= _text.Length)
                throw new HoconException(start, null, "unclosed string: missing the closing '\"'");
            var c = _text[i];
            if (c == '"')
                break;
            if (c == '\n')
                throw new HoconException(start, null, "unclosed string: a quoted string must end on the line it starts (use \"\"\" for multi-line text)");
            if (c == '\\')
            {
                i = ReadEscape(i, builder);
                continue;
            }

            builder.Append(c);
            i++;
        }

        _tokens.Add(new Token(TokenKind.QuotedString, builder.ToString(), start));
        Consume(i + 1 - _position);
    }

    /// <summary>Decodes the escape at <paramref name="backslash"/> and returns the index after it.</summary>
    private int ReadEscape(int backslash, StringBuilder builder)
    {
        var escaped = backslash + 1 < _text.Length ? _text[backslash + 1] : '\0';
        switch (escaped)
        {
            case '"': builder.Append('"'); break;
            case '\\': builder.Append('\\'); break;
            case '/': builder.Append('/'); break;
            case 'b': builder.Append('\b'); break;
            case 'f': builder.Append('\f'); break;
            case 'n': builder.Append('\n'); break;
            case 'r': builder.Append('\r'); break;
            case 't': builder.Append('\t'); break;
            case 'u':
                var hex = _text.Substring(backslash + 2, Math.Min(4, _text.Length - backslash - 2));
                if (hex.Length != 4 || !ushort.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    throw EscapeError(backslash, $"invalid escape '\\u{hex}' in a quoted string: \\u needs four hex digits");
                builder.Append((char)code);
                return backslash + 6;
            default:
                var shown = escaped is '\0' or '\n' ? "" : escaped.ToString();
                throw EscapeError(backslash, $"invalid escape '\\{shown}' in a quoted string; valid escapes are {ValidEscapes}");
        }

        return backslash + 2;
    }

    private HoconException EscapeError(int backslash, string reason) =>
        new(new HoconOrigin(_source, _line, backslash - _lineStart + 1), null, reason);
}
