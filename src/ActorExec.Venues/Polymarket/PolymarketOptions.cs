using ActorExec.Venues.Credentials;
using ActorExec.Venues.Polymarket.Signing;

namespace ActorExec.Venues.Polymarket;

/// <summary>
/// How to reach and trade on the Polymarket CLOB. Credentials are <see cref="Secret"/>s so the record
/// can be logged; the API key is an identifier (it is sent on every request) and stays plain text.
/// </summary>
public sealed record PolymarketOptions
{
    /// <summary>Our id for the venue, e.g. <c>polymarket</c>.</summary>
    public required VenueId Venue { get; init; }

    /// <summary>The CLOB REST root; default <c>https://clob.polymarket.com/</c>.</summary>
    public Uri ClobBase { get; init; } = new("https://clob.polymarket.com/");

    /// <summary>The data API root, which serves positions; default <c>https://data-api.polymarket.com/</c>.</summary>
    public Uri DataApiBase { get; init; } = new("https://data-api.polymarket.com/");

    /// <summary>The chain the exchange contracts live on (it is part of every order's EIP-712 domain); default 137, Polygon.</summary>
    public long ChainId { get; init; } = 137;

    /// <summary>The hex private key that signs orders (EIP-712) and whose address is sent as POLY_ADDRESS.</summary>
    public required Secret PrivateKey { get; init; }

    /// <summary>The proxy or safe wallet holding the funds (the order's maker); null means the key's own address.</summary>
    public string? FunderAddress { get; init; }

    /// <summary>How the signer relates to the maker; must be <see cref="PolymarketSignatureType.Eoa"/> when there is no funder.</summary>
    public PolymarketSignatureType SignatureType { get; init; } = PolymarketSignatureType.Eoa;

    /// <summary>The L2 API key (POLY_API_KEY, and the <c>owner</c> of every order).</summary>
    public required string ApiKey { get; init; }

    /// <summary>The L2 API secret (URL-safe base64) that keys the request HMAC; never sent.</summary>
    public required Secret ApiSecret { get; init; }

    /// <summary>The L2 passphrase, sent as POLY_PASSPHRASE and nowhere else.</summary>
    public required Secret ApiPassphrase { get; init; }

    /// <summary>Our market id → the Polymarket condition id (0x + 64 hex) of each market traded.</summary>
    public required IReadOnlyDictionary<MarketId, string> Markets { get; init; }

    /// <summary>How often the adapter heartbeats; default 5 s, the docs' cadence for their 10 s window.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The builder code (bytes32 0x-hex) V2 orders carry for builder attribution, replacing V1's POLY_BUILDER_*
    /// headers (docs.polymarket.com "Migrating to CLOB V2"); null (default) sends 32 zero bytes, as clients without
    /// one do. It is signed, so it is part of every order id: change it only with no order in flight.
    /// </summary>
    public string? BuilderCode { get; init; }

    /// <summary>The clock of L2 timestamps and heartbeats.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Checks every option; the message names the option and its value (never a secret).</summary>
    /// <exception cref="ArgumentException">An option is missing or inconsistent.</exception>
    public void Validate()
    {
        if (Venue.Value is null)
            throw new ArgumentException("PolymarketOptions.Venue must be set", nameof(Venue));
        RequireHttp(ClobBase, nameof(ClobBase));
        RequireHttp(DataApiBase, nameof(DataApiBase));
        if (ChainId <= 0)
            throw new ArgumentException($"PolymarketOptions.ChainId must be positive, got {ChainId}", nameof(ChainId));
        ArgumentNullException.ThrowIfNull(PrivateKey, nameof(PrivateKey));
        ArgumentNullException.ThrowIfNull(ApiSecret, nameof(ApiSecret));
        ArgumentNullException.ThrowIfNull(ApiPassphrase, nameof(ApiPassphrase));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        if (string.IsNullOrWhiteSpace(ApiKey))
            throw new ArgumentException("PolymarketOptions.ApiKey must be set", nameof(ApiKey));
        if (FunderAddress is not null && !EthereumAddress.IsValid(FunderAddress))
            throw new ArgumentException($"PolymarketOptions.FunderAddress '{FunderAddress}' is not an Ethereum address (0x + 40 hex digits)", nameof(FunderAddress));
        if (FunderAddress is null && SignatureType != PolymarketSignatureType.Eoa)
            throw new ArgumentException($"PolymarketOptions.SignatureType {SignatureType} needs a FunderAddress (the proxy or safe wallet)", nameof(FunderAddress));
        if (BuilderCode is not null && (BuilderCode is not { Length: 66 } || !BuilderCode.StartsWith("0x", StringComparison.Ordinal) || !BuilderCode[2..].All(char.IsAsciiHexDigit)))
            throw new ArgumentException($"PolymarketOptions.BuilderCode '{BuilderCode}' is not a builder code (0x + 64 hex digits)", nameof(BuilderCode));
        if (HeartbeatInterval <= TimeSpan.Zero || HeartbeatInterval >= PolymarketDefaults.HeartbeatWindow)
            throw new ArgumentException($"PolymarketOptions.HeartbeatInterval must be within (0, {PolymarketDefaults.HeartbeatWindow.TotalSeconds} s), got {HeartbeatInterval}", nameof(HeartbeatInterval));
        if (Markets is null || Markets.Count == 0)
            throw new ArgumentException("PolymarketOptions.Markets must map at least one market to its condition id", nameof(Markets));
        foreach (var (market, condition) in Markets)
        {
            if (condition is not { Length: 66 } || !condition.StartsWith("0x", StringComparison.Ordinal) || !condition[2..].All(char.IsAsciiHexDigit))
                throw new ArgumentException($"PolymarketOptions.Markets[{market}]: '{condition}' is not a condition id (0x + 64 hex digits)", nameof(Markets));
        }
    }

    private static void RequireHttp(Uri? uri, string name)
    {
        if (uri is null || !uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"PolymarketOptions.{name} must be an absolute http(s) URL, got '{uri}'", name);
    }
}
