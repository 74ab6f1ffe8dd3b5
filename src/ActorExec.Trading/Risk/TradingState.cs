namespace ActorExec.Trading.Risk;

/// <summary>How much trading the risk policy allows, set by operators or by automatic breakers.</summary>
public enum TradingState
{
    /// <summary>Normal trading within the limits.</summary>
    Active,

    /// <summary>Only orders that shrink an existing position toward zero; used to wind down without adding risk.</summary>
    Reducing,

    /// <summary>No orders at all.</summary>
    Halted,
}
