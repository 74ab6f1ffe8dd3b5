using System.Globalization;
using ActorExec.Inspection;

namespace ActorExec.Cli.Rendering;

/// <summary><c>node show</c>: who the node is, how long it has run, its store, venues and actors.</summary>
internal static class NodeView
{
    public static void Render(NodeInfo node, Screen screen)
    {
        var i = CultureInfo.InvariantCulture;
        screen.Write(Tables.Facts(
            ("node", node.NodeId),
            ("profile", node.Profile),
            ("version", node.Version),
            ("uptime", $"{Formats.Duration(TimeSpan.FromSeconds(node.UptimeSeconds))} (since {Formats.Time(node.StartedAt)})"),
            ("store", $"{node.Store.Kind} {node.Store.Location}"),
            ("actors", string.Create(i, $"{node.Actors.Total} total, {node.Actors.Markets} markets, {node.Actors.Orders} orders")),
            ("trading", node.TradingState)));
        screen.WriteLine();
        BreakerView.Render(node.Venues, screen);
    }
}
