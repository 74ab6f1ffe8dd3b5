namespace ActorExec.Venues.Polymarket.Signing;

/// <summary>The order side as the CTF Exchange encodes it (uint8), so the enum value is the signed value.</summary>
public enum PolymarketOrderSide
{
    /// <summary>Buys outcome tokens, paying collateral (makerAmount is collateral).</summary>
    Buy = 0,

    /// <summary>Sells outcome tokens for collateral (makerAmount is tokens).</summary>
    Sell = 1,
}
