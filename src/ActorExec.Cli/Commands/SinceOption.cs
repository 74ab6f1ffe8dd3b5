using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorExec.Cli.Commands;

/// <summary><c>--since</c>: an ISO-8601 instant, or a span back from now such as <c>90s</c>, <c>10m</c>, <c>2h</c>, <c>1d</c>.</summary>
internal static partial class SinceOption
{
    public static Option<DateTimeOffset?> Create(TimeProvider time)
    {
        return new Option<DateTimeOffset?>("--since")
        {
            Description = "Only orders updated since then: ISO-8601 (2025-06-01T12:00:00Z; UTC when no offset) or back from now (90s, 10m, 2h, 1d)",
            HelpName = "when",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (TryParse(text, time.GetUtcNow(), out var since))
                {
                    return since;
                }
                result.AddError($"--since '{text}' is neither an ISO-8601 instant (2025-06-01T12:00:00Z) nor a span back from now (90s, 10m, 2h, 1d)");
                return null;
            },
        };
    }

    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset since)
    {
        var relative = RelativeSpan().Match(text);
        if (relative.Success && long.TryParse(relative.Groups["amount"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            var unit = relative.Groups["unit"].Value switch
            {
                "s" => TimeSpan.FromSeconds(1),
                "m" => TimeSpan.FromMinutes(1),
                "h" => TimeSpan.FromHours(1),
                _ => TimeSpan.FromDays(1),
            };
            // Beyond ten years back is a typo, and would overflow DateTimeOffset if let through.
            if (amount <= TimeSpan.FromDays(3660).Ticks / unit.Ticks)
            {
                since = now - unit * amount;
                return true;
            }
        }
        else if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out since))
        {
            return true;
        }
        since = default;
        return false;
    }

    [GeneratedRegex("^(?<amount>[0-9]+)(?<unit>[smhd])$")]
    private static partial Regex RelativeSpan();
}
