using ActorExec.Inspection;

namespace ActorExec.Cli.Rendering;

/// <summary><c>inflight</c>: markets with an execution under way.</summary>
internal static class InFlightView
{
    public static void Render(IReadOnlyList<InFlightInfo> markets, Screen screen)
    {
        if (markets.Count == 0)
        {
            screen.WriteLine("no executions in flight.");
            return;
        }
        var table = Tables.Create("Market", "Since", "Execution");
        foreach (var market in markets)
        {
            table.AddTextRow(market.Market, Formats.Time(market.Since), Formats.Text(market.ExecutionId));
        }
        screen.Write(table);
    }
}
