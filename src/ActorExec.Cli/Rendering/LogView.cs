using ActorExec.Inspection;

namespace ActorExec.Cli.Rendering;

/// <summary><c>log peek</c>: one line per event, <c>HH:mm:ss.fff LVL message</c> (UTC), like the node's console.</summary>
internal static class LogView
{
    public static void Render(IReadOnlyList<LogEventInfo> events, Screen screen)
    {
        foreach (var @event in events)
        {
            screen.WriteLine($"{Formats.ClockTime(@event.Timestamp)} {Abbreviate(@event.Level)} {@event.Message}");
        }
    }

    /// <summary>Serilog's three-letter level names; Microsoft.Extensions.Logging's names map to the same.</summary>
    public static string Abbreviate(string level) => level.ToLowerInvariant() switch
    {
        "verbose" or "trace" => "VRB",
        "debug" => "DBG",
        "information" or "info" => "INF",
        "warning" or "warn" => "WRN",
        "error" => "ERR",
        "fatal" or "critical" => "FTL",
        _ => level.Length <= 3 ? level.ToUpperInvariant() : level[..3].ToUpperInvariant(),
    };
}
