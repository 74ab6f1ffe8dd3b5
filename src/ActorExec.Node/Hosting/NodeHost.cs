using System.Net;
using ActorExec.Node.Configuration;
using ActorExec.Node.Inspection;
using ActorExec.Node.Logging;
using ActorExec.Node.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Extensions.Logging;

namespace ActorExec.Node.Hosting;

/// <summary>
/// Runs a node on the generic host: configuration validated before anything starts, Serilog,
/// the node runtime, and Kestrel serving the inspection endpoint. Returns the process exit code.
/// </summary>
internal static partial class NodeHost
{
    public static async Task<int> RunAsync(NodeArguments arguments, CancellationToken cancellationToken)
    {
        NodeSettings settings;
        IReadOnlyList<string> warnings;
        try
        {
            (_, settings, warnings) = NodeConfiguration.Load(arguments);
        }
        catch (NodeConfigurationException e)
        {
            await Console.Error.WriteLineAsync("error: " + e.Message);
            return 2;
        }

        var ring = new LogRing(settings.Logging.RingSize);
        await using var logger = NodeLogging.Create(settings, ring);
        using var loggers = new SerilogLoggerFactory(logger);
        var log = loggers.CreateLogger("ActorExec.Node");
        foreach (var warning in warnings)
            LogConfigurationWarning(log, warning);

        using var metrics = new MetricsCollector();
        NodeRuntime? runtime = null;
        using var nodeMetrics = new NodeMetrics(() => runtime?.System.CountUserActors() ?? 0);
        try
        {
            runtime = await NodeRuntime.StartAsync(settings, loggers, nodeMetrics, cancellationToken);
        }
        catch (NodeConfigurationException e)
        {
            await Console.Error.WriteLineAsync("error: " + e.Message);
            return 2;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The journal cannot be opened, a venue lists no markets, ...: one clear line, no stack trace on the console.
            LogStartFailed(log, e.GetType().Name, e.Message);
            return 1;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.ShutdownTimeout);
        builder.WebHost.UseKestrel(kestrel =>
        {
            if (IPAddress.TryParse(settings.Inspection.Host, out var address))
                kestrel.Listen(address, settings.Inspection.Port);
            else
                kestrel.ListenLocalhost(settings.Inspection.Port);
        });
        var app = builder.Build();
        var gate = new BearerTokenGate(settings.Inspection);
        app.Use(gate.InvokeAsync);
        InspectionEndpoints.Map(app, runtime, ring, metrics);

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            LogEndpointFailed(log, settings.Inspection.Host, settings.Inspection.Port, e.Message);
            await runtime.StopAsync();
            return 1;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "?";
        LogListening(log, address, settings.Inspection.Token.Length > 0);
        var exitCode = 0;
        if (runtime.Cluster is { } cluster)
        {
            // Leaving (asked by `actorexec cluster leave`) or being declared dead ends the process: a dead
            // incarnation never comes back, its restart joins anew.
            _ = cluster.Exited.ContinueWith(exited =>
            {
                if (exited.Result.StartsWith("declared", StringComparison.Ordinal))
                    exitCode = DeclaredDeadExitCode;
                LogClusterExit(log, exited.Result);
                app.Lifetime.StopApplication();
            }, TaskScheduler.Default);
        }
        await app.WaitForShutdownAsync(CancellationToken.None);
        await runtime.StopAsync();
        await app.DisposeAsync();
        return exitCode;
    }

    /// <summary>The exit code of a node the cluster declared dead (it must be restarted to join again).</summary>
    public const int DeclaredDeadExitCode = 3;

    [LoggerMessage(EventId = 7014, EventName = "cluster_exit", Level = LogLevel.Warning, Message = "Stopping the node: {reason}")]
    private static partial void LogClusterExit(Microsoft.Extensions.Logging.ILogger logger, string reason);

    [LoggerMessage(EventId = 7010, EventName = "configuration_warning", Level = LogLevel.Warning, Message = "Configuration: {warning}")]
    private static partial void LogConfigurationWarning(Microsoft.Extensions.Logging.ILogger logger, string warning);

    [LoggerMessage(EventId = 7011, EventName = "inspection_listening", Level = LogLevel.Information,
        Message = "Inspection endpoint listening on {address} (token configured: {has_token}); try: actorexec node show")]
    private static partial void LogListening(Microsoft.Extensions.Logging.ILogger logger, string address, bool has_token);

    [LoggerMessage(EventId = 7013, EventName = "node_start_failed", Level = LogLevel.Critical, Message = "The node could not start: {error_type}: {reason}")]
    private static partial void LogStartFailed(Microsoft.Extensions.Logging.ILogger logger, string error_type, string reason);

    [LoggerMessage(EventId = 7012, EventName = "inspection_failed", Level = LogLevel.Critical,
        Message = "The inspection endpoint could not listen on {host}:{port}: {reason}; use --port or actorexec.inspection.port")]
    private static partial void LogEndpointFailed(Microsoft.Extensions.Logging.ILogger logger, string host, int port, string reason);
}
