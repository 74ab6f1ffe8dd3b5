using ActorExec.TestKit;
using ActorExec.Trading.Orders;
using ActorExec.Venues.Paper;

namespace ActorExec.Venues.Tests.Paper;

/// <summary>
/// A paper venue on a virtual clock with two markets: binary <c>m-1</c> (anchor 0.50) and linear
/// <c>eth</c> (anchor 3000). The liquidity provider is off unless the configuration turns it on, so
/// tests set exact books with <see cref="Lp"/>.
/// </summary>
internal sealed class PaperFixture
{
    public static readonly VenueId VenueA = new("paper-a");
    public static readonly MarketId Binary = new("m-1");
    public static readonly MarketId Linear = new("eth");
    public static readonly InstrumentRules LinearRules = new(tickSize: 0.01m, sizeIncrement: 0.001m, minPrice: 0.01m, maxPrice: 1_000_000m, minQuantity: 0.001m);

    private int _next;

    public PaperFixture(Func<PaperVenueOptions, PaperVenueOptions>? configure = null)
    {
        var options = new PaperVenueOptions
        {
            Venue = VenueA,
            Markets = [PaperMarket.Binary(Binary.Value, 0.50m), PaperMarket.Linear(Linear.Value, 3000m, LinearRules)],
            TimeProvider = Time,
            Seed = 7,
            Liquidity = new PaperLiquidityOptions { Enabled = false },
        };
        Venue = new PaperVenue(configure is null ? options : configure(options));
    }

    public ManualTimeProvider Time { get; } = new();

    public PaperVenue Venue { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    public OrderIntent Intent(
        Side side, Outcome? outcome, decimal size, decimal? price,
        OrderType type = OrderType.Limit, TimeInForce tif = TimeInForce.Gtc, DateTimeOffset? expiresAt = null,
        MarketId? market = null, string? clientId = null, VenueId? venue = null)
    {
        var n = Interlocked.Increment(ref _next);
        return new OrderIntent(
            new OrderId($"o-{n}"), new ClientOrderId(clientId ?? $"c-{n}"), venue ?? Venue.Venue, market ?? Binary,
            side, outcome, type, tif, new Quantity(size), price is { } p ? new Price(p) : null, expiresAt);
    }

    public OrderIntent BuyYes(decimal size, decimal price, TimeInForce tif = TimeInForce.Gtc) => Intent(Side.Buy, Outcome.Yes, size, price, tif: tif);

    public OrderIntent SellYes(decimal size, decimal price, TimeInForce tif = TimeInForce.Gtc) => Intent(Side.Sell, Outcome.Yes, size, price, tif: tif);

    /// <summary>Places an order that must be accepted, and returns the venue's report.</summary>
    public async Task<VenueOrderReport> Place(OrderIntent intent)
    {
        var result = await Venue.PlaceAsync(intent);
        result.IsSuccess.Should().BeTrue("the placement should be accepted, but got {0}", result.Error);
        return result.Value;
    }

    /// <summary>Places an order that must fail, and returns the error.</summary>
    public async Task<VenueError> PlaceFails(OrderIntent intent)
    {
        var result = await Venue.PlaceAsync(intent);
        result.IsSuccess.Should().BeFalse("the placement should fail");
        return result.Error!;
    }

    public async Task<VenueOrderReport> Order(VenueOrderId id) => (await Venue.GetOrderAsync(id)).Value;

    public async Task<decimal> Position(MarketId market, Outcome? outcome)
    {
        var positions = (await Venue.GetPositionsAsync()).Value;
        return positions.SingleOrDefault(p => p.Market == market && p.Outcome == outcome)?.Contracts ?? 0m;
    }

    /// <summary>Adds a liquidity provider order to the binary market's YES book.</summary>
    public void Lp(Side side, decimal price, decimal size, MarketId? market = null)
        => Venue.AddLiquidity(market ?? Binary, side, new Price(price), new Quantity(size));
}
