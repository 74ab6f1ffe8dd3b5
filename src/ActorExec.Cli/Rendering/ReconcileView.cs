using System.Globalization;
using ActorExec.Inspection;

namespace ActorExec.Cli.Rendering;

/// <summary><c>reconcile now</c>: per venue, how many mismatches, how many resolved, then each one.</summary>
internal static class ReconcileView
{
    public static void Render(ReconcileResult result, Screen screen)
    {
        if (result.Venues.Count == 0)
        {
            screen.WriteLine("no venue was reconciled.");
            return;
        }
        foreach (var venue in result.Venues)
        {
            var found = venue.Mismatches.Count switch
            {
                0 => "no mismatches",
                1 => "1 mismatch",
                var n => string.Create(CultureInfo.InvariantCulture, $"{n} mismatches"),
            };
            screen.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{venue.Venue}: {found}, {venue.Resolved} resolved (at {Formats.Time(venue.At)})"));
            foreach (var mismatch in venue.Mismatches)
            {
                screen.WriteLine($"  - {mismatch}");
            }
        }
    }
}
