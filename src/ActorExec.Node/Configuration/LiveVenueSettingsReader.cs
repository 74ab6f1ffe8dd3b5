using ActorExec.Engine.Venues;
using ActorExec.Venues.Credentials;

namespace ActorExec.Node.Configuration;

/// <summary>Reads <c>actorexec.venues.&lt;name&gt;.live</c> for the live venue kinds.</summary>
internal static class LiveVenueSettingsReader
{
    public static readonly string[] KalshiTiers = ["basic", "advanced", "premier", "prime"];
    public static readonly string[] SignatureTypes = ["eoa", "poly-proxy", "poly-gnosis-safe", "poly-1271"];

    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>The live settings of a venue of kind <paramref name="kind"/>; null for paper kinds.</summary>
    public static LiveVenueSettings? Read(SettingsReader read, string venuePath, string kind) => kind switch
    {
        "live-kalshi" => Kalshi(read, $"{venuePath}.live"),
        "live-polymarket" => Polymarket(read, $"{venuePath}.live"),
        _ => null,
    };

    /// <summary>A Kalshi tier's published limits replace the configured rate limits (bursts of one second's worth).</summary>
    public static VenueSupervisorOptions WithTier(VenueSupervisorOptions supervisor, string tier)
    {
        var (reads, writes) = tier switch
        {
            "advanced" => (30, 30),
            "premier" => (100, 100),
            "prime" => (400, 400),
            _ => (20, 10),
        };
        return supervisor with { ReadsPerSecond = reads, ReadBurst = reads, WritesPerSecond = writes, WriteBurst = writes };
    }

    private static KalshiLiveSettings Kalshi(SettingsReader read, string live) => new(
        Url(read, $"{live}.api-url"),
        Secret(read, $"{live}.key-id"),
        Secret(read, $"{live}.private-key"),
        read.OneOf($"{live}.tier", KalshiTiers),
        Markets(read, $"{live}.markets"),
        read.Duration($"{live}.request-timeout", Millisecond, Minute));

    private static PolymarketLiveSettings Polymarket(SettingsReader read, string live)
    {
        var builder = read.String($"{live}.builder-code").Trim();
        if (builder.Length > 0 && !IsHex(builder, 64))
            read.Fail($"{live}.builder-code", $"expected a 0x-prefixed 64-hex-digit builder code or \"\", got '{builder}'");
        var funder = read.String($"{live}.funder-address").Trim();
        if (funder.Length > 0 && !IsHex(funder, 40))
            read.Fail($"{live}.funder-address", $"expected a 0x-prefixed 40-hex-digit address or \"\", got '{funder}'");
        return new PolymarketLiveSettings(
            Url(read, $"{live}.clob-url"),
            Url(read, $"{live}.data-api-url"),
            read.Int($"{live}.chain-id", 1, int.MaxValue),
            Secret(read, $"{live}.private-key"),
            funder.Length == 0 ? null : funder,
            read.OneOf($"{live}.signature-type", SignatureTypes),
            builder.Length == 0 ? null : builder,
            Secret(read, $"{live}.api-key"),
            Secret(read, $"{live}.api-secret"),
            Secret(read, $"{live}.api-passphrase"),
            // The CLOB cancels resting orders when no heartbeat arrives within 10 s.
            read.Duration($"{live}.heartbeat-interval", TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(9)),
            Markets(read, $"{live}.markets"),
            read.Duration($"{live}.request-timeout", Millisecond, Minute));
    }

    private static bool IsHex(string text, int digits)
        => text.Length == digits + 2 && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && text[2..].All(char.IsAsciiHexDigit);

    private static Uri Url(SettingsReader read, string path)
    {
        var text = read.String(path, allowEmpty: false).Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
            return url;
        if (text.Length > 0)
            read.Fail(path, $"expected an https:// URL, got '{text}'");
        return new Uri("https://invalid.invalid/");
    }

    /// <summary>Where a credential is read from; the value itself is read when the venue connects.</summary>
    private static SecretSource Secret(SettingsReader read, string path)
    {
        var environment = read.String($"{path}.env").Trim();
        var file = read.String($"{path}.file").Trim();
        if (environment.Length == 0 && file.Length == 0)
            read.Fail(path, "name where the credential is read from: { env = VARIABLE } or { file = /path/to/file }");
        return new SecretSource(environment.Length == 0 ? null : environment, file.Length == 0 ? null : file);
    }

    private static Dictionary<MarketId, string> Markets(SettingsReader read, string path)
    {
        var markets = new Dictionary<MarketId, string>();
        foreach (var name in read.Names(path))
        {
            var venueId = read.String($"{path}.{name}", allowEmpty: false).Trim();
            try
            {
                markets[new MarketId(name)] = venueId;
            }
            catch (ArgumentException e)
            {
                read.Fail($"{path}.{name}", e.Message);
            }
        }
        if (markets.Count == 0)
            read.Fail(path, "no market is mapped: add our-market-id = \"venue market id\" entries (see live.conf)");
        return markets;
    }
}
