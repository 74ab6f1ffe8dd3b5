using ActorExec.Actors.Inspection;
using ActorExec.Actors.Internal;

namespace ActorExec.Actors;

/// <summary>Read-only views of a running system for operators (the inspection endpoint).</summary>
public sealed partial class ActorSystem
{
    /// <summary>
    /// A snapshot of the live actor tree from the root, <paramref name="depth"/> levels deep (1: the
    /// guardians only). Children are read under their parent's lock, so the snapshot is consistent
    /// per parent, not across the tree: actors may start or stop while it is taken.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="depth"/> is below 1.</exception>
    public ActorTreeNode Hierarchy(int depth = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        return Snapshot(_root, depth);
    }

    /// <summary>The number of live actors under /user (a walk of the tree; cost grows with the count).</summary>
    public int CountUserActors() => Count(_userGuardian) - 1;

    private static ActorTreeNode Snapshot(ActorCell cell, int depth)
    {
        var children = cell.ChildCells();
        children.Sort(static (a, b) => string.CompareOrdinal(a.Self.Path.Name, b.Self.Path.Name));
        IReadOnlyList<ActorTreeNode> nodes = depth == 0 ? [] : children.ConvertAll(child => Snapshot(child, depth - 1));
        return new ActorTreeNode(cell.Self.Path.ToString(), cell.Self.Path.Name, cell.Props.ActorType.Name, children.Count, nodes);
    }

    private static int Count(ActorCell cell)
    {
        var total = 1;
        foreach (var child in cell.ChildCells())
            total += Count(child);
        return total;
    }
}
