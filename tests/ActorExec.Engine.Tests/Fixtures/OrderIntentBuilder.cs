using ActorExec.Trading.Orders;

namespace ActorExec.Engine.Tests.Fixtures;

/// <summary>Builds order intents for tests: a limit GTC buy of YES unless told otherwise.</summary>
public sealed record OrderIntentBuilder(string ClientOrderId, VenueId Venue, MarketId Market)
{
    public Side Side { get; init; } = Side.Buy;

    public Outcome? Outcome { get; init; } = Trading.Outcome.Yes;

    public OrderType Type { get; init; } = OrderType.Limit;

    public TimeInForce TimeInForce { get; init; } = TimeInForce.Gtc;

    public decimal Size { get; init; } = 10m;

    public decimal? Price { get; init; } = 0.40m;

    public OrderIntent Build() => new(new OrderId(ClientOrderId), new ClientOrderId(ClientOrderId), Venue, Market, Side, Outcome, Type, TimeInForce,
        new Quantity(Size), Price is { } price ? new Price(price) : null);

    public PlaceOrder Place(bool completePartialFill = false) => new(Build(), completePartialFill);

    public static implicit operator OrderIntent(OrderIntentBuilder builder) => builder.Build();
}
