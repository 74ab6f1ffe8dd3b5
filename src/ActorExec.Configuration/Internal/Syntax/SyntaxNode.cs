namespace ActorExec.Configuration.Internal.Syntax;

/// <summary>
/// A parsed but unresolved HOCON value. Resolution identifies nodes by reference (to memoize a
/// substitution per occurrence and to cut a self-referential field out of its own lookups), so
/// nodes are classes and never shared between two places in the tree.
/// </summary>
internal abstract class SyntaxNode(HoconOrigin origin)
{
    public HoconOrigin Origin { get; } = origin;
}

/// <summary>A string, number, boolean or null literal (a concatenation of literals is folded into one string).</summary>
internal sealed class ScalarNode(HoconScalarKind kind, string text, HoconOrigin origin) : SyntaxNode(origin)
{
    public HoconScalarKind Kind { get; } = kind;

    public string Text { get; } = text;
}

/// <summary>An array literal; its elements may still hold substitutions.</summary>
internal sealed class ArrayNode(List<SyntaxNode> elements, HoconOrigin origin) : SyntaxNode(origin)
{
    public List<SyntaxNode> Elements { get; } = elements;
}

/// <summary>
/// <c>${path}</c> or <c>${?path}</c>. <see cref="IncludePrefix"/> is the key path of the object an
/// included file was read into: the spec looks the path up there first, then from the root.
/// </summary>
internal sealed class SubstitutionNode(string[] path, bool optional, string[] includePrefix, HoconOrigin origin) : SyntaxNode(origin)
{
    public string[] Path { get; } = path;

    public bool Optional { get; } = optional;

    public string[] IncludePrefix { get; } = includePrefix;

    /// <summary>How the substitution reads in messages, e.g. <c>${?engine.cooldown}</c>.</summary>
    public string Display => $"${{{(Optional ? "?" : "")}{KeyPath.Render(Path)}}}";
}

/// <summary>
/// A value concatenation that needs resolving: simple values joined into a string, arrays
/// appended or objects merged, depending on what its substitutions turn out to be.
/// </summary>
internal sealed class ConcatenationNode(List<SyntaxNode> parts, HoconOrigin origin) : SyntaxNode(origin)
{
    /// <summary>The parts in order; whitespace between values is a <see cref="WhitespaceNode"/>.</summary>
    public List<SyntaxNode> Parts { get; } = parts;
}

/// <summary>Whitespace between two values of a concatenation: kept between strings, ignored between arrays or objects.</summary>
internal sealed class WhitespaceNode(string text, HoconOrigin origin) : SyntaxNode(origin)
{
    public string Text { get; } = text;
}
