using ActorExec.Configuration.Internal.Syntax;

namespace ActorExec.Configuration.Internal.Resolution;

/// <summary>
/// One value in a key's merge stack: a syntax node still to resolve, or a value already resolved
/// (a field of an object that came from a substitution). <see cref="KeyOrigin"/> is where the key
/// was assigned, which becomes the origin of the resolved value.
/// </summary>
internal readonly record struct StackEntry(SyntaxNode? Node, HoconValue? Value, HoconOrigin KeyOrigin)
{
    public static StackEntry Of(FieldAssignment assignment) => new(assignment.Value, null, assignment.KeyOrigin);

    public static StackEntry Of(HoconValue value) => new(null, value, value.Origin);
}
