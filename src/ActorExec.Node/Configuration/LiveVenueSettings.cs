using ActorExec.Venues.Credentials;

namespace ActorExec.Node.Configuration;

/// <summary>What a live venue needs beyond the supervisor's limits; credentials stay <see cref="SecretSource"/>s until the venue connects.</summary>
internal abstract record LiveVenueSettings(IReadOnlyDictionary<MarketId, string> Markets, TimeSpan RequestTimeout);

/// <summary><c>live-kalshi</c>: the trade API v2 with an RSA key.</summary>
/// <param name="Tier">basic, advanced, premier or prime (it set the supervisor's rate limits).</param>
internal sealed record KalshiLiveSettings(
    Uri ApiUrl,
    SecretSource KeyId,
    SecretSource PrivateKey,
    string Tier,
    IReadOnlyDictionary<MarketId, string> Markets,
    TimeSpan RequestTimeout) : LiveVenueSettings(Markets, RequestTimeout);

/// <summary><c>live-polymarket</c>: the CLOB with L2 API credentials and an order-signing wallet key.</summary>
/// <param name="SignatureType">eoa, poly-proxy, poly-gnosis-safe or poly-1271 (a deposit wallet).</param>
/// <param name="BuilderCode">The builder code signed into every order, or null.</param>
internal sealed record PolymarketLiveSettings(
    Uri ClobUrl,
    Uri DataApiUrl,
    long ChainId,
    SecretSource PrivateKey,
    string? FunderAddress,
    string SignatureType,
    string? BuilderCode,
    SecretSource ApiKey,
    SecretSource ApiSecret,
    SecretSource ApiPassphrase,
    TimeSpan HeartbeatInterval,
    IReadOnlyDictionary<MarketId, string> Markets,
    TimeSpan RequestTimeout) : LiveVenueSettings(Markets, RequestTimeout);
