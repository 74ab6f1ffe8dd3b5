using ActorExec.Trading.Orders;

namespace ActorExec.Engine.Orders;

/// <summary>Defaults of <see cref="OrderActorOptions"/>.</summary>
public static class OrderActorDefaults
{
    /// <summary>First interval between polls of an order's status.</summary>
    public static readonly TimeSpan PollInitialInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest interval between polls (the interval doubles up to it).</summary>
    public static readonly TimeSpan PollMaxInterval = TimeSpan.FromSeconds(5);

    /// <summary>How long an order is polled before the outcome is reported as unknown, or a resting order left to reconciliation.</summary>
    public static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Times an order is handed to a venue that keeps saying it never saw it.</summary>
    public const int MaxSendAttempts = 3;

    /// <summary>Delay before an order actor that stopped unexpectedly is started again (doubles per consecutive stop).</summary>
    public static readonly TimeSpan RestartBackoff = TimeSpan.FromSeconds(1);
}

/// <summary>How order actors confirm orders with their venue.</summary>
public sealed record OrderActorOptions
{
    /// <summary>First interval between polls of an order's status.</summary>
    public TimeSpan PollInitialInterval { get; init; } = OrderActorDefaults.PollInitialInterval;

    /// <summary>Longest interval between polls.</summary>
    public TimeSpan PollMaxInterval { get; init; } = OrderActorDefaults.PollMaxInterval;

    /// <summary>How long an order is polled (from its placement, or from when its outcome became unknown) before that is reported.</summary>
    public TimeSpan ConfirmTimeout { get; init; } = OrderActorDefaults.ConfirmTimeout;

    /// <summary>Times an order is handed to a venue that keeps answering that it never saw it.</summary>
    public int MaxSendAttempts { get; init; } = OrderActorDefaults.MaxSendAttempts;

    /// <summary>Delay before an order actor that stopped unexpectedly (e.g. a journal failure) is started again; doubles per consecutive stop.</summary>
    public TimeSpan RestartBackoff { get; init; } = OrderActorDefaults.RestartBackoff;

    /// <summary>The lifecycle's tunable rules (lost after N "not found").</summary>
    public OrderRules Rules { get; init; } = OrderRules.Default;

    /// <summary>Throws naming the first option out of range.</summary>
    public OrderActorOptions Validate()
    {
        if (PollInitialInterval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(PollInitialInterval), PollInitialInterval, "OrderActorOptions.PollInitialInterval must be positive");
        if (PollMaxInterval < PollInitialInterval)
            throw new ArgumentOutOfRangeException(nameof(PollMaxInterval), PollMaxInterval, "OrderActorOptions.PollMaxInterval must be at least PollInitialInterval");
        if (ConfirmTimeout < PollInitialInterval)
            throw new ArgumentOutOfRangeException(nameof(ConfirmTimeout), ConfirmTimeout, "OrderActorOptions.ConfirmTimeout must be at least PollInitialInterval");
        if (MaxSendAttempts < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxSendAttempts), MaxSendAttempts, "OrderActorOptions.MaxSendAttempts must be at least 1");
        if (RestartBackoff <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(RestartBackoff), RestartBackoff, "OrderActorOptions.RestartBackoff must be positive");
        Rules.Validate();
        return this;
    }
}
