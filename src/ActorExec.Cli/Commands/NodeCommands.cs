using System.CommandLine;
using ActorExec.Cli.Rendering;

namespace ActorExec.Cli.Commands;

/// <summary><c>node show</c>.</summary>
internal static class NodeCommands
{
    public static void AddTo(RootCommand root, CommandRunner runner)
    {
        var show = new Command("show", "Identity, uptime, store, venues with their breakers, actor counts, trading state");
        runner.Handle(show, (_, client, ct) => client.GetNodeAsync(ct), NodeView.Render);
        root.Subcommands.Add(new Command("node", "The node itself") { show });
    }
}
