using System.Globalization;
using System.Text.Json;

namespace ActorExec.Bench;

/// <summary>Benchmark results: printed as a table for people and one flat JSON line for machines.</summary>
internal sealed class Report(string suite)
{
    private readonly List<(string Key, string Label, double Value, string Unit)> _rows = [];

    public void Add(string key, string label, double value, string unit) => _rows.Add((key, label, value, unit));

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"ActorExec benchmark: {suite} ({Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd})");
        var width = Math.Max(10, _rows.Max(r => r.Label.Length));
        output.WriteLine($"| {"measure".PadRight(width)} | {"median",14} | unit");
        output.WriteLine($"|{new string('-', width + 2)}|{new string('-', 16)}|------");
        foreach (var row in _rows)
            output.WriteLine($"| {row.Label.PadRight(width)} | {Format(row.Value),14} | {row.Unit}");
        output.WriteLine();

        var json = new Dictionary<string, object> { ["suite"] = suite, ["cores"] = Environment.ProcessorCount };
        foreach (var row in _rows)
            json[row.Key] = Math.Round(row.Value, 3);
        output.WriteLine(JsonSerializer.Serialize(json));
    }

    private static string Format(double value)
        => value >= 1000 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>Order statistics over repeated measurements.</summary>
internal static class Stats
{
    public static double Median(IEnumerable<double> values) => Percentile(values, 50);

    /// <summary>The suite's only option, <c>--runs N</c> (default 3).</summary>
    /// <exception cref="ArgumentException">Anything else; the message names the suite and what was given.</exception>
    public static int RunsOption(string[] args, string suite)
        => args.Length == 2 && args[0] == "--runs" && int.TryParse(args[1], out var runs) && runs > 0
            ? runs
            : args.Length == 0 ? 3 : throw new ArgumentException($"unknown {suite} option '{string.Join(' ', args)}' (expected --runs N)");

    public static double Percentile(IEnumerable<double> values, double percent)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
            throw new ArgumentException("No values to take a percentile of");
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
