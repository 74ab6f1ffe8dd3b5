using System.Diagnostics.Metrics;

namespace ActorExec.Engine;

/// <summary>The engine's instruments, on the meter <c>ActorExec</c> (System.Diagnostics.Metrics).</summary>
public static class EngineMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "ActorExec";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>From a strategy command's arrival at its market to the result, in milliseconds.</summary>
    public static readonly Histogram<double> ExecutionLatency = Meter.CreateHistogram<double>("exec.latency_ms", "ms", "Strategy command to result");

    /// <summary>Orders acknowledged by a venue.</summary>
    public static readonly Counter<long> OrdersPlaced = Meter.CreateCounter<long>("exec.orders_placed", description: "Orders acknowledged by a venue");

    /// <summary>Orders completely filled.</summary>
    public static readonly Counter<long> OrdersFilled = Meter.CreateCounter<long>("exec.orders_filled", description: "Orders completely filled");

    /// <summary>Orders cancelled.</summary>
    public static readonly Counter<long> OrdersCancelled = Meter.CreateCounter<long>("exec.orders_cancelled", description: "Orders cancelled");

    /// <summary>Orders rejected by a venue.</summary>
    public static readonly Counter<long> OrdersRejected = Meter.CreateCounter<long>("exec.orders_rejected", description: "Orders rejected by a venue");

    /// <summary>Executions refused by pre-trade risk.</summary>
    public static readonly Counter<long> RiskRejections = Meter.CreateCounter<long>("exec.risk_rejections", description: "Executions refused by pre-trade risk");

    /// <summary>Venue calls that had to wait for the rate limiter, or were throttled by the venue.</summary>
    public static readonly Counter<long> RateLimitHits = Meter.CreateCounter<long>("exec.rate_limit_hits", description: "Calls delayed by rate limits");

    /// <summary>Breaker state per breaker (0 closed, 1 open, 2 half-open), recorded on every change.</summary>
    public static readonly Histogram<int> BreakerState = Meter.CreateHistogram<int>("exec.breaker_state", description: "0 closed, 1 open, 2 half-open");

    /// <summary>Reconciliation mismatches found.</summary>
    public static readonly Counter<long> ReconciliationMismatches = Meter.CreateCounter<long>("exec.reconciliation_mismatches", description: "Mismatches between our books and a venue's");

    /// <summary>Auto-close walks finished, by outcome.</summary>
    public static readonly Counter<long> AutoCloses = Meter.CreateCounter<long>("exec.auto_closes", description: "Auto-close walks finished");
}
