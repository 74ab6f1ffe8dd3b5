using ActorExec.Trading.Orders;
using ActorExec.Trading.Positions;
using ActorExec.Trading.Risk;

namespace ActorExec.Engine;

/// <summary>
/// Tells the positions read model that fills of the order with <paramref name="Intent"/> were
/// journaled, so it reads the journal now rather than at its next poll, and knows the order's market,
/// venue and outcome without reading its first event back.
/// </summary>
public sealed record FillsJournaled(OrderIntent Intent);

/// <summary>
/// A new order is about to be sent: the read model remembers its intent, so fills that a catch-up
/// meets before the order's <see cref="FillsJournaled"/> arrives are attributed without a journal read.
/// </summary>
public sealed record OrderStarting(OrderIntent Intent);

/// <summary>Asks the positions read model for its current book.</summary>
public sealed record GetPositions
{
    /// <summary>The one instance.</summary>
    public static readonly GetPositions Instance = new();
}

/// <summary>The positions read model's book, caught up to journal offset <paramref name="Offset"/>.</summary>
public sealed record PositionsReport(PositionBook Book, decimal DailyRealizedPnl, DateOnly TradingDay, RiskSnapshot Risk, long Offset);

/// <summary>An execution failed on a venue (counts towards the consecutive-errors limit) or succeeded (resets it).</summary>
public sealed record RecordExecutionOutcome(bool Failed);

/// <summary>An operator sets the trading state (active, reducing only, halted).</summary>
public sealed record SetTradingState(TradingState State);
