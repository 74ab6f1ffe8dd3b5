using ActorExec.Engine.Orders;
using ActorExec.Engine.Venues;
using ActorExec.Trading.AutoClose;
using ActorExec.Trading.Execution;
using ActorExec.Trading.Risk;
using Serilog.Events;

namespace ActorExec.Node.Configuration;

/// <summary>Maps the <c>actorexec</c> configuration tree onto <see cref="NodeSettings"/> and the engine's options.</summary>
internal static class NodeSettingsReader
{
    public const string Root = "actorexec";
    public static readonly string[] VenueKinds = ["paper-kalshi", "paper-polymarket", "live-kalshi", "live-polymarket"];

    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);

    public static NodeSettings Read(SettingsReader read, string profile)
    {
        var dataDir = Path.GetFullPath(read.String($"{Root}.node.data-dir", allowEmpty: false));
        var store = read.OneOf($"{Root}.persistence.store", "sqlite", "postgres");
        var postgres = read.String($"{Root}.persistence.postgres-connection-string");
        if (store == "postgres" && postgres.Trim().Length == 0)
            read.Fail($"{Root}.persistence.postgres-connection-string", "must be set when persistence.store = postgres (or set ACTOREXEC_POSTGRES)");
        var logFile = read.String($"{Root}.logging.file");
        return new NodeSettings(
            read.String($"{Root}.node.id", allowEmpty: false),
            profile,
            dataDir,
            read.Duration($"{Root}.node.shutdown-timeout", TimeSpan.FromSeconds(1), Hosting.NodeCommandLine.MaxShutdownTimeout),
            new PersistenceSettings(store, Path.Combine(dataDir, read.String($"{Root}.persistence.sqlite-file", allowEmpty: false)), postgres),
            new InspectionSettings(
                read.String($"{Root}.inspection.host", allowEmpty: false),
                read.Int($"{Root}.inspection.port", 0, 65535),
                read.String($"{Root}.inspection.token")),
            new LoggingSettings(
                Level(read, $"{Root}.logging.level"),
                logFile.Trim().Length == 0 ? null : Path.Combine(dataDir, logFile),
                read.Int($"{Root}.logging.ring-size", 10, 1_000_000)),
            Engine(read),
            Venues(read),
            new DemoSettings(
                read.Bool($"{Root}.demo.enabled"),
                read.Int($"{Root}.demo.markets", 1, 10_000),
                read.Duration($"{Root}.demo.scan-interval", TimeSpan.FromMilliseconds(10), Day),
                read.Decimal($"{Root}.demo.min-edge", 0m, 1m),
                read.Decimal($"{Root}.demo.max-size", 0.000001m, 1_000_000m)),
            PaperExchange(read))
        {
            Cluster = ClusterSettingsReader.Read(read, $"{Root}.cluster", store),
        };
    }

    private static LogEventLevel Level(SettingsReader read, string path)
        => read.OneOf(path, "verbose", "debug", "information", "warning", "error", "fatal") switch
        {
            "verbose" => LogEventLevel.Verbose,
            "debug" => LogEventLevel.Debug,
            "warning" => LogEventLevel.Warning,
            "error" => LogEventLevel.Error,
            "fatal" => LogEventLevel.Fatal,
            _ => LogEventLevel.Information,
        };

    private static EngineOptions Engine(SettingsReader read)
    {
        var e = $"{Root}.engine";
        return new EngineOptions
        {
            InFlight = new InFlightOptions { Cooldown = read.Duration($"{e}.cooldown", TimeSpan.Zero, Day) },
            LegTimeout = read.Duration($"{e}.leg-timeout", TimeSpan.FromSeconds(1), Day),
            Arbitrage = new ArbitrageOptions
            {
                MinProfitPerContract = read.Decimal($"{e}.min-profit-per-contract", 0m, 1m),
                MinLiquidityContracts = read.Decimal($"{e}.min-liquidity-contracts", 0m, 1_000_000_000m),
            },
            ReconcileBeforeTrading = read.Bool($"{e}.reconcile-before-trading"),
            ReconciliationInterval = read.Duration($"{e}.reconciliation-interval", TimeSpan.FromSeconds(1), Day),
            MarketIdleTimeout = read.Duration($"{e}.market-idle-timeout", TimeSpan.FromSeconds(1), Day),
            Risk = new RiskLimits
            {
                MaxPositionPerMarket = read.Decimal($"{e}.risk.max-position-per-market", 0m, decimal.MaxValue),
                MaxTotalPosition = read.Decimal($"{e}.risk.max-total-position", 0m, decimal.MaxValue),
                MaxNotionalPerOrder = read.Decimal($"{e}.risk.max-notional-per-order", 0m, decimal.MaxValue),
                DailyLossLimit = read.Decimal($"{e}.risk.daily-loss-limit", 0m, decimal.MaxValue),
                MaxConsecutiveErrors = read.Int($"{e}.risk.max-consecutive-errors", 1, 1_000_000),
            },
            AutoClose = new AutoCloseOptions
            {
                PriceStep = read.Decimal($"{e}.auto-close.price-step", 0.0001m, 1m),
                FloorPrice = read.Decimal($"{e}.auto-close.floor-price", 0m, 1m),
                RetryInterval = read.Duration($"{e}.auto-close.retry-interval", Millisecond, Day),
                SettlementWait = read.Duration($"{e}.auto-close.settlement-wait", TimeSpan.Zero, Day),
                MismatchThreshold = read.Int($"{e}.auto-close.mismatch-threshold", 1, 1_000_000),
                MismatchWindow = read.Duration($"{e}.auto-close.mismatch-window", TimeSpan.FromSeconds(1), TimeSpan.FromDays(365)),
                BlacklistDuration = read.Duration($"{e}.auto-close.blacklist-duration", TimeSpan.Zero, TimeSpan.FromDays(365)),
            },
            Orders = new OrderActorOptions
            {
                PollInitialInterval = read.Duration($"{e}.orders.poll-initial-interval", Millisecond, Day),
                PollMaxInterval = read.Duration($"{e}.orders.poll-max-interval", Millisecond, Day),
                ConfirmTimeout = read.Duration($"{e}.orders.confirm-timeout", Millisecond, Day),
                MaxSendAttempts = read.Int($"{e}.orders.max-send-attempts", 1, 100),
            },
        };
    }

    private static List<VenueSettings> Venues(SettingsReader read)
    {
        var names = read.Names($"{Root}.venues");
        if (names.Count == 0)
            read.Fail($"{Root}.venues", "no venue is configured");
        return [.. names.Select(name => Venue(read, name))];
    }

    private static VenueSettings Venue(SettingsReader read, string name)
    {
        var v = $"{Root}.venues.{name}";
        var supervisor = new VenueSupervisorOptions
        {
            WritesPerSecond = read.Double($"{v}.rate-limit.writes-per-second", 0.001, 1_000_000),
            WriteBurst = read.Int($"{v}.rate-limit.write-burst", 1, 1_000_000),
            ReadsPerSecond = read.Double($"{v}.rate-limit.reads-per-second", 0.001, 1_000_000),
            ReadBurst = read.Int($"{v}.rate-limit.read-burst", 1, 1_000_000),
            MaxRetries = read.Int($"{v}.retry.max-retries", 0, 100),
            RetryBaseDelay = read.Duration($"{v}.retry.base-delay", Millisecond, Day),
            RetryMaxDelay = read.Duration($"{v}.retry.max-delay", Millisecond, Day),
            BreakerFailureThreshold = read.Int($"{v}.breaker.failure-threshold", 1, 1_000_000),
            BreakerOpenDuration = read.Duration($"{v}.breaker.open-duration", Millisecond, Day),
            CallTimeout = read.Duration($"{v}.call-timeout", Millisecond, Day),
        };
        var kind = read.OneOf($"{v}.kind", VenueKinds);
        var live = LiveVenueSettingsReader.Read(read, v, kind);
        if (live is KalshiLiveSettings kalshi)
            supervisor = LiveVenueSettingsReader.WithTier(supervisor, kalshi.Tier);
        if (live is not null)
            return new VenueSettings(name, kind, supervisor, Seed: 0, Latency: TimeSpan.Zero, Volatility: 0) { Live = live };
        return new VenueSettings(
            name,
            kind,
            supervisor,
            read.Int($"{v}.paper.seed", int.MinValue, int.MaxValue),
            read.Duration($"{v}.paper.latency", TimeSpan.Zero, TimeSpan.FromMinutes(1)),
            read.Double($"{v}.paper.volatility", 0, 1));
    }

    private static PaperExchangeSettings PaperExchange(SettingsReader read)
    {
        var p = $"{Root}.paper-exchange";
        var listenText = read.String($"{p}.listen", allowEmpty: false).Trim();
        var listen = ParseEndPoint(listenText);
        if (listen is null && listenText.Length > 0)
            read.Fail($"{p}.listen", $"expected an IP address and port such as 127.0.0.1:9300 or [::1]:9300 (port 0 picks a free one), got '{listenText}'");
        var urlText = read.String($"{p}.url").Trim();
        Uri? url = null;
        if (urlText.Length > 0 && (!Uri.TryCreate(urlText, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            read.Fail($"{p}.url", $"expected the exchange's http:// URL such as http://127.0.0.1:9300, or \"\" for in-process paper venues; got '{urlText}'");
            url = null;
        }
        return new PaperExchangeSettings(listen ?? new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 9300), url);
    }

    /// <summary>host:port with an IP address (IPv6 in brackets) and an explicit port; null when it is not one.</summary>
    private static System.Net.IPEndPoint? ParseEndPoint(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0
            || !int.TryParse(text[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port > 65535
            || !System.Net.IPAddress.TryParse(text[..colon].TrimStart('[').TrimEnd(']'), out var address))
            return null;
        return new System.Net.IPEndPoint(address, port);
    }
}
