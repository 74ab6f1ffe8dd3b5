using System.CommandLine;
using ActorExec.Cli.Rendering;

namespace ActorExec.Cli.Commands;

/// <summary><c>metrics</c>.</summary>
internal static class MetricCommands
{
    public static void AddTo(RootCommand root, CommandRunner runner)
    {
        var metrics = new Command("metrics", "Current value of each instrument: counters, histograms (count, p50, p99), gauges");
        runner.Handle(metrics, (_, client, ct) => client.GetMetricsAsync(ct), MetricView.Render);
        root.Subcommands.Add(metrics);
    }
}
