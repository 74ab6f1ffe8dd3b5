namespace ActorExec.Engine;

/// <summary>Reasons an execution is refused or fails that belong to the engine (the trading core's reasons keep their own codes).</summary>
public enum ExecutionErrorCode
{
    /// <summary>The market already runs an execution.</summary>
    AlreadyInFlight,
    /// <summary>The market is cooling down after its last execution.</summary>
    CoolingDown,
    /// <summary>Too many fill mismatches: the market is blacklisted for a while.</summary>
    MarketBlacklisted,
    /// <summary>No venue with that id is configured.</summary>
    UnknownVenue,
    /// <summary>A venue does not list the market (or it is closed).</summary>
    UnknownMarket,
    /// <summary>The venue has not been reconciled since start-up; intents wait for that.</summary>
    VenueNotReconciled,
    /// <summary>A venue's circuit breaker is open.</summary>
    BreakerOpen,
    /// <summary>The order's terms are invalid for the venue.</summary>
    InvalidOrder,
    /// <summary>The id was used before for different terms.</summary>
    ConflictingIntent,
    /// <summary>The order has nothing left to cancel.</summary>
    NotCancellable,
    /// <summary>No such order in this market.</summary>
    OrderNotFound,
    /// <summary>A leg's outcome is still unknown (the venue has not answered); the engine keeps asking.</summary>
    LegOutcomeUnknown,
    /// <summary>The legs filled different sizes; the excess is being closed.</summary>
    FillMismatch,
    /// <summary>Nothing filled.</summary>
    NoFill,
    /// <summary>A leg was rejected or failed.</summary>
    LegFailed,
    /// <summary>The hedge's execution breaker is open after consecutive failures.</summary>
    HedgeBreakerOpen,
    /// <summary>There is no hedge position to exit or correct.</summary>
    NoHedge,
    /// <summary>After exiting, a venue still reports a position.</summary>
    NotFlat,
    /// <summary>Market data needed for the check could not be read.</summary>
    MarketDataUnavailable,
    /// <summary>The journal could not store the intent; nothing was sent.</summary>
    JournalUnavailable,
    /// <summary>The cluster's coordinator (PostgreSQL) is unreachable: the node takes no intent until it is back.</summary>
    ClusterUnavailable,
}

/// <summary>Builds <see cref="ExecutionError"/>s from reason enums.</summary>
public static class ExecutionErrors
{
    /// <summary>An error with the code of <paramref name="reason"/>.</summary>
    public static ExecutionError Of(Enum reason, string message, IReadOnlyDictionary<string, string>? context = null)
        => new(ReasonCodes.Of(reason), message, context ?? ReasonContext.Empty);
}
