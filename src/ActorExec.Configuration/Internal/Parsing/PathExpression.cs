using System.Text;
using ActorExec.Configuration.Internal.Lexing;

namespace ActorExec.Configuration.Internal.Parsing;

/// <summary>
/// Builds a key path from the tokens of a path expression (a key or the inside of <c>${}</c>):
/// dots outside quoted strings split segments, dots inside numbers count too (<c>3.14</c> is
/// <c>3</c> then <c>14</c>), whitespace between values is kept and whitespace around is trimmed.
/// </summary>
internal static class PathExpression
{
    /// <summary>The segments and where each begins; <paramref name="tokens"/> holds simple values and whitespace only.</summary>
    public static (string[] Segments, HoconOrigin[] Origins) Build(List<Token> tokens, string[]? keyForErrors)
    {
        var first = tokens.FindIndex(t => t.Kind != TokenKind.Whitespace);
        var last = tokens.FindLastIndex(t => t.Kind != TokenKind.Whitespace);
        var segments = new List<string>();
        var origins = new List<HoconOrigin>();
        var current = new StringBuilder();
        var hasContent = false;
        var segmentOrigin = tokens[first].Origin;

        for (var i = first; i <= last; i++)
        {
            var token = tokens[i];
            if (token.Kind is TokenKind.QuotedString or TokenKind.Whitespace)
            {
                current.Append(token.Text);
                hasContent |= token.Kind == TokenKind.QuotedString;
                continue;
            }

            for (var c = 0; c < token.Text.Length; c++)
            {
                if (token.Text[c] != '.')
                {
                    current.Append(token.Text[c]);
                    hasContent = true;
                    continue;
                }

                Close();
                segmentOrigin = token.Origin with { Column = token.Origin.Column + c + 1 };
            }
        }

        Close();
        return (segments.ToArray(), origins.ToArray());

        void Close()
        {
            if (!hasContent)
                throw new HoconException(tokens[first].Origin, keyForErrors is null || keyForErrors.Length == 0 ? null : KeyPath.Render(keyForErrors),
                    $"path '{Raw(tokens, first, last)}' has an empty element; quote it (\"\") if an empty key is meant");
            segments.Add(current.ToString());
            origins.Add(segmentOrigin);
            current.Clear();
            hasContent = false;
        }
    }

    private static string Raw(List<Token> tokens, int first, int last) => string.Concat(
        tokens.Skip(first).Take(last - first + 1).Select(t => t.Kind == TokenKind.QuotedString ? $"\"{t.Text}\"" : t.Text));
}
