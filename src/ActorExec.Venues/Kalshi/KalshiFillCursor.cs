using System.Globalization;

namespace ActorExec.Venues.Kalshi;

/// <summary>
/// Our fill cursor over Kalshi's fills. Kalshi pages its fills newest first and its cursor walks back in
/// time, so it cannot say "after this fill"; passing it through would hand the engine pages newest to
/// oldest and, once the last page is read, no way to learn of fills made since. Our cursor is a
/// high-water mark instead: the second (Unix time) of the last fill returned and the ids of the fills
/// returned at that second. The next call asks Kalshi for fills from that second on (<c>min_ts</c>),
/// reads all its pages, drops what was returned already, and hands out the oldest first. A fill is
/// therefore never lost between calls (everything at or after the mark is re-read) and never repeated
/// (the ids at the mark's second are remembered); the price is re-reading one second of fills.
/// Text form: <c>v1:{seconds}:{id}|{id}…</c>.
/// </summary>
internal sealed record KalshiFillCursor(long Second, IReadOnlySet<string> SeenAtSecond)
{
    private const string Prefix = "v1:";

    public static bool TryParse(string? text, out KalshiFillCursor? cursor)
    {
        cursor = null;
        if (text is null)
            return true;
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        var parts = text[Prefix.Length..].Split(':', 2);
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var second))
            return false;
        var ids = parts[1].Split('|', StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length == 0)
            return false;
        cursor = new KalshiFillCursor(second, new HashSet<string>(ids, StringComparer.Ordinal));
        return true;
    }

    /// <summary>True when the fill is after the mark: a later second, or the mark's second and not returned yet.</summary>
    public bool IsNew(VenueFill fill)
    {
        var second = fill.At.ToUnixTimeSeconds();
        return second > Second || (second == Second && !SeenAtSecond.Contains(fill.FillId.Value));
    }

    /// <summary>The mark after returning <paramref name="page"/> (oldest first, not empty) from <paramref name="previous"/>.</summary>
    public static KalshiFillCursor After(KalshiFillCursor? previous, IReadOnlyList<VenueFill> page)
    {
        var second = page[^1].At.ToUnixTimeSeconds();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (previous is not null && previous.Second == second)
            seen.UnionWith(previous.SeenAtSecond);
        foreach (var fill in page)
        {
            if (fill.At.ToUnixTimeSeconds() == second)
                seen.Add(fill.FillId.Value);
        }
        return new KalshiFillCursor(second, seen);
    }

    public override string ToString()
        => Prefix + Second.ToString(CultureInfo.InvariantCulture) + ":" + string.Join('|', SeenAtSecond.Order(StringComparer.Ordinal));
}
