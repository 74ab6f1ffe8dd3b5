using System.CommandLine;
using ActorExec.Cli.Rendering;

namespace ActorExec.Cli.Commands;

/// <summary><c>inflight</c>.</summary>
internal static class InFlightCommands
{
    public static void AddTo(RootCommand root, CommandRunner runner)
    {
        var inflight = new Command("inflight", "Markets with an execution in flight");
        runner.Handle(inflight, (_, client, ct) => client.GetInFlightAsync(ct), InFlightView.Render);
        root.Subcommands.Add(inflight);
    }
}
