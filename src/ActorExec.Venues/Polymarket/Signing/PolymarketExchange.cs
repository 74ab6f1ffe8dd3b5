using System.Numerics;

namespace ActorExec.Venues.Polymarket.Signing;

/// <summary>
/// The EIP-712 domains of Polymarket's CTF Exchange contracts for the <see cref="PolymarketOrder"/> shape (domain
/// version "1"): an order is signed for exactly one exchange, the plain one for binary markets or the neg-risk one
/// for multi-outcome markets, and the wrong one yields a signature the CLOB rejects.
/// </summary>
public static class PolymarketExchange
{
    /// <summary>The domain name both exchanges were deployed with.</summary>
    public const string DomainName = "Polymarket CTF Exchange";

    /// <summary>The domain version of the exchange that verifies <see cref="PolymarketOrder"/>.</summary>
    public const string DomainVersion = "1";

    /// <summary>Polygon PoS mainnet.</summary>
    public const long Polygon = 137;

    /// <summary>Polygon's Amoy testnet.</summary>
    public const long Amoy = 80002;

    // Addresses from Polymarket/go-order-utils pkg/config/config.go and py-clob-client config.py (same values in
    // both; the mainnet ones also on docs.polymarket.com "Contract addresses"). The go-order-utils order-hash tests
    // for chain 80002 pass only with these, which the tests here check.
    private static readonly Dictionary<long, (string Ctf, string NegRisk)> Contracts = new()
    {
        [Polygon] = ("0x4bFb41d5B3570DeFd03C39a9A4D8dE6Bd8B8982E", "0xC5d563A36AE78145C45a50134d48A1215220f80a"),
        [Amoy] = ("0xdFE02Eb6733538f8Ea35D585af8DE5958AD99E40", "0xC5d563A36AE78145C45a50134d48A1215220f80a"),
    };

    /// <summary>The CTF Exchange domain (binary markets) on <paramref name="chainId"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Polymarket has no exchange on that chain.</exception>
    public static Eip712Domain CtfExchange(long chainId) => Domain(chainId, Lookup(chainId).Ctf);

    /// <summary>The Neg Risk CTF Exchange domain (multi-outcome markets) on <paramref name="chainId"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Polymarket has no exchange on that chain.</exception>
    public static Eip712Domain NegRiskCtfExchange(long chainId) => Domain(chainId, Lookup(chainId).NegRisk);

    private static Eip712Domain Domain(long chainId, string contract) => new(DomainName, DomainVersion, new BigInteger(chainId), contract);

    private static (string Ctf, string NegRisk) Lookup(long chainId)
        => Contracts.TryGetValue(chainId, out var contracts)
            ? contracts
            : throw new ArgumentOutOfRangeException(nameof(chainId), chainId, $"Polymarket has no CTF Exchange on chain {chainId}; known chains are {Polygon} (Polygon) and {Amoy} (Amoy)");
}
