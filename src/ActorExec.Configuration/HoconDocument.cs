using ActorExec.Configuration.Internal;
using ActorExec.Configuration.Internal.Lexing;
using ActorExec.Configuration.Internal.Parsing;

namespace ActorExec.Configuration;

/// <summary>A parsed and fully resolved HOCON configuration.</summary>
public sealed class HoconDocument
{
    internal HoconDocument(HoconObject root) => Root = root;

    /// <summary>The root object, with every include, merge, concatenation and substitution applied.</summary>
    public HoconObject Root { get; }

    /// <summary>
    /// The value at a HOCON path expression such as <c>engine.cooldown</c> or <c>venues."paper.v2".fee</c>,
    /// or null when there is none (a key set to <c>null</c> gives a <see cref="HoconScalar"/> with <see cref="HoconScalar.IsNull"/>).
    /// </summary>
    public HoconValue? Find(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var tokens = HoconLexer.Tokenize(path, "path").Where(t => t.Kind != TokenKind.EndOfInput).ToList();
        if (tokens.Any(t => !t.IsSimpleValue && t.Kind != TokenKind.Whitespace))
            throw new ArgumentException($"'{path}' is not a HOCON path expression (only keys, dots and quoted keys)", nameof(path));

        HoconValue? current = Root;
        foreach (var segment in PathExpression.Build(tokens, null).Segments)
            current = (current as HoconObject)?[segment];
        return current;
    }

    /// <inheritdoc />
    public override string ToString() => $"HoconDocument({Root.Origin.Source}, {Root.Fields.Count} root keys)";
}
