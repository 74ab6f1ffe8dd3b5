using ActorExec.Node.Configuration;
using ActorExec.Node.Demo;
using ActorExec.Node.Logging;
using Serilog.Extensions.Logging;

namespace ActorExec.Node.Exchange;

/// <summary>
/// Runs <c>actorexec-node paper-exchange</c>: the node's configuration, its paper venues built as a node
/// builds them, served on <c>actorexec.paper-exchange.listen</c> until SIGTERM or Ctrl+C. Returns the
/// process exit code: 0 after a graceful stop, 2 for an invalid configuration, 1 when it cannot listen.
/// </summary>
internal static partial class PaperExchangeHost
{
    /// <summary>The line printed on stdout once serving, followed by the address (scripts and tests parse it).</summary>
    public const string ListeningLine = "paper exchange listening on ";

    public static async Task<int> RunAsync(NodeArguments arguments, CancellationToken cancellationToken)
    {
        NodeSettings settings;
        IReadOnlyList<string> warnings;
        IReadOnlyList<Venues.Paper.PaperVenue> venues;
        try
        {
            (_, settings, warnings) = NodeConfiguration.Load(arguments);
            venues = PaperVenues.Create(settings, TimeProvider.System);
        }
        catch (NodeConfigurationException e)
        {
            await Console.Error.WriteLineAsync("error: " + e.Message);
            return 2;
        }

        // Console only: the node running on this configuration owns the log file under its data directory.
        var exchangeSettings = settings with { NodeId = "paper-exchange", Logging = settings.Logging with { FilePath = null } };
        await using var logger = NodeLogging.Create(exchangeSettings, new LogRing(settings.Logging.RingSize));
        using var loggers = new SerilogLoggerFactory(logger);
        var log = loggers.CreateLogger("ActorExec.Node.Exchange");
        foreach (var warning in warnings)
            LogConfigurationWarning(log, warning);

        PaperExchangeServer server;
        try
        {
            server = await PaperExchangeServer.StartAsync(venues, settings.PaperExchange.Listen, logger, cancellationToken);
        }
        catch (IOException e)
        {
            LogListenFailed(log, settings.PaperExchange.Listen.ToString(), e.Message);
            return 1;
        }
        await using (server)
        {
            var address = server.Address.GetLeftPart(UriPartial.Authority);
            await Console.Out.WriteLineAsync(ListeningLine + address);
            await Console.Out.FlushAsync(CancellationToken.None);
            LogListening(log, address, string.Join(", ", settings.Venues.Select(v => $"{v.Name} ({v.Kind})")));
            await server.WaitForShutdownAsync(cancellationToken);
        }
        LogStopped(log);
        return 0;
    }

    [LoggerMessage(EventId = 7020, EventName = "configuration_warning", Level = LogLevel.Warning, Message = "Configuration: {warning}")]
    private static partial void LogConfigurationWarning(ILogger logger, string warning);

    [LoggerMessage(EventId = 7021, EventName = "paper_exchange_listening", Level = LogLevel.Information,
        Message = "Paper exchange serving venues {venues} on {address}; nodes trade through it with ACTOREXEC_PAPER_EXCHANGE={address}")]
    private static partial void LogListening(ILogger logger, string address, string venues);

    [LoggerMessage(EventId = 7022, EventName = "paper_exchange_listen_failed", Level = LogLevel.Critical,
        Message = "The paper exchange could not listen on {listen}: {reason}; set actorexec.paper-exchange.listen")]
    private static partial void LogListenFailed(ILogger logger, string listen, string reason);

    [LoggerMessage(EventId = 7023, EventName = "paper_exchange_stopped", Level = LogLevel.Information, Message = "Paper exchange stopped")]
    private static partial void LogStopped(ILogger logger);
}
