using System.CommandLine;
using ActorExec.Cli.Rendering;

namespace ActorExec.Cli.Commands;

/// <summary><c>actor hierarchy [--depth N]</c>.</summary>
internal static class ActorCommands
{
    public static void AddTo(RootCommand root, CommandRunner runner)
    {
        var depth = CountOption.Create("--depth", "Levels below the root to show (default: the node's)");
        var hierarchy = new Command("hierarchy", "The live actor tree; '(+N more)' counts children beyond --depth") { depth };
        runner.Handle(hierarchy, (result, client, ct) => client.GetActorsAsync(result.GetValue(depth), ct), ActorTreeView.Render);
        root.Subcommands.Add(new Command("actor", "The node's actors") { hierarchy });
    }
}
