namespace ActorExec.Venues.Polymarket.Signing;

/// <summary>
/// How the exchange checks the signature against the maker (uint8 in the order): the key may sign for itself
/// or for a Polymarket proxy or Gnosis Safe wallet that holds the funds.
/// </summary>
public enum PolymarketSignatureType
{
    /// <summary>An externally owned account: maker and signer are the key's address.</summary>
    Eoa = 0,

    /// <summary>The maker is a Polymarket proxy wallet owned by the signer.</summary>
    PolyProxy = 1,

    /// <summary>The maker is a Gnosis Safe owned by the signer.</summary>
    PolyGnosisSafe = 2,
}
