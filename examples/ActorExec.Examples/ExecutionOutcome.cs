namespace ActorExec.Examples;

/// <summary>How a strategy should read an <see cref="ExecutionResult"/>: what it means for its exposure, not what went wrong.</summary>
public enum ExecutionOutcome
{
    /// <summary>Carried out as asked.</summary>
    Succeeded,

    /// <summary>The engine declined before anything reached a venue (busy, cooling down, no edge, risk, breaker): no exposure, try later.</summary>
    Refused,

    /// <summary>Orders were sent and did not end as asked: exposure may exist, and the error says what the engine is doing about it.</summary>
    Failed,
}

/// <summary>Sorts execution results into the three cases a strategy acts on differently.</summary>
/// <remarks>
/// <see cref="ExecutionResult"/> has no flag for "nothing was placed", so this reads it from the
/// error code and the legs: the codes the engine only uses once an execution has started are
/// failures, and so is any result that carries legs; every other unsuccessful result is a refusal.
/// </remarks>
public static class ExecutionOutcomes
{
    private static readonly HashSet<string> AfterPlacementCodes =
    [
        ReasonCodes.Of(ExecutionErrorCode.LegOutcomeUnknown),
        ReasonCodes.Of(ExecutionErrorCode.FillMismatch),
        ReasonCodes.Of(ExecutionErrorCode.NoFill),
        ReasonCodes.Of(ExecutionErrorCode.LegFailed),
        ReasonCodes.Of(ExecutionErrorCode.NotFlat),
    ];

    private static readonly HashSet<string> BusyCodes =
    [
        ReasonCodes.Of(ExecutionErrorCode.AlreadyInFlight),
        ReasonCodes.Of(ExecutionErrorCode.CoolingDown),
    ];

    /// <summary>Whether <paramref name="result"/> succeeded, was refused without touching a venue, or failed after placing orders.</summary>
    public static ExecutionOutcome Classify(ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Success)
            return ExecutionOutcome.Succeeded;
        if (result.Legs.Count > 0 || (result.Error is { } error && AfterPlacementCodes.Contains(error.Code)))
            return ExecutionOutcome.Failed;
        return ExecutionOutcome.Refused;
    }

    /// <summary>
    /// True when the market was only busy (an execution in flight, or the cooldown after one): the
    /// same intent is worth sending again later, unlike a refusal for want of edge or for risk.
    /// </summary>
    public static bool IsBusy(ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Error is { } error && BusyCodes.Contains(error.Code);
    }

    /// <summary>The result's error code, or <c>FAILED</c> for an unsuccessful result without one, for counting by code.</summary>
    public static string CodeOf(ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Error?.Code ?? "FAILED";
    }
}
