using ActorExec.Inspection;

namespace ActorExec.Cli.Rendering;

/// <summary><c>metrics</c>: one row per instrument and tag set.</summary>
internal static class MetricView
{
    public static void Render(IReadOnlyList<MetricValue> metrics, Screen screen)
    {
        if (metrics.Count == 0)
        {
            screen.WriteLine("no metrics.");
            return;
        }
        var table = Tables.Create("Name", "Kind", "Tags", "Value", "Count", "p50", "p99");
        foreach (var metric in metrics)
        {
            table.AddTextRow(
                metric.Name,
                metric.Kind,
                metric.Tags.Count == 0 ? Formats.None : string.Join(" ", metric.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}")),
                Formats.Number(metric.Value),
                Formats.Number(metric.Count),
                Formats.Number(metric.P50),
                Formats.Number(metric.P99));
        }
        screen.Write(table);
    }
}
