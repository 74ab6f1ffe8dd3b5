using System.CommandLine;
using ActorExec.Cli.Rendering;

namespace ActorExec.Cli.Commands;

/// <summary><c>breakers</c>.</summary>
internal static class BreakerCommands
{
    public static void AddTo(RootCommand root, CommandRunner runner)
    {
        var breakers = new Command("breakers", "Each venue's circuit breaker: state, failures in a row, open until, reconciled");
        runner.Handle(breakers, (_, client, ct) => client.GetBreakersAsync(ct), BreakerView.Render);
        root.Subcommands.Add(breakers);
    }
}
