namespace ActorExec.Examples.Hedging;

/// <summary>Enter the hedge (short the perp, buy the spot) and keep it neutral until <see cref="StopHedging"/>.</summary>
public sealed record StartHedging
{
    /// <summary>The one instance.</summary>
    public static readonly StartHedging Instance = new();
}

/// <summary>Unwind the hedge and stay flat; an entry or drift check in progress finishes first.</summary>
public sealed record StopHedging
{
    /// <summary>The one instance.</summary>
    public static readonly StopHedging Instance = new();
}

/// <summary>Ask the engine to measure the hedge's drift and correct it; the hedger's timer sends it while hedged.</summary>
public sealed record CheckDrift
{
    /// <summary>The one instance.</summary>
    public static readonly CheckDrift Instance = new();
}

/// <summary>Asks the hedger where it stands; it answers <see cref="HedgerStatus"/>.</summary>
public sealed record GetHedgerStatus
{
    /// <summary>The one instance.</summary>
    public static readonly GetHedgerStatus Instance = new();
}

/// <summary>Where a hedger is in its life.</summary>
public enum HedgePhase
{
    /// <summary>Not started, or stopped before anything was entered: nothing held.</summary>
    Idle,

    /// <summary>An entry was sent (or is waiting to be retried) and has not succeeded yet.</summary>
    Entering,

    /// <summary>The engine holds a hedge under the pair's key; drift is checked periodically.</summary>
    Hedged,

    /// <summary>An exit was sent (or is waiting to be retried) and the venues have not confirmed flat yet.</summary>
    Exiting,

    /// <summary>The exit succeeded: both venues reported flat.</summary>
    Exited,
}

/// <summary>What a hedger has done since it started.</summary>
/// <param name="Pair">The hedge it manages.</param>
/// <param name="Phase">Where it stands.</param>
/// <param name="Entries">Entries that filled both legs.</param>
/// <param name="Exits">Exits confirmed flat at both venues.</param>
/// <param name="DriftChecks">Drift measurements the engine completed (with or without a correcting order).</param>
/// <param name="Corrections">Drift checks that traded the perp back to neutral.</param>
/// <param name="Refusals">Commands the engine declined before placing anything (cooldown, breaker, slippage, …).</param>
/// <param name="Failures">Commands that placed orders and did not end as asked.</param>
/// <param name="LastError">The most recent refusal or failure, if any.</param>
public sealed record HedgerStatus(
    HedgePair Pair,
    HedgePhase Phase,
    int Entries,
    int Exits,
    int DriftChecks,
    int Corrections,
    int Refusals,
    int Failures,
    ExecutionError? LastError);

/// <summary>Time to send again the entry or exit the engine last refused or failed.</summary>
internal sealed record RetryHedge
{
    public static readonly RetryHedge Instance = new();
}
