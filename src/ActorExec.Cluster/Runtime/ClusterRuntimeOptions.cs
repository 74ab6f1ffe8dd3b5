namespace ActorExec.Cluster.Runtime;

/// <summary>How a running node paces its cluster work (the coordinator settings are in <see cref="ClusterOptions"/>).</summary>
public sealed record ClusterRuntimeOptions
{
    /// <summary>How often a node plans shard allocation (also at once when a member dies or joins).</summary>
    public TimeSpan AllocationInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often inbox consumers poll when no NOTIFY woke them.</summary>
    public TimeSpan InboxPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a delivered inbox message may stay unhandled before it is delivered again.</summary>
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Pause before delivering again a message whose write failed.</summary>
    public TimeSpan RedeliveryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a handoff waits for a shard's actors to stop before it gives the shard up anyway.</summary>
    public TimeSpan HandOffTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks every value; the message names the option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is not positive.</exception>
    public ClusterRuntimeOptions Validate()
    {
        Positive(AllocationInterval, nameof(AllocationInterval));
        Positive(InboxPollInterval, nameof(InboxPollInterval));
        Positive(SettleTimeout, nameof(SettleTimeout));
        Positive(RedeliveryDelay, nameof(RedeliveryDelay));
        Positive(HandOffTimeout, nameof(HandOffTimeout));
        return this;
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(name, value, $"ClusterRuntimeOptions.{name} is {value}; it must be positive");
    }
}
