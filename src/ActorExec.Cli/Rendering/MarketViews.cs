using System.Globalization;
using ActorExec.Inspection;

namespace ActorExec.Cli.Rendering;

/// <summary><c>markets list</c> and <c>market show</c>.</summary>
internal static class MarketViews
{
    public static void RenderList(IReadOnlyList<MarketSummary> markets, Screen screen)
    {
        if (markets.Count == 0)
        {
            screen.WriteLine("no markets.");
            return;
        }
        var table = Tables.Create(
            "Market", "Phase", "In flight since", "Cooling down until", "Blacklisted until", "Open orders", "Position", "Last execution", "Succeeded", "Live");
        foreach (var market in markets)
        {
            table.AddTextRow(
                market.Market,
                market.Phase,
                Formats.Time(market.InFlightSince),
                Formats.Time(market.CoolingDownUntil),
                Formats.Time(market.BlacklistedUntil),
                market.OpenOrders.ToString(CultureInfo.InvariantCulture),
                Formats.Number(market.Position),
                Formats.Text(market.LastExecution),
                Formats.YesNo(market.LastSuccess),
                Formats.YesNo(market.Live));
        }
        screen.Write(table);
    }

    public static void RenderDetail(MarketDetail market, Screen screen)
    {
        screen.Write(Tables.Facts(
            ("market", market.Market),
            ("phase", market.Phase),
            ("in flight since", Formats.Time(market.InFlightSince)),
            ("cooling down until", Formats.Time(market.CoolingDownUntil)),
            ("blacklisted until", Formats.Time(market.BlacklistedUntil)),
            ("mismatches", market.Mismatches.ToString(CultureInfo.InvariantCulture)),
            ("hedge", Formats.Text(market.Hedge)),
            ("open orders", market.OpenOrders.Count == 0 ? "none" : string.Join(", ", market.OpenOrders))));
        screen.WriteLine();
        RenderPositions(market.Positions, screen);
        screen.WriteLine();
        RenderExecutions(market.Executions, screen);
    }

    private static void RenderPositions(IReadOnlyList<PositionInfo> positions, Screen screen)
    {
        if (positions.Count == 0)
        {
            screen.WriteLine("no positions.");
            return;
        }
        screen.WriteLine("positions");
        var table = Tables.Create("Venue", "Outcome", "Contracts", "Avg entry", "Realized PnL", "Fees");
        foreach (var position in positions)
        {
            table.AddTextRow(
                position.Venue,
                position.Outcome,
                Formats.Number(position.Contracts),
                Formats.Number(position.AverageEntryPrice),
                Formats.Number(position.RealizedPnl),
                Formats.Number(position.FeesPaid));
        }
        screen.Write(table);
    }

    private static void RenderExecutions(IReadOnlyList<ExecutionInfo> executions, Screen screen)
    {
        if (executions.Count == 0)
        {
            screen.WriteLine("no executions.");
            return;
        }
        screen.WriteLine("executions");
        var table = Tables.Create("Execution", "Kind", "Started", "Finished", "Succeeded", "Error", "Profit", "Legs");
        foreach (var execution in executions)
        {
            table.AddTextRow(
                execution.Id,
                execution.Kind,
                Formats.Time(execution.StartedAt),
                Formats.Time(execution.FinishedAt),
                Formats.YesNo(execution.Success),
                Formats.Text(execution.ErrorCode),
                Formats.Number(execution.Profit),
                execution.Legs.Count == 0 ? Formats.None : string.Join(", ", execution.Legs));
        }
        screen.Write(table);
    }
}
