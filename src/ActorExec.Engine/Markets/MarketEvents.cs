using ActorExec.Trading.AutoClose;
using ActorExec.Trading.Execution;
using ActorExec.Trading.Orders;

namespace ActorExec.Engine.Markets;

/// <summary>
/// An execution passed every check and its orders are about to be created: journaled before any leg
/// exists, so a restart finds the execution and finishes it (fill check, auto-close).
/// </summary>
public sealed record ExecutionStarted(ExecutionId ExecutionId, ExecutionKind Kind, IReadOnlyList<OrderIntent> Legs, decimal? ExpectedProfit, HedgePair? Hedge, DateTimeOffset At);

/// <summary>An execution ended: the market's in-flight slot is released (with a cooldown when <paramref name="Release"/> asks for one).</summary>
public sealed record ExecutionFinished(ExecutionId ExecutionId, bool Success, string? ErrorCode, string? ErrorMessage, decimal? Profit, ReleaseReason Release, DateTimeOffset At);

/// <summary>A single order (or a follow-up of one) is about to be created under this market.</summary>
public sealed record OrderTracked(OrderIntent Intent, bool CompletePartialFill, ClientOrderId? CompletionOf, DateTimeOffset At);

/// <summary>Orders that reached a final state and need no more attention from the market.</summary>
public sealed record OrdersClosed(IReadOnlyList<ClientOrderId> Orders, DateTimeOffset At);

/// <summary>An arbitrage's legs filled different sizes (counts towards the market's blacklist).</summary>
public sealed record MismatchDetected(ExecutionId ExecutionId, Outcome Overfilled, Quantity Excess, DateTimeOffset At);

/// <summary>An auto-close walk was started for an execution's excess, planned from these legs.</summary>
public sealed record AutoCloseStarted(ExecutionId ExecutionId, int Round, ArbitrageLeg YesLeg, ArbitrageLeg NoLeg, DateTimeOffset At);

/// <summary>How an auto-close walk ended.</summary>
public enum AutoCloseOutcome
{
    /// <summary>The whole excess was sold.</summary>
    Closed,
    /// <summary>Part of it was sold before the walk reached its floor.</summary>
    PartiallyClosed,
    /// <summary>Nothing sold down to the floor price.</summary>
    FloorReached,
    /// <summary>The excess is below the venue's minimum size: nothing could be sold.</summary>
    Unsellable,
}

/// <summary>An auto-close walk ended.</summary>
public sealed record AutoCloseFinished(ExecutionId ExecutionId, int Round, AutoCloseOutcome Outcome, Quantity Closed, Quantity Remaining, DateTimeOffset At);

/// <summary>A hedge's position after an entry, exit or correction (absolute values, not deltas).</summary>
public sealed record HedgeChanged(HedgePair Pair, decimal PerpShort, decimal PerpEntryPrice, decimal SpotLong, decimal SpotEntryPrice, DateTimeOffset At);
