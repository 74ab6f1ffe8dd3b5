namespace ActorExec.Actors.Inspection;

/// <summary>
/// One actor in a snapshot of the live hierarchy: its path, name, actor type and children (cut at
/// the requested depth; <see cref="ChildCount"/> still counts all of them).
/// </summary>
public sealed record ActorTreeNode(string Path, string Name, string ActorType, int ChildCount, IReadOnlyList<ActorTreeNode> Children)
{
    /// <summary>This node and every node below it that the snapshot holds.</summary>
    public IEnumerable<ActorTreeNode> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in Children)
            foreach (var node in child.DescendantsAndSelf())
                yield return node;
    }
}
