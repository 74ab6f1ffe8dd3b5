using System.CommandLine;

namespace ActorExec.Cli.Commands;

/// <summary>The whole <c>actorexec</c> command line: global options and every command group.</summary>
internal static class CommandTree
{
    private const string Description =
        "actorexec: inspect and operate a running ActorExec node over its inspection endpoint (HTTP+JSON).\n\n" + ExitCodes.Help;

    public static RootCommand Build(CommandRunner runner, TimeProvider time)
    {
        var root = new RootCommand(Description);
        foreach (var option in runner.Options.All)
        {
            root.Options.Add(option);
        }
        NodeCommands.AddTo(root, runner);
        ClusterCommands.AddTo(root, runner);
        ActorCommands.AddTo(root, runner);
        MarketCommands.AddTo(root, runner);
        OrderCommands.AddTo(root, runner, time);
        BreakerCommands.AddTo(root, runner);
        InFlightCommands.AddTo(root, runner);
        ReconcileCommands.AddTo(root, runner);
        TradingStateCommands.AddTo(root, runner);
        LogCommands.AddTo(root, runner);
        MetricCommands.AddTo(root, runner);
        return root;
    }
}
