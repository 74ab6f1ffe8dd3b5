using ActorExec.Engine.Orders;
using ActorExec.Trading.AutoClose;
using ActorExec.Trading.Execution;
using ActorExec.Trading.Hedging;
using ActorExec.Trading.Reconciliation;
using ActorExec.Trading.Risk;
using ActorExec.Trading.Slippage;

namespace ActorExec.Engine;

/// <summary>Defaults of <see cref="EngineOptions"/> that are not the trading core's.</summary>
public static class EngineDefaults
{
    /// <summary>Time in force of arbitrage legs: take what is there now, never rest.</summary>
    public const TimeInForce ArbitrageLegTimeInForce = TimeInForce.Ioc;

    /// <summary>How long an execution waits for its legs before answering that an outcome is unknown.</summary>
    public static readonly TimeSpan LegTimeout = TimeSpan.FromSeconds(65);

    /// <summary>An idle market without open work is passivated after this long.</summary>
    public static readonly TimeSpan MarketIdleTimeout = TimeSpan.FromMinutes(2);

    /// <summary>A market snapshots its state every this many journaled events.</summary>
    public const int MarketSnapshotEvery = 200;

    /// <summary>How often the positions read model polls the journal (besides being poked on every fill).</summary>
    public static readonly TimeSpan PositionsPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>How often each venue is reconciled.</summary>
    public static readonly TimeSpan ReconciliationInterval = TimeSpan.FromSeconds(60);

    /// <summary>Follow-up orders placed at most to complete a partial fill.</summary>
    public const int MaxCompletionAttempts = 3;

    /// <summary>Wait before each follow-up order that completes a partial fill.</summary>
    public static readonly TimeSpan CompletionInterval = TimeSpan.FromSeconds(1);

    /// <summary>Consecutive failures that open a hedge's execution breaker.</summary>
    public const int HedgeBreakerFailureThreshold = 2;

    /// <summary>How long a hedge's execution breaker stays open.</summary>
    public static readonly TimeSpan HedgeBreakerOpenDuration = TimeSpan.FromSeconds(30);

    /// <summary>A position within this many contracts of zero counts as flat after a hedge exit.</summary>
    public const decimal FlatTolerance = 0.0001m;
}

/// <summary>Everything the execution engine can be tuned with; the trading core's option records are reused as they are.</summary>
public sealed record EngineOptions
{
    /// <summary>Profit and liquidity thresholds of arbitrage.</summary>
    public ArbitrageOptions Arbitrage { get; init; } = new();

    /// <summary>Time in force of arbitrage legs (IOC, FOK or FAK).</summary>
    public TimeInForce ArbitrageLegTimeInForce { get; init; } = EngineDefaults.ArbitrageLegTimeInForce;

    /// <summary>Cooldown after an execution.</summary>
    public InFlightOptions InFlight { get; init; } = new();

    /// <summary>Pre-trade risk limits.</summary>
    public RiskLimits Risk { get; init; } = new();

    /// <summary>Slippage limits of hedge entries.</summary>
    public SlippageLimits Slippage { get; init; } = new();

    /// <summary>Auto-close walk and mismatch blacklist.</summary>
    public AutoCloseOptions AutoClose { get; init; } = new();

    /// <summary>Hedge drift threshold.</summary>
    public HedgeOptions Hedge { get; init; } = new();

    /// <summary>Reconciliation tolerances.</summary>
    public ReconciliationOptions Reconciliation { get; init; } = new();

    /// <summary>How often each venue is reconciled.</summary>
    public TimeSpan ReconciliationInterval { get; init; } = EngineDefaults.ReconciliationInterval;

    /// <summary>Order confirmation: polling, timeouts, resends.</summary>
    public OrderActorOptions Orders { get; init; } = new();

    /// <summary>How long an execution waits for its legs before answering that an outcome is unknown.</summary>
    public TimeSpan LegTimeout { get; init; } = EngineDefaults.LegTimeout;

    /// <summary>An idle market without open work is passivated after this long.</summary>
    public TimeSpan MarketIdleTimeout { get; init; } = EngineDefaults.MarketIdleTimeout;

    /// <summary>A market snapshots its state every this many journaled events.</summary>
    public int MarketSnapshotEvery { get; init; } = EngineDefaults.MarketSnapshotEvery;

    /// <summary>How often the positions read model polls the journal.</summary>
    public TimeSpan PositionsPollInterval { get; init; } = EngineDefaults.PositionsPollInterval;

    /// <summary>Follow-up orders placed at most to complete a partial fill.</summary>
    public int MaxCompletionAttempts { get; init; } = EngineDefaults.MaxCompletionAttempts;

    /// <summary>Wait before each follow-up order that completes a partial fill (liquidity needs time to come back).</summary>
    public TimeSpan CompletionInterval { get; init; } = EngineDefaults.CompletionInterval;

    /// <summary>Consecutive failures that open a hedge's execution breaker.</summary>
    public int HedgeBreakerFailureThreshold { get; init; } = EngineDefaults.HedgeBreakerFailureThreshold;

    /// <summary>How long a hedge's execution breaker stays open.</summary>
    public TimeSpan HedgeBreakerOpenDuration { get; init; } = EngineDefaults.HedgeBreakerOpenDuration;

    /// <summary>When true (the default), a venue takes intents only after its first reconciliation since start-up.</summary>
    public bool ReconcileBeforeTrading { get; init; } = true;

    /// <summary>Throws naming the first option out of range.</summary>
    public EngineOptions Validate()
    {
        Arbitrage.Validate();
        if (!ArbitrageLegTimeInForce.IsImmediate())
            throw new ArgumentOutOfRangeException(nameof(ArbitrageLegTimeInForce), ArbitrageLegTimeInForce, "EngineOptions.ArbitrageLegTimeInForce must be IOC, FOK or FAK: arbitrage legs never rest");
        InFlight.Validate();
        Risk.Validate();
        Slippage.Validate();
        AutoClose.Validate();
        Hedge.Validate();
        Reconciliation.Validate();
        Orders.Validate();
        Positive(ReconciliationInterval, nameof(ReconciliationInterval));
        Positive(LegTimeout, nameof(LegTimeout));
        Positive(MarketIdleTimeout, nameof(MarketIdleTimeout));
        Positive(PositionsPollInterval, nameof(PositionsPollInterval));
        Positive(HedgeBreakerOpenDuration, nameof(HedgeBreakerOpenDuration));
        Positive(CompletionInterval, nameof(CompletionInterval));
        if (MarketSnapshotEvery < 1)
            throw new ArgumentOutOfRangeException(nameof(MarketSnapshotEvery), MarketSnapshotEvery, "EngineOptions.MarketSnapshotEvery must be at least 1");
        if (MaxCompletionAttempts < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxCompletionAttempts), MaxCompletionAttempts, "EngineOptions.MaxCompletionAttempts must not be negative");
        if (HedgeBreakerFailureThreshold < 1)
            throw new ArgumentOutOfRangeException(nameof(HedgeBreakerFailureThreshold), HedgeBreakerFailureThreshold, "EngineOptions.HedgeBreakerFailureThreshold must be at least 1");
        return this;
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(name, value, $"EngineOptions.{name} must be positive, got {value}");
    }
}
