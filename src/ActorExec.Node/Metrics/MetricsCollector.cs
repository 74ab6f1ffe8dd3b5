using System.Diagnostics.Metrics;
using ActorExec.Inspection;

namespace ActorExec.Node.Metrics;

/// <summary>
/// Listens to the <c>ActorExec</c> meter and keeps each instrument's current value per tag set:
/// counters as totals, histograms as a count and a window of the latest samples (for p50/p99), gauges
/// as their last observation. Read by the inspection endpoint.
/// </summary>
internal sealed class MetricsCollector : IDisposable
{
    public const string MeterName = EngineMetrics.MeterName;
    private const int Window = 2048;
    private readonly MeterListener _listener = new();
    private readonly Dictionary<(string Name, string Tags), Series> _series = [];
    private readonly Lock _gate = new();

    public MetricsCollector()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    public IReadOnlyList<MetricValue> Snapshot()
    {
        _listener.RecordObservableInstruments();
        lock (_gate)
        {
            return [.. _series.OrderBy(s => s.Key.Name, StringComparer.Ordinal).ThenBy(s => s.Key.Tags, StringComparer.Ordinal)
                .Select(s => s.Value.ToMetric(s.Key.Name))];
        }
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var tagMap = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags)
            tagMap[tag.Key] = tag.Value?.ToString() ?? "";
        var key = (instrument.Name, string.Join(',', tagMap.Select(t => $"{t.Key}={t.Value}")));
        lock (_gate)
        {
            if (!_series.TryGetValue(key, out var series))
                _series[key] = series = new Series(KindOf(instrument), tagMap);
            series.Add(value);
        }
    }

    private static string KindOf(Instrument instrument) => instrument.GetType().Name switch
    {
        var n when n.StartsWith("Counter", StringComparison.Ordinal) || n.StartsWith("ObservableCounter", StringComparison.Ordinal) => "counter",
        var n when n.StartsWith("Histogram", StringComparison.Ordinal) => "histogram",
        _ => "gauge",
    };

    public void Dispose() => _listener.Dispose();

    private sealed class Series(string kind, IReadOnlyDictionary<string, string> tags)
    {
        private readonly Queue<double> _window = new();
        private double _value;
        private long _count;

        public void Add(double value)
        {
            _count++;
            switch (kind)
            {
                case "counter":
                    _value += value;
                    break;
                case "histogram":
                    _value = value;
                    if (_window.Count == Window)
                        _window.Dequeue();
                    _window.Enqueue(value);
                    break;
                default:
                    _value = value;
                    break;
            }
        }

        public MetricValue ToMetric(string name)
        {
            if (kind != "histogram")
                return new MetricValue(name, kind, tags, _value, null, null, null);
            var sorted = _window.Order().ToArray();
            return new MetricValue(name, kind, tags, _value, _count, Percentile(sorted, 0.50), Percentile(sorted, 0.99));
        }

        private static double? Percentile(double[] sorted, double q)
            => sorted.Length == 0 ? null : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    }
}
