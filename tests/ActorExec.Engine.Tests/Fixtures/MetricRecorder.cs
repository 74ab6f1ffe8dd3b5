using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ActorExec.Engine.Tests.Fixtures;

/// <summary>Records the measurements of one engine counter (tests run one at a time, so nothing else adds to it meanwhile).</summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public MetricRecorder(string instrument)
    {
        _listener.InstrumentPublished = (published, listener) =>
        {
            if (published.Meter.Name == EngineMetrics.MeterName && published.Name == instrument)
                listener.EnableMeasurementEvents(published);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var copied = new Dictionary<string, string?>();
            foreach (var tag in tags)
                copied[tag.Key] = tag.Value?.ToString();
            _measurements.Enqueue(new Measurement(value, copied));
        });
        _listener.Start();
    }

    /// <summary>Everything recorded so far, oldest first.</summary>
    public IReadOnlyList<Measurement> Measurements => [.. _measurements];

    public void Dispose() => _listener.Dispose();

    /// <summary>One recorded value with its tags.</summary>
    public sealed record Measurement(long Value, IReadOnlyDictionary<string, string?> Tags);
}
