using ActorExec.Inspection;
using Serilog.Core;
using Serilog.Events;

namespace ActorExec.Node.Logging;

/// <summary>The most recent log events, kept in memory for <c>actorexec log peek</c>; the oldest fall off.</summary>
internal sealed class LogRing(int capacity) : ILogEventSink
{
    private readonly Queue<LogEvent> _events = new(capacity);
    private readonly Lock _gate = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            if (_events.Count == capacity)
                _events.Dequeue();
            _events.Enqueue(logEvent);
        }
    }

    /// <summary>The last <paramref name="count"/> events at or above <paramref name="minimum"/>, oldest first.</summary>
    public IReadOnlyList<LogEventInfo> Peek(LogEventLevel minimum, int count)
    {
        LogEvent[] events;
        lock (_gate)
            events = [.. _events];
        return [.. events.Where(e => e.Level >= minimum).TakeLast(count).Select(ToInfo)];
    }

    // "lj": strings unquoted, as the console shows them.
    private static readonly Serilog.Formatting.Display.MessageTemplateTextFormatter PlainMessage = new("{Message:lj}", System.Globalization.CultureInfo.InvariantCulture);

    private static LogEventInfo ToInfo(LogEvent e)
    {
        var properties = e.Properties.ToDictionary(p => p.Key, p => p.Value is ScalarValue { Value: string text } ? text : p.Value.ToString(), StringComparer.Ordinal);
        using var message = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        PlainMessage.Format(e, message);
        return new LogEventInfo(e.Timestamp, e.Level.ToString(), message.ToString(),
            properties.GetValueOrDefault(NodeLogging.EventTypeProperty), properties);
    }
}
