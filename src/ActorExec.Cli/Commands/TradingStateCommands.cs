using System.CommandLine;
using ActorExec.Cli.Rendering;

namespace ActorExec.Cli.Commands;

/// <summary><c>halt</c>, <c>resume</c> and <c>reduce-only</c>: switch the account's trading state.</summary>
internal static class TradingStateCommands
{
    public static void AddTo(RootCommand root, CommandRunner runner)
    {
        Add(root, runner, "halt", "halted", "Stop all new orders (open orders are left alone)");
        Add(root, runner, "resume", "active", "Trade normally again");
        Add(root, runner, "reduce-only", "reduce-only", "Allow only orders that reduce a position");
    }

    private static void Add(RootCommand root, CommandRunner runner, string name, string routeState, string description)
    {
        var command = new Command(name, $"{description}; prints the new trading state");
        runner.Handle(command, (_, client, ct) => client.SetTradingStateAsync(routeState, ct), TradingStateView.Render);
        root.Subcommands.Add(command);
    }
}
