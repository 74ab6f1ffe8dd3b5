using ActorExec.Engine.Venues;
using Serilog.Events;

namespace ActorExec.Node.Configuration;

/// <summary>Everything a node runs with, read and validated from configuration at start-up.</summary>
internal sealed record NodeSettings(
    string NodeId,
    string Profile,
    string DataDir,
    TimeSpan ShutdownTimeout,
    PersistenceSettings Persistence,
    InspectionSettings Inspection,
    LoggingSettings Logging,
    EngineOptions Engine,
    IReadOnlyList<VenueSettings> Venues,
    DemoSettings Demo,
    PaperExchangeSettings PaperExchange)
{
    /// <summary>Cluster membership (<c>actorexec.cluster</c>); null when the node runs alone.</summary>
    public ClusterSettings? Cluster { get; init; }
}

/// <summary>The journal store: <c>sqlite</c> (a file) or <c>postgres</c>.</summary>
internal sealed record PersistenceSettings(string Store, string SqlitePath, string PostgresConnectionString)
{
    /// <summary>Where the journal is, for operators (the connection string without its password).</summary>
    public string Location => Store == "sqlite" ? SqlitePath : RedactedConnectionString();

    private string RedactedConnectionString()
        => string.Join(';', PostgresConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Where(part => !part.TrimStart().StartsWith("password", StringComparison.OrdinalIgnoreCase)));
}

/// <summary>The inspection endpoint's address and bearer token.</summary>
internal sealed record InspectionSettings(string Host, int Port, string Token)
{
    public bool IsLoopback => Host is "localhost" || (System.Net.IPAddress.TryParse(Host, out var address) && System.Net.IPAddress.IsLoopback(address));
}

/// <summary>Serilog: minimum level, the rolling JSON file (null: none) and the in-memory ring for <c>log peek</c>.</summary>
internal sealed record LoggingSettings(LogEventLevel Level, string? FilePath, int RingSize);

/// <summary>One venue: its kind, the supervisor's limits, the paper simulation's parameters and, for live kinds, the live venue's.</summary>
internal sealed record VenueSettings(string Name, string Kind, VenueSupervisorOptions Supervisor, int Seed, TimeSpan Latency, double Volatility)
{
    /// <summary>The live venue's API, credentials and markets; null for paper kinds.</summary>
    public LiveVenueSettings? Live { get; init; }

    /// <summary>True for the live-* kinds.</summary>
    public bool IsLive => Live is not null;
}

/// <summary>The sample arbitrage strategy over simulated markets.</summary>
internal sealed record DemoSettings(bool Enabled, int Markets, TimeSpan ScanInterval, decimal MinEdge, decimal MaxSize);

/// <summary>
/// The paper exchange: where <c>actorexec-node paper-exchange</c> listens, and the exchange this node
/// trades through (<see cref="Url"/> null: the paper venues run in-process).
/// </summary>
internal sealed record PaperExchangeSettings(System.Net.IPEndPoint Listen, Uri? Url);
