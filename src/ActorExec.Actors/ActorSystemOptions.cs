using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorExec.Actors;

/// <summary>Defaults of <see cref="ActorSystemOptions"/>, in one place.</summary>
public static class ActorSystemDefaults
{
    /// <summary>
    /// User messages per mailbox turn. Chosen with the kernel benchmark: throughput stops improving
    /// past this while fairness between busy actors keeps degrading.
    /// </summary>
    public const int Throughput = 100;

    /// <summary>Dead letters logged per window before the rest are only counted.</summary>
    public const int DeadLetterLogLimit = 10;

    /// <summary>The window of <see cref="DeadLetterLogLimit"/>.</summary>
    public static readonly TimeSpan DeadLetterLogWindow = TimeSpan.FromMinutes(1);
}

/// <summary>How an <see cref="ActorSystem"/> runs; validated by <see cref="ActorSystem.Create"/>.</summary>
public sealed record ActorSystemOptions
{
    /// <summary>The clock for timers, receive timeouts, Ask timeouts and backoff; a manual clock in tests.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where the kernel logs (failures, dead letters).</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>User messages an actor processes per turn before yielding its thread.</summary>
    public int Throughput { get; init; } = ActorSystemDefaults.Throughput;

    /// <summary>Dead letters logged per <see cref="DeadLetterLogWindow"/>; 0 turns dead-letter logging off.</summary>
    public int DeadLetterLogLimit { get; init; } = ActorSystemDefaults.DeadLetterLogLimit;

    /// <summary>The window of <see cref="DeadLetterLogLimit"/>.</summary>
    public TimeSpan DeadLetterLogWindow { get; init; } = ActorSystemDefaults.DeadLetterLogWindow;

    /// <summary>The journal and snapshot store persistent actors use; null when the system has none.</summary>
    public Persistence.PersistenceOptions? Persistence { get; init; }

    /// <summary>How the <c>/user</c> guardian supervises top-level actors.</summary>
    public SupervisorStrategy GuardianSupervisorStrategy { get; init; } = SupervisorStrategy.Default;

    internal void Validate()
    {
        if (TimeProvider is null)
            throw new ArgumentException("ActorSystemOptions.TimeProvider must not be null", nameof(TimeProvider));
        if (LoggerFactory is null)
            throw new ArgumentException("ActorSystemOptions.LoggerFactory must not be null", nameof(LoggerFactory));
        if (Throughput <= 0)
            throw new ArgumentOutOfRangeException(nameof(Throughput), Throughput, "ActorSystemOptions.Throughput must be at least 1");
        if (DeadLetterLogLimit < 0)
            throw new ArgumentOutOfRangeException(nameof(DeadLetterLogLimit), DeadLetterLogLimit, "ActorSystemOptions.DeadLetterLogLimit must not be negative");
        if (DeadLetterLogWindow <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(DeadLetterLogWindow), DeadLetterLogWindow, "ActorSystemOptions.DeadLetterLogWindow must be positive");
        if (GuardianSupervisorStrategy is null)
            throw new ArgumentException("ActorSystemOptions.GuardianSupervisorStrategy must not be null", nameof(GuardianSupervisorStrategy));
    }
}
