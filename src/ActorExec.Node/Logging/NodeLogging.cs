using ActorExec.Node.Configuration;
using Serilog;
using Serilog.Formatting.Json;

namespace ActorExec.Node.Logging;

/// <summary>Serilog for a node: human-readable console, rolling JSON file, the in-memory ring.</summary>
internal static class NodeLogging
{
    public const string EventTypeProperty = "event_type";

    public static Serilog.Core.Logger Create(NodeSettings settings, LogRing ring)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(settings.Logging.Level)
            .MinimumLevel.Override("Microsoft", Serilog.Events.LogEventLevel.Warning)
            .Enrich.WithProperty("node_id", settings.NodeId)
            .Enrich.With(new EventTypeEnricher())
            .WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss.fff} {Level:u3} {event_type,-24} {Message:lj}{NewLine}{Exception}", formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.Sink(ring);
        if (settings.Logging.FilePath is { } file)
            configuration = configuration.WriteTo.File(new JsonFormatter(renderMessage: true), file, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14);
        return configuration.CreateLogger();
    }
}
