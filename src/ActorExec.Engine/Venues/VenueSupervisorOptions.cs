namespace ActorExec.Engine.Venues;

/// <summary>Defaults of <see cref="VenueSupervisorOptions"/>.</summary>
public static class VenueSupervisorDefaults
{
    /// <summary>Writes (place, cancel, modify) per second.</summary>
    public const double WritesPerSecond = 10;

    /// <summary>Writes allowed in a burst.</summary>
    public const int WriteBurst = 20;

    /// <summary>Reads per second.</summary>
    public const double ReadsPerSecond = 20;

    /// <summary>Reads allowed in a burst.</summary>
    public const int ReadBurst = 40;

    /// <summary>Retries of a retryable failure before it is reported.</summary>
    public const int MaxRetries = 3;

    /// <summary>First retry delay; doubles per retry.</summary>
    public static readonly TimeSpan RetryBaseDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest retry delay.</summary>
    public static readonly TimeSpan RetryMaxDelay = TimeSpan.FromSeconds(2);

    /// <summary>Random extra fraction added to each retry delay.</summary>
    public const double RetryJitter = 0.2;

    /// <summary>Consecutive venue faults that open the breaker.</summary>
    public const int BreakerFailureThreshold = 5;

    /// <summary>How long the breaker stays open before a trial call.</summary>
    public static readonly TimeSpan BreakerOpenDuration = TimeSpan.FromSeconds(30);

    /// <summary>A call without an answer after this long is reported as a timeout.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    /// <summary>First restart delay of a crashed adapter actor.</summary>
    public static readonly TimeSpan AdapterRestartMinBackoff = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest restart delay of a crashed adapter actor.</summary>
    public static readonly TimeSpan AdapterRestartMaxBackoff = TimeSpan.FromSeconds(10);

    /// <summary>How often the token buckets are refilled.</summary>
    public static readonly TimeSpan ReplenishmentPeriod = TimeSpan.FromMilliseconds(100);
}

/// <summary>How a venue supervisor protects its venue: rate limits, retries, circuit breaker, adapter restarts.</summary>
public sealed record VenueSupervisorOptions
{
    /// <summary>Polymarket-like defaults: 10 requests/s with bursts of 20, for reads and writes alike.</summary>
    public static VenueSupervisorOptions PolymarketLike { get; } = new() { WritesPerSecond = 10, WriteBurst = 20, ReadsPerSecond = 10, ReadBurst = 20 };

    /// <summary>Kalshi-like (Basic tier) defaults: 10 writes/s, 20 reads/s.</summary>
    public static VenueSupervisorOptions KalshiLike { get; } = new() { WritesPerSecond = 10, WriteBurst = 10, ReadsPerSecond = 20, ReadBurst = 20 };

    /// <summary>Writes (place, cancel, modify) per second.</summary>
    public double WritesPerSecond { get; init; } = VenueSupervisorDefaults.WritesPerSecond;

    /// <summary>Writes allowed in a burst (the write bucket's size).</summary>
    public int WriteBurst { get; init; } = VenueSupervisorDefaults.WriteBurst;

    /// <summary>Reads per second.</summary>
    public double ReadsPerSecond { get; init; } = VenueSupervisorDefaults.ReadsPerSecond;

    /// <summary>Reads allowed in a burst (the read bucket's size).</summary>
    public int ReadBurst { get; init; } = VenueSupervisorDefaults.ReadBurst;

    /// <summary>Retries of a retryable failure before it is reported (writes that may have taken effect are never retried blindly).</summary>
    public int MaxRetries { get; init; } = VenueSupervisorDefaults.MaxRetries;

    /// <summary>First retry delay; doubles per retry up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = VenueSupervisorDefaults.RetryBaseDelay;

    /// <summary>Longest retry delay.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = VenueSupervisorDefaults.RetryMaxDelay;

    /// <summary>Random extra fraction (0..1) added to each retry delay.</summary>
    public double RetryJitter { get; init; } = VenueSupervisorDefaults.RetryJitter;

    /// <summary>Consecutive venue faults (network, timeout, 5xx, auth) that open the breaker.</summary>
    public int BreakerFailureThreshold { get; init; } = VenueSupervisorDefaults.BreakerFailureThreshold;

    /// <summary>How long the breaker stays open before one trial call.</summary>
    public TimeSpan BreakerOpenDuration { get; init; } = VenueSupervisorDefaults.BreakerOpenDuration;

    /// <summary>A call without an answer after this long is reported as a timeout (its outcome unknown).</summary>
    public TimeSpan CallTimeout { get; init; } = VenueSupervisorDefaults.CallTimeout;

    /// <summary>First restart delay of a crashed adapter actor.</summary>
    public TimeSpan AdapterRestartMinBackoff { get; init; } = VenueSupervisorDefaults.AdapterRestartMinBackoff;

    /// <summary>Longest restart delay of a crashed adapter actor.</summary>
    public TimeSpan AdapterRestartMaxBackoff { get; init; } = VenueSupervisorDefaults.AdapterRestartMaxBackoff;

    /// <summary>How often the token buckets are refilled.</summary>
    public TimeSpan ReplenishmentPeriod { get; init; } = VenueSupervisorDefaults.ReplenishmentPeriod;

    /// <summary>Seed of the retry jitter.</summary>
    public int Seed { get; init; } = 17;

    /// <summary>Throws naming the first option out of range.</summary>
    public VenueSupervisorOptions Validate()
    {
        Positive(WritesPerSecond, nameof(WritesPerSecond));
        Positive(ReadsPerSecond, nameof(ReadsPerSecond));
        Positive(WriteBurst, nameof(WriteBurst));
        Positive(ReadBurst, nameof(ReadBurst));
        if (MaxRetries < 0)
            throw Invalid(nameof(MaxRetries), MaxRetries, "must not be negative");
        Positive(RetryBaseDelay, nameof(RetryBaseDelay));
        if (RetryMaxDelay < RetryBaseDelay)
            throw Invalid(nameof(RetryMaxDelay), RetryMaxDelay, $"must be at least {nameof(RetryBaseDelay)} ({RetryBaseDelay})");
        if (RetryJitter is < 0 or > 1)
            throw Invalid(nameof(RetryJitter), RetryJitter, "must be within [0, 1]");
        Positive(BreakerFailureThreshold, nameof(BreakerFailureThreshold));
        Positive(BreakerOpenDuration, nameof(BreakerOpenDuration));
        Positive(CallTimeout, nameof(CallTimeout));
        Positive(AdapterRestartMinBackoff, nameof(AdapterRestartMinBackoff));
        if (AdapterRestartMaxBackoff < AdapterRestartMinBackoff)
            throw Invalid(nameof(AdapterRestartMaxBackoff), AdapterRestartMaxBackoff, $"must be at least {nameof(AdapterRestartMinBackoff)}");
        Positive(ReplenishmentPeriod, nameof(ReplenishmentPeriod));
        var perPeriod = WritesPerSecond * ReplenishmentPeriod.TotalSeconds;
        if (Math.Abs(perPeriod - Math.Round(perPeriod)) > 1e-9 || perPeriod < 1)
            throw Invalid(nameof(WritesPerSecond), WritesPerSecond, $"must refill a whole number of tokens per {nameof(ReplenishmentPeriod)} ({ReplenishmentPeriod}), got {perPeriod}");
        perPeriod = ReadsPerSecond * ReplenishmentPeriod.TotalSeconds;
        if (Math.Abs(perPeriod - Math.Round(perPeriod)) > 1e-9 || perPeriod < 1)
            throw Invalid(nameof(ReadsPerSecond), ReadsPerSecond, $"must refill a whole number of tokens per {nameof(ReplenishmentPeriod)} ({ReplenishmentPeriod}), got {perPeriod}");
        return this;
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0))
            throw Invalid(name, value, "must be positive");
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
            throw Invalid(name, value, "must be positive");
    }

    private static ArgumentOutOfRangeException Invalid(string name, object value, string rule)
        => new(name, value, $"{nameof(VenueSupervisorOptions)}.{name} {rule}, got {value}");
}
