using System.CommandLine;
using ActorExec.Cli.Rendering;

namespace ActorExec.Cli.Commands;

/// <summary><c>markets list</c> and <c>market show &lt;id&gt;</c>.</summary>
internal static class MarketCommands
{
    public static void AddTo(RootCommand root, CommandRunner runner)
    {
        var list = new Command("list", "Every market: slot phase, cooldown, blacklist, open orders, position, last execution");
        runner.Handle(list, (_, client, ct) => client.GetMarketsAsync(ct), MarketViews.RenderList);
        root.Subcommands.Add(new Command("markets", "All markets") { list });

        var id = new Argument<string>("id") { Description = "The market's id" };
        var show = new Command("show", "One market in full: positions, executions, open orders") { id };
        runner.Handle(show, (result, client, ct) => client.GetMarketAsync(result.GetRequiredValue(id), ct), MarketViews.RenderDetail);
        root.Subcommands.Add(new Command("market", "One market") { show });
    }
}
