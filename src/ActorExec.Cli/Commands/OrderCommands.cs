using System.CommandLine;
using ActorExec.Cli.Http;
using ActorExec.Cli.Rendering;

namespace ActorExec.Cli.Commands;

/// <summary><c>orders list [filters]</c> and <c>order show &lt;clientOrderId&gt;</c>.</summary>
internal static class OrderCommands
{
    public static void AddTo(RootCommand root, CommandRunner runner, TimeProvider time)
    {
        var market = new Option<string?>("--market") { Description = "Only this market's orders", HelpName = "market" };
        var state = new Option<string?>("--state") { Description = "Only orders in this state", HelpName = "state" };
        var since = SinceOption.Create(time);
        var limit = CountOption.Create("--limit", "At most N orders, newest first (default: the node's)");
        var list = new Command("list", "Orders from the journal, newest first") { market, state, since, limit };
        runner.Handle(
            list,
            (result, client, ct) => client.GetOrdersAsync(
                new OrderFilter(result.GetValue(market), result.GetValue(state), result.GetValue(since), result.GetValue(limit)), ct),
            OrderViews.RenderList);
        root.Subcommands.Add(new Command("orders", "Orders") { list });

        var id = new Argument<string>("clientOrderId") { Description = "The order's client order id" };
        var show = new Command("show", "One order with its journaled events") { id };
        runner.Handle(show, (result, client, ct) => client.GetOrderAsync(result.GetRequiredValue(id), ct), OrderViews.RenderDetail);
        root.Subcommands.Add(new Command("order", "One order") { show });
    }
}
