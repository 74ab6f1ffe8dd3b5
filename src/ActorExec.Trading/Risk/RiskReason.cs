namespace ActorExec.Trading.Risk;

/// <summary>
/// Why the risk policy denied or capped an order. The stable code is <see cref="ReasonCodes"/> of the
/// value (e.g. <c>MAX_POSITION_PER_MARKET</c>); the first three always deny, the others cap when a
/// smaller order fits and deny when none does.
/// </summary>
public enum RiskReason
{
    /// <summary>Trading is halted: every order is denied.</summary>
    TradingHalted,

    /// <summary>Consecutive errors reached the maximum: every order is denied.</summary>
    MaxConsecutiveErrors,

    /// <summary>Today's loss already reached the daily limit: every order is denied.</summary>
    DailyLossLimitBreached,

    /// <summary>Trading is reducing-only and the order does not reduce (denied) or would reverse the position (capped to it).</summary>
    ReduceOnly,

    /// <summary>The order would take the market's absolute position beyond its limit.</summary>
    MaxPositionPerMarket,

    /// <summary>The order would take the sum of absolute positions beyond its limit.</summary>
    MaxTotalPosition,

    /// <summary>The order's price × quantity exceeds the per-order limit.</summary>
    MaxNotionalPerOrder,

    /// <summary>Today's loss plus the order's worst-case loss would exceed the daily limit.</summary>
    DailyLossLimit,
}
