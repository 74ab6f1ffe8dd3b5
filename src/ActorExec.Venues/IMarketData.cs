namespace ActorExec.Venues;

/// <summary>Public market data of one venue: its markets and their order books. Thread-safe.</summary>
public interface IMarketData
{
    /// <summary>The venue the data comes from.</summary>
    VenueId Venue { get; }

    /// <summary>The markets listed on the venue.</summary>
    ValueTask<VenueResult<IReadOnlyList<VenueMarket>>> GetMarketsAsync(CancellationToken cancellationToken = default);

    /// <summary>The current book of one market; <see cref="VenueErrorKind.NotFound"/> for a market the venue does not list.</summary>
    ValueTask<VenueResult<MarketBook>> GetBookAsync(MarketId market, CancellationToken cancellationToken = default);
}
