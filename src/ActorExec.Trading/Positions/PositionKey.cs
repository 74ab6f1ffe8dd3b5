namespace ActorExec.Trading.Positions;

/// <summary>What a position is held in: one outcome of one market on one venue.</summary>
/// <param name="Market">The market.</param>
/// <param name="Venue">The venue holding the contracts.</param>
/// <param name="Outcome">YES or NO.</param>
public readonly record struct PositionKey(MarketId Market, VenueId Venue, Outcome Outcome) : IComparable<PositionKey>
{
    /// <summary>Orders by market, then venue (ordinal text), then YES before NO, so reports list keys the same way on every run.</summary>
    public int CompareTo(PositionKey other)
    {
        var byMarket = string.CompareOrdinal(Market.Value, other.Market.Value);
        if (byMarket != 0)
            return byMarket;
        var byVenue = string.CompareOrdinal(Venue.Value, other.Venue.Value);
        return byVenue != 0 ? byVenue : Outcome.CompareTo(other.Outcome);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Market}/{Venue}/{Outcome}";
}
