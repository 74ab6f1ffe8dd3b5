using Serilog.Core;
using Serilog.Events;

namespace ActorExec.Node.Logging;

/// <summary>
/// Gives every event an <c>event_type</c>: the [LoggerMessage] event name when there is one (for
/// example <c>arbitrage_succeeded</c>), else the logger's category, so every line can be filtered by kind.
/// </summary>
internal sealed class EventTypeEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory factory)
    {
        if (logEvent.Properties.ContainsKey(NodeLogging.EventTypeProperty))
            return;
        string? type = null;
        if (logEvent.Properties.TryGetValue("EventId", out var eventId) && eventId is StructureValue structure)
            type = structure.Properties.FirstOrDefault(p => p.Name == "Name")?.Value is ScalarValue { Value: string name } ? name : null;
        if (type is null && logEvent.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: string category })
            type = category[(category.LastIndexOf('.') + 1)..];
        logEvent.AddPropertyIfAbsent(factory.CreateProperty(NodeLogging.EventTypeProperty, type ?? "log"));
    }
}
