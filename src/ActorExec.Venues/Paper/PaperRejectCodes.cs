namespace ActorExec.Venues.Paper;

/// <summary>The <see cref="VenueRejected.VenueCode"/> values a paper venue answers with.</summary>
public static class PaperRejectCodes
{
    /// <summary>The market is not listed.</summary>
    public const string UnknownMarket = "unknown_market";

    /// <summary>The market is listed but not open.</summary>
    public const string MarketClosed = "market_closed";

    /// <summary>The intent names another venue.</summary>
    public const string WrongVenue = "wrong_venue";

    /// <summary>The venue does not accept this order type.</summary>
    public const string UnsupportedOrderType = "unsupported_order_type";

    /// <summary>The venue does not accept this time in force.</summary>
    public const string UnsupportedTimeInForce = "unsupported_time_in_force";

    /// <summary>The outcome is missing on a binary market or present on a linear one.</summary>
    public const string InvalidOutcome = "invalid_outcome";

    /// <summary>The price is missing, present on a market order, out of bounds or off the tick grid.</summary>
    public const string InvalidPrice = "invalid_price";

    /// <summary>The size is out of bounds, off the size increment, or below what already filled.</summary>
    public const string InvalidSize = "invalid_size";

    /// <summary>The time in force does not fit the order type (a resting market order, an immediate post-only order).</summary>
    public const string InvalidTimeInForce = "invalid_time_in_force";

    /// <summary>A GTD expiry is missing or not in the future, or an expiry on a non-GTD order.</summary>
    public const string InvalidExpiry = "invalid_expiry";

    /// <summary>The client order id was used by an earlier accepted order.</summary>
    public const string DuplicateClientOrderId = "duplicate_client_order_id";

    /// <summary>A post-only order (or its amendment) would take liquidity.</summary>
    public const string PostOnlyWouldCross = "post_only_would_cross";

    /// <summary>The order is no longer resting, so it cannot be amended.</summary>
    public const string OrderNotOpen = "order_not_open";

    /// <summary>The venue does not amend orders.</summary>
    public const string ModifyNotSupported = "modify_not_supported";

    /// <summary>An amendment that changes nothing.</summary>
    public const string InvalidModify = "invalid_modify";

    /// <summary>The fills cursor is not one the venue handed out.</summary>
    public const string InvalidCursor = "invalid_cursor";

    /// <summary>The fills page size is outside [1, 1000].</summary>
    public const string InvalidLimit = "invalid_limit";

    /// <summary>A placement refused by <see cref="PaperFaultOptions.RejectRate"/>.</summary>
    public const string RandomRejection = "random_rejection";

    /// <summary>A placement refused by <see cref="PaperFaultController.RejectNextPlacements"/>.</summary>
    public const string InjectedRejection = "injected_rejection";
}
