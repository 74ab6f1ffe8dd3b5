namespace ActorExec.Actors;

/// <summary>When a <see cref="BackoffSupervisor"/> recreates its child.</summary>
public enum BackoffMode
{
    /// <summary>Recreate the child after it throws (it is stopped, then recreated after the backoff).</summary>
    OnFailure,

    /// <summary>Recreate the child whenever it stops, for whatever reason.</summary>
    OnStop,
}

/// <summary>Configuration of a <see cref="BackoffSupervisor"/>; validated when its props are built.</summary>
/// <param name="ChildProps">How to create the supervised child.</param>
/// <param name="ChildName">The child's name (kept across recreations).</param>
/// <param name="MinBackoff">Delay before the first recreation.</param>
/// <param name="MaxBackoff">Upper bound of the delay.</param>
/// <param name="RandomFactor">Jitter: each delay is stretched by up to this fraction (0 for none).</param>
public sealed record BackoffOptions(Props ChildProps, string ChildName, TimeSpan MinBackoff, TimeSpan MaxBackoff, double RandomFactor)
{
    /// <summary>Recreate on failure (default) or on any stop.</summary>
    public BackoffMode Mode { get; init; } = BackoffMode.OnFailure;

    /// <summary>After the child has run this long without stopping, the backoff starts again from the minimum; null: never reset.</summary>
    public TimeSpan? ResetBackoffAfter { get; init; }

    /// <summary>Recreations allowed before the supervisor gives up and stops; null for unlimited.</summary>
    public int? MaxNrOfRetries { get; init; }

    /// <summary>Source of jitter; seed it for reproducible delays.</summary>
    public Random Random { get; init; } = Random.Shared;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(ChildProps);
        ArgumentException.ThrowIfNullOrEmpty(ChildName);
        if (MinBackoff <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(MinBackoff), MinBackoff, "BackoffOptions.MinBackoff must be positive");
        if (MaxBackoff < MinBackoff)
            throw new ArgumentOutOfRangeException(nameof(MaxBackoff), MaxBackoff, "BackoffOptions.MaxBackoff must not be below MinBackoff");
        if (RandomFactor is < 0 or > 1 || double.IsNaN(RandomFactor))
            throw new ArgumentOutOfRangeException(nameof(RandomFactor), RandomFactor, "BackoffOptions.RandomFactor must be between 0 and 1");
        if (ResetBackoffAfter <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(ResetBackoffAfter), ResetBackoffAfter, "BackoffOptions.ResetBackoffAfter must be positive");
        if (MaxNrOfRetries < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxNrOfRetries), MaxNrOfRetries, "BackoffOptions.MaxNrOfRetries must not be negative");
    }

    /// <summary>The delay before recreation number <paramref name="restartCount"/> (0-based), before jitter.</summary>
    public TimeSpan BaseDelay(int restartCount)
    {
        var factor = Math.Pow(2, Math.Min(restartCount, 30));
        var ticks = Math.Min(MaxBackoff.Ticks, MinBackoff.Ticks * factor);
        return TimeSpan.FromTicks((long)ticks);
    }
}
