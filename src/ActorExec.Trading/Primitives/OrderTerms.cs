namespace ActorExec.Trading;

/// <summary>Buy or sell.</summary>
public enum Side
{
    /// <summary>Acquire contracts.</summary>
    Buy,

    /// <summary>Dispose of contracts.</summary>
    Sell,
}

/// <summary>The outcome a binary-market contract pays out on.</summary>
public enum Outcome
{
    /// <summary>Pays $1 if the event happens.</summary>
    Yes,

    /// <summary>Pays $1 if the event does not happen.</summary>
    No,
}

/// <summary>How an order is priced.</summary>
public enum OrderType
{
    /// <summary>Executes at the limit price or better; rests for the remainder per its time in force.</summary>
    Limit,

    /// <summary>Executes against the book at whatever price is available; carries no price.</summary>
    Market,

    /// <summary>A limit order that must rest: the venue rejects it if it would take liquidity.</summary>
    PostOnly,
}

/// <summary>How long an order stays working.</summary>
public enum TimeInForce
{
    /// <summary>Good till cancelled.</summary>
    Gtc,

    /// <summary>Good till a given date (the order's expiry).</summary>
    Gtd,

    /// <summary>Immediate or cancel: fill what is possible now, cancel the rest.</summary>
    Ioc,

    /// <summary>Fill or kill: fill the whole quantity now, or nothing.</summary>
    Fok,

    /// <summary>Fill and kill (Polymarket's name for IOC): fill what is possible now, cancel the rest.</summary>
    Fak,
}

/// <summary>Helpers over the order term enums.</summary>
public static class OrderTermsExtensions
{
    /// <summary>The other side.</summary>
    public static Side Opposite(this Side side) => side == Side.Buy ? Side.Sell : Side.Buy;

    /// <summary>The other outcome.</summary>
    public static Outcome Opposite(this Outcome outcome) => outcome == Outcome.Yes ? Outcome.No : Outcome.Yes;

    /// <summary>+1 for a buy, −1 for a sell: the sign a fill adds to a position.</summary>
    public static int Sign(this Side side) => side == Side.Buy ? 1 : -1;

    /// <summary>True for time-in-force values that never leave a resting remainder.</summary>
    public static bool IsImmediate(this TimeInForce timeInForce) => timeInForce is TimeInForce.Ioc or TimeInForce.Fok or TimeInForce.Fak;
}
