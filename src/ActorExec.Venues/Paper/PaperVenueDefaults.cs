namespace ActorExec.Venues.Paper;

/// <summary>The defaults of the paper venue's options, in one place so documentation and code agree.</summary>
public static class PaperVenueDefaults
{
    /// <summary>Price levels the liquidity provider quotes on each side of a book: 5.</summary>
    public const int Levels = 5;

    /// <summary>Distance between the liquidity provider's best bid and best ask, in ticks: 2.</summary>
    public const int SpreadTicks = 2;

    /// <summary>Smallest size of a liquidity provider level, in contracts: 10.</summary>
    public const decimal MinLevelSize = 10m;

    /// <summary>Largest size of a liquidity provider level, in contracts: 100.</summary>
    public const decimal MaxLevelSize = 100m;

    /// <summary>How often the liquidity provider moves its fair value and requotes: every 250 ms.</summary>
    public static readonly TimeSpan RequoteInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Standard deviation of one fair-value step: 0.004 (absolute on binary markets, relative on linear ones).</summary>
    public const double Volatility = 0.004;

    /// <summary>Fraction of the distance to the anchor the fair value recovers per requote: 0.05.</summary>
    public const double MeanReversion = 0.05;

    /// <summary>Lowest fair value of a binary market: 0.03.</summary>
    public const decimal BinaryFairValueFloor = 0.03m;

    /// <summary>Highest fair value of a binary market: 0.97.</summary>
    public const decimal BinaryFairValueCeiling = 0.97m;

    /// <summary>Most fair-value steps applied when a market is touched after a long pause: 1,000.</summary>
    public const int MaxWalkStepsPerTouch = 1_000;

    /// <summary>Delay from a full match to the settlement transaction being mined, on chain venues: 2 s.</summary>
    public static readonly TimeSpan MineDelay = TimeSpan.FromSeconds(2);

    /// <summary>Delay from mining to confirmation, on chain venues: 3 s.</summary>
    public static readonly TimeSpan ConfirmDelay = TimeSpan.FromSeconds(3);

    /// <summary>Probability that a matched order's settlement reverts: 0.</summary>
    public const double SettlementFailureRate = 0;

    /// <summary>How long a call that times out makes its caller wait: 5 s (of the venue's clock).</summary>
    public static readonly TimeSpan TimeoutAfter = TimeSpan.FromSeconds(5);

    /// <summary>Largest page of fills one <c>GetFillsAsync</c> call returns: 1,000.</summary>
    public const int MaxFillPageSize = 1_000;
}
