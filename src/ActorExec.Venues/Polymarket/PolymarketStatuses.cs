namespace ActorExec.Venues.Polymarket;

/// <summary>
/// The CLOB's order and trade statuses and what they mean for our reports. Order statuses come as
/// <c>LIVE</c> or <c>ORDER_STATUS_LIVE</c> depending on the API version (docs.polymarket.com, "Get single
/// order by ID"); trade statuses are MATCHED → MINED → CONFIRMED, with RETRYING while a failed
/// settlement transaction is resent and FAILED when it is given up (docs.polymarket.com, trades).
/// </summary>
internal static class PolymarketStatuses
{
    /// <summary>Our status for an order status; null for a status the adapter does not know, or MATCHED (decided by its trades).</summary>
    public static VenueOrderStatus? OfOrder(string normalized, decimal sizeMatched) => normalized switch
    {
        "LIVE" => sizeMatched > 0 ? VenueOrderStatus.PartiallyFilled : VenueOrderStatus.Open,
        "CANCELED" or "CANCELLED" or "CANCELED_MARKET_RESOLVED" => VenueOrderStatus.Cancelled,
        "INVALID" => VenueOrderStatus.Rejected,
        _ => null,
    };

    /// <summary>An order status without the <c>ORDER_STATUS_</c> prefix, upper case.</summary>
    public static string Normalize(string status) => status.ToUpperInvariant() is var s && s.StartsWith("ORDER_STATUS_", StringComparison.Ordinal) ? s["ORDER_STATUS_".Length..] : s;

    /// <summary>
    /// Our settlement status for a trade status; RETRYING keeps <paramref name="previous"/> (the settlement
    /// is neither further nor failed yet), Filled when nothing was reported before. Null for an unknown status.
    /// </summary>
    public static VenueOrderStatus? OfTrade(string status, VenueOrderStatus? previous) => status.ToUpperInvariant() switch
    {
        "MATCHED" or "TRADE_STATUS_MATCHED" => VenueOrderStatus.Filled,
        "MINED" or "TRADE_STATUS_MINED" => VenueOrderStatus.Mined,
        "CONFIRMED" or "TRADE_STATUS_CONFIRMED" => VenueOrderStatus.Confirmed,
        "RETRYING" or "TRADE_STATUS_RETRYING" => previous is VenueOrderStatus.Mined or VenueOrderStatus.Filled ? previous : VenueOrderStatus.Filled,
        "FAILED" or "TRADE_STATUS_FAILED" => VenueOrderStatus.Failed,
        _ => null,
    };

    /// <summary>A matched order's settlement: Failed when any trade failed, else the least advanced of its trades.</summary>
    public static VenueOrderStatus Combine(IEnumerable<VenueOrderStatus> trades)
    {
        var result = VenueOrderStatus.Confirmed;
        var any = false;
        foreach (var status in trades)
        {
            any = true;
            if (status == VenueOrderStatus.Failed)
                return VenueOrderStatus.Failed;
            if (Rank(status) < Rank(result))
                result = status;
        }
        return any ? result : VenueOrderStatus.Filled;
    }

    private static int Rank(VenueOrderStatus status) => status switch
    {
        VenueOrderStatus.Filled => 0,
        VenueOrderStatus.Mined => 1,
        _ => 2,
    };
}
