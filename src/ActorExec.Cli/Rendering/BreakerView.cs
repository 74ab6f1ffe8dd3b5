using System.Globalization;
using ActorExec.Inspection;

namespace ActorExec.Cli.Rendering;

/// <summary>Venues' circuit breakers, for <c>breakers</c> and the venues of <c>node show</c>.</summary>
internal static class BreakerView
{
    public static void Render(IReadOnlyList<BreakerInfo> breakers, Screen screen)
    {
        if (breakers.Count == 0)
        {
            screen.WriteLine("no venues.");
            return;
        }
        var table = Tables.Create("Venue", "State", "Failures", "Open until", "Reconciled", "Last reconciled");
        foreach (var breaker in breakers)
        {
            table.AddTextRow(
                breaker.Venue,
                breaker.State,
                breaker.ConsecutiveFailures.ToString(CultureInfo.InvariantCulture),
                Formats.Time(breaker.OpenUntil),
                Formats.YesNo(breaker.Reconciled),
                Formats.Time(breaker.LastReconciledAt));
        }
        screen.Write(table);
    }
}
