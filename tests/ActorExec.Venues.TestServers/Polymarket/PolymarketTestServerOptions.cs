using ActorExec.Venues.Credentials;
using ActorExec.Venues.Paper;
using ActorExec.Venues.Polymarket.Signing;

namespace ActorExec.Venues.TestServers.Polymarket;

/// <summary>One market the test server lists: a condition id, its two token ids and its rules.</summary>
/// <param name="ConditionId">0x + 64 hex digits; also the backing paper market's id.</param>
/// <param name="YesToken">The YES token id (decimal text).</param>
/// <param name="NoToken">The NO token id (decimal text).</param>
/// <param name="Anchor">The paper liquidity provider's fair value (YES terms).</param>
/// <param name="TickSize">The minimum tick size.</param>
/// <param name="MinimumOrderSize">The minimum order size in shares.</param>
/// <param name="NegRisk">True when orders must be signed for the Neg Risk CTF Exchange V2.</param>
/// <param name="Question">The market's title.</param>
public sealed record PolymarketServerMarket(string ConditionId, string YesToken, string NoToken, decimal Anchor = 0.5m, decimal TickSize = 0.01m,
    decimal MinimumOrderSize = 5m, bool NegRisk = false, string Question = "Will it happen?");

/// <summary>What the test server accepts: one account (API credentials and addresses) and its markets.</summary>
public sealed record PolymarketTestServerOptions
{
    /// <summary>The markets listed.</summary>
    public required IReadOnlyList<PolymarketServerMarket> Markets { get; init; }

    /// <summary>The only API key accepted.</summary>
    public required string ApiKey { get; init; }

    /// <summary>The API key's secret (URL-safe base64), which keys the L2 HMAC.</summary>
    public required Secret ApiSecret { get; init; }

    /// <summary>The API key's passphrase.</summary>
    public required Secret ApiPassphrase { get; init; }

    /// <summary>The address the API key belongs to (POLY_ADDRESS, and the orders' signer).</summary>
    public required string SignerAddress { get; init; }

    /// <summary>The funder (proxy or safe) that must be the maker when the signature type is not EOA.</summary>
    public string? FunderAddress { get; init; }

    /// <summary>The signature type orders must carry.</summary>
    public PolymarketSignatureType SignatureType { get; init; } = PolymarketSignatureType.Eoa;

    /// <summary>The chain of the exchange domains.</summary>
    public long ChainId { get; init; } = 137;

    /// <summary>The clock of timestamps, heartbeats and settlement.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The on-chain settlement timeline of the backing paper venue.</summary>
    public PaperSettlementOptions Settlement { get; init; } = new() { MineDelay = TimeSpan.FromSeconds(2), ConfirmDelay = TimeSpan.FromSeconds(3) };

    /// <summary>True to run the paper venue's liquidity provider; false (default) so tests place liquidity themselves.</summary>
    public bool Liquidity { get; init; }

    /// <summary>The paper venue's seed.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Items per page of <c>/data/orders</c> and <c>/data/trades</c>; small so tests cross pages.</summary>
    public int PageSize { get; init; } = 2;
}
