using System.CommandLine;
using ActorExec.Cli.Rendering;

namespace ActorExec.Cli.Commands;

/// <summary><c>reconcile now [--venue V]</c>.</summary>
internal static class ReconcileCommands
{
    public static void AddTo(RootCommand root, CommandRunner runner)
    {
        var venue = new Option<string?>("--venue") { Description = "Only this venue (default: every venue)", HelpName = "venue" };
        var now = new Command("now", "Compare the venues' orders and positions with the journal now, and resolve what can be") { venue };
        runner.Handle(now, (result, client, ct) => client.ReconcileAsync(result.GetValue(venue), ct), ReconcileView.Render);
        root.Subcommands.Add(new Command("reconcile", "Reconciliation with the venues") { now });
    }
}
