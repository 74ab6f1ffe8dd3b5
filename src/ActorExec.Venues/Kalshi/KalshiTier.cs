namespace ActorExec.Venues.Kalshi;

/// <summary>Kalshi's API access tiers, which set the account's request budget.</summary>
public enum KalshiTier
{
    /// <summary>Every account after signup.</summary>
    Basic,
    /// <summary>After the advanced API application.</summary>
    Advanced,
    /// <summary>Volume-qualified (3.75% of monthly exchange volume) plus technical review.</summary>
    Premier,
    /// <summary>Volume-qualified (7.5% of monthly exchange volume) plus technical review.</summary>
    Prime,
}

/// <summary>A tier's per-second request budget, split as Kalshi bills it: reads and writes separately.</summary>
/// <param name="ReadsPerSecond">GET requests (and anything not a write) per second.</param>
/// <param name="WritesPerSecond">Order placements, amends and cancels per second.</param>
public readonly record struct KalshiRateLimit(int ReadsPerSecond, int WritesPerSecond);

/// <summary>Rate limits of the tiers, so a node can size its per-venue limiter before Kalshi answers 429.</summary>
public static class KalshiTiers
{
    /// <summary>
    /// The tier's budget per docs.kalshi.com/getting_started/rate_limits ("Access tiers": Basic 20 read /
    /// 10 write, Advanced 30/30, Premier 100/100, Prime 400/400 per second). The page's newer revision
    /// bills the same budgets as tokens (most requests cost 10 tokens of 200/100, 300/300, 1,000/1,000,
    /// 4,000/4,000), i.e. the same requests per second for default-cost calls.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined tier.</exception>
    public static KalshiRateLimit Limits(this KalshiTier tier) => tier switch
    {
        KalshiTier.Basic => new KalshiRateLimit(20, 10),
        KalshiTier.Advanced => new KalshiRateLimit(30, 30),
        KalshiTier.Premier => new KalshiRateLimit(100, 100),
        KalshiTier.Prime => new KalshiRateLimit(400, 400),
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, $"unknown Kalshi tier {tier}"),
    };
}
