using ActorExec.Configuration.Internal.Syntax;

namespace ActorExec.Configuration.Internal.Resolution;

/// <summary>
/// A substitution or concatenation being resolved. When it is the value of a field it is
/// potentially self-referential: lookups of its own path (or below) see only the assignments
/// beneath it in the merge stack — the spec's "look backward" rule. That is its cut.
/// </summary>
internal sealed class ResolutionFrame(SyntaxNode node, KeyPath path, bool cutsItsField, int depth)
{
    public SyntaxNode Node { get; } = node;

    public KeyPath Path { get; } = path;

    /// <summary>True for field values at an addressable path; array elements never refer back to themselves.</summary>
    public bool CutsItsField { get; } = cutsItsField;

    public int Depth { get; } = depth;

    /// <summary>
    /// The shallowest enclosing frame whose cut or whose presence on the stack changed a lookup
    /// made while resolving this one. Below <see cref="Depth"/> the result depends on where the
    /// resolution started, so it must not be memoized.
    /// </summary>
    public int DependsOnFrame { get; set; } = int.MaxValue;

    public bool IsContextFree => DependsOnFrame >= Depth;
}
