namespace ActorExec.Configuration.Internal.Syntax;

/// <summary>One assignment of a value to a key, with where the key was written.</summary>
internal sealed record FieldAssignment(SyntaxNode Value, HoconOrigin KeyOrigin);

/// <summary>
/// An object literal. Each key keeps its merge stack: every assignment in document order, oldest
/// first. Resolution folds the stack from the top (objects merge, anything else hides what lies
/// below), and a self-referential assignment looks only at the entries below itself.
/// </summary>
internal sealed class ObjectNode(HoconOrigin origin) : SyntaxNode(origin)
{
    public OrderedDictionary<string, List<FieldAssignment>> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Pushes an assignment onto the key's stack. Two object literals in a row are merged on the
    /// spot (the same result, shorter stacks); a literal scalar or array drops the entries below
    /// it, since nothing can ever see them again.
    /// </summary>
    public void Assign(string key, SyntaxNode value, HoconOrigin keyOrigin)
    {
        if (!Fields.TryGetValue(key, out var stack))
        {
            stack = [];
            Fields.Add(key, stack);
        }

        if (value is ObjectNode incoming && stack.Count > 0 && stack[^1].Value is ObjectNode top)
        {
            top.MergeFrom(incoming);
            stack[^1] = new FieldAssignment(top, keyOrigin);
            return;
        }

        if (value is ScalarNode or ArrayNode)
            stack.Clear();
        stack.Add(new FieldAssignment(value, keyOrigin));
    }

    /// <summary>Pushes every assignment of <paramref name="other"/> in order, as if written here (includes, merges).</summary>
    public void MergeFrom(ObjectNode other)
    {
        foreach (var (key, assignments) in other.Fields)
            foreach (var assignment in assignments)
                Assign(key, assignment.Value, assignment.KeyOrigin);
    }
}
