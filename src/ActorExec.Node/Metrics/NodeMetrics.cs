using System.Diagnostics.Metrics;

namespace ActorExec.Node.Metrics;

/// <summary>The node's own instruments on the <c>ActorExec</c> meter: actors alive and journal write latency.</summary>
internal sealed class NodeMetrics : IDisposable
{
    private readonly Meter _meter = new(MetricsCollector.MeterName);

    public NodeMetrics(Func<int> actorsAlive)
    {
        _meter.CreateObservableGauge("node.actors_alive", actorsAlive, description: "Live actors under /user");
        JournalWriteLatency = _meter.CreateHistogram<double>("journal.write_latency_ms", "ms", "Journal write, enqueue to commit");
    }

    public Histogram<double> JournalWriteLatency { get; }

    public void Dispose() => _meter.Dispose();
}
