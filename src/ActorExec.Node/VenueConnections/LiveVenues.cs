using ActorExec.Engine;
using ActorExec.Node.Configuration;
using ActorExec.Venues.Credentials;
using ActorExec.Venues.Kalshi;
using ActorExec.Venues.Polymarket;
using ActorExec.Venues.Polymarket.Signing;

namespace ActorExec.Node.VenueConnections;

/// <summary>
/// Connects the live venues: reads each credential from its environment variable or file, connects the
/// adapter (which checks the credentials and loads the mapped markets) and reports every problem at
/// once, naming the setting, never a secret.
/// </summary>
internal static class LiveVenues
{
    /// <exception cref="NodeConfigurationException">A credential cannot be read, or a venue refused the connection; one line per problem.</exception>
    public static async Task<IReadOnlyList<(VenueSettings Settings, VenueConnection Connection, IAsyncDisposable Owned)>> ConnectAsync(
        IEnumerable<VenueSettings> venues, TimeProvider clock, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var connected = new List<(VenueSettings, VenueConnection, IAsyncDisposable)>();
        var problems = new List<string>();
        foreach (var venue in venues)
        {
            var http = Http(venue.Live!.RequestTimeout);
            try
            {
                var (adapter, owned) = venue.Live switch
                {
                    KalshiLiveSettings kalshi => await ConnectKalshiAsync(venue.Name, kalshi, http, clock, environment, cancellationToken).ConfigureAwait(false),
                    PolymarketLiveSettings poly => await ConnectPolymarketAsync(venue.Name, poly, http, clock, environment, cancellationToken).ConfigureAwait(false),
                    _ => throw new InvalidOperationException($"venue {venue.Name}: no live adapter for kind {venue.Kind}"),
                };
                connected.Add((venue, new VenueConnection(adapter, (IMarketData)adapter, venue.Supervisor), new Owned(owned, http)));
            }
            catch (Exception e) when (e is SecretUnavailableException or VenueConnectionException or ArgumentException or FormatException or System.Security.Cryptography.CryptographicException)
            {
                http.Dispose();
                problems.Add($"actorexec.venues.{venue.Name} ({venue.Kind}): {e.Message}");
            }
        }
        if (problems.Count == 0)
            return connected;
        foreach (var (_, _, owned) in connected)
            await owned.DisposeAsync().ConfigureAwait(false);
        throw new NodeConfigurationException(problems);
    }

    private static async Task<(IVenueAdapter, object)> ConnectKalshiAsync(string name, KalshiLiveSettings live, HttpClient http, TimeProvider clock, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var setting = $"actorexec.venues.{name}.live";
        var options = new KalshiOptions
        {
            Venue = new VenueId(name),
            ApiBase = live.ApiUrl,
            KeyId = live.KeyId.Read($"{setting}.key-id", environment).Reveal(),
            PrivateKeyPem = live.PrivateKey.Read($"{setting}.private-key", environment),
            Markets = live.Markets,
            TimeProvider = clock,
        };
        var venue = await KalshiVenue.ConnectAsync(options, http, cancellationToken).ConfigureAwait(false);
        return (venue, venue);
    }

    private static async Task<(IVenueAdapter, object)> ConnectPolymarketAsync(string name, PolymarketLiveSettings live, HttpClient http, TimeProvider clock, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var setting = $"actorexec.venues.{name}.live";
        var options = new PolymarketOptions
        {
            Venue = new VenueId(name),
            ClobBase = live.ClobUrl,
            DataApiBase = live.DataApiUrl,
            ChainId = live.ChainId,
            PrivateKey = live.PrivateKey.Read($"{setting}.private-key", environment),
            FunderAddress = live.FunderAddress,
            BuilderCode = live.BuilderCode,
            SignatureType = live.SignatureType switch
            {
                "poly-proxy" => PolymarketSignatureType.PolyProxy,
                "poly-gnosis-safe" => PolymarketSignatureType.PolyGnosisSafe,
                "poly-1271" => PolymarketSignatureType.Poly1271,
                _ => PolymarketSignatureType.Eoa,
            },
            ApiKey = live.ApiKey.Read($"{setting}.api-key", environment).Reveal(),
            ApiSecret = live.ApiSecret.Read($"{setting}.api-secret", environment),
            ApiPassphrase = live.ApiPassphrase.Read($"{setting}.api-passphrase", environment),
            Markets = live.Markets,
            HeartbeatInterval = live.HeartbeatInterval,
            TimeProvider = clock,
        };
        var venue = await PolymarketVenue.ConnectAsync(options, http, cancellationToken).ConfigureAwait(false);
        return (venue, venue);
    }

    // One client per live venue for the process's life, as HttpClient is meant to be used; pooled
    // connections are recycled so DNS changes of the venue are followed.
    private static HttpClient Http(TimeSpan timeout) => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    })
    {
        Timeout = timeout,
    };

    /// <summary>The adapter (when it owns background work such as heartbeats) and its HTTP client, released together.</summary>
    private sealed class Owned(object adapter, HttpClient http) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            switch (adapter)
            {
                case IAsyncDisposable asyncDisposable: await asyncDisposable.DisposeAsync().ConfigureAwait(false); break;
                case IDisposable disposable: disposable.Dispose(); break;
            }
            http.Dispose();
        }
    }
}
