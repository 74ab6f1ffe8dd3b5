using ActorExec.Venues.Credentials;

namespace ActorExec.Venues.Kalshi;

/// <summary>
/// How to reach and authenticate with Kalshi's trade API v2. Printing the options (they are a record)
/// shows the key's source, never the key: <see cref="Secret"/> redacts itself.
/// </summary>
public sealed record KalshiOptions
{
    /// <summary>The id this venue has in the cluster (orders routed to it name it).</summary>
    public required VenueId Venue { get; init; }

    /// <summary>The API root, ending in <c>/trade-api/v2/</c>; default production. The demo is <c>https://demo-api.kalshi.co/trade-api/v2/</c>.</summary>
    public Uri ApiBase { get; init; } = new("https://api.elections.kalshi.com/trade-api/v2/");

    /// <summary>The API key id shown by Kalshi when the key was created (sent as <c>KALSHI-ACCESS-KEY</c>).</summary>
    public required string KeyId { get; init; }

    /// <summary>The RSA private key in PEM (PKCS#1 or PKCS#8), read from a file or environment variable.</summary>
    public required Secret PrivateKeyPem { get; init; }

    /// <summary>Our market id → Kalshi ticker, for every market this venue trades.</summary>
    public required IReadOnlyDictionary<MarketId, string> Markets { get; init; }

    /// <summary>The clock of request timestamps; default the system clock (Kalshi refuses stale timestamps).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Checks every option before anything is sent.</summary>
    /// <exception cref="ArgumentException">An option is missing or malformed; the message names it (never the key).</exception>
    public void Validate()
    {
        if (Venue.Value is null)
            throw new ArgumentException("KalshiOptions.Venue must be set", nameof(Venue));
        if (ApiBase is null || !ApiBase.IsAbsoluteUri || (ApiBase.Scheme != Uri.UriSchemeHttps && ApiBase.Scheme != Uri.UriSchemeHttp))
            throw new ArgumentException($"KalshiOptions.ApiBase must be an absolute http(s) URL, got '{ApiBase}'", nameof(ApiBase));
        if (string.IsNullOrWhiteSpace(KeyId))
            throw new ArgumentException("KalshiOptions.KeyId must not be empty", nameof(KeyId));
        if (PrivateKeyPem is null)
            throw new ArgumentException("KalshiOptions.PrivateKeyPem must be set", nameof(PrivateKeyPem));
        if (TimeProvider is null)
            throw new ArgumentException("KalshiOptions.TimeProvider must not be null", nameof(TimeProvider));
        if (Markets is null || Markets.Count == 0)
            throw new ArgumentException("KalshiOptions.Markets must map at least one market id to a Kalshi ticker", nameof(Markets));
        var tickers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (market, ticker) in Markets)
        {
            if (string.IsNullOrWhiteSpace(ticker) || ticker.Any(c => char.IsWhiteSpace(c) || c is '/' or '?' or '#'))
                throw new ArgumentException($"KalshiOptions.Markets: market '{market}' maps to an invalid ticker '{ticker}'", nameof(Markets));
            if (!tickers.Add(ticker))
                throw new ArgumentException($"KalshiOptions.Markets: ticker '{ticker}' is mapped twice", nameof(Markets));
        }
    }
}
