using System.CommandLine;
using ActorExec.Cli.Rendering;

namespace ActorExec.Cli.Commands;

/// <summary><c>log peek [--level L] [--count N]</c>.</summary>
internal static class LogCommands
{
    public static void AddTo(RootCommand root, CommandRunner runner)
    {
        var level = new Option<string?>("--level") { Description = "Lowest level to show, e.g. Information, Warning (default: the node's)", HelpName = "level" };
        var count = CountOption.Create("--count", "At most the last N events (default: the node's)");
        var peek = new Command("peek", "The node's recent log events, oldest first, one per line (times in UTC)") { level, count };
        runner.Handle(peek, (result, client, ct) => client.GetLogsAsync(result.GetValue(level), result.GetValue(count), ct), LogView.Render);
        root.Subcommands.Add(new Command("log", "The node's log") { peek });
    }
}
