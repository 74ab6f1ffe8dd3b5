using System.Globalization;
using ActorExec.Inspection;
using Spectre.Console;

namespace ActorExec.Cli.Rendering;

/// <summary><c>actor hierarchy</c>: the live tree, saying how many children the depth limit left out.</summary>
internal static class ActorTreeView
{
    public static void Render(ActorNode root, Screen screen)
    {
        var tree = new Tree(new Text(Label(root)));
        foreach (var child in root.Children)
        {
            Add(tree.AddNode(new Text(Label(child))), child);
        }
        screen.Write(tree);
    }

    private static void Add(TreeNode node, ActorNode actor)
    {
        foreach (var child in actor.Children)
        {
            Add(node.AddNode(new Text(Label(child))), child);
        }
    }

    private static string Label(ActorNode actor)
    {
        var hidden = actor.ChildCount - actor.Children.Count;
        var label = $"{actor.Name} ({actor.Type})";
        return hidden > 0 ? string.Create(CultureInfo.InvariantCulture, $"{label} (+{hidden} more)") : label;
    }
}
