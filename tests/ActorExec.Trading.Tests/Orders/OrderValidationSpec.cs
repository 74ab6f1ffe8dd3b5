using ActorExec.Trading.Orders;
using static ActorExec.Trading.Tests.Orders.OrderFixtures;

namespace ActorExec.Trading.Tests.Orders;

public sealed class OrderValidationSpec
{
    private static readonly InstrumentRules Rules = InstrumentRules.BinaryCents;

    private static IReadOnlyList<OrderValidationError> Validate(OrderIntent intent) => OrderValidation.Validate(intent, Rules, T0);

    private static OrderValidationCode[] Codes(OrderIntent intent) => [.. Validate(intent).Select(e => e.Code)];

    [Fact]
    public void Validate_WellFormedLimitOrder_HasNoErrors() => Validate(Intent()).Should().BeEmpty();

    [Fact]
    public void Validate_LimitWithoutPrice_RequiresPrice()
        => Codes(Intent() with { LimitPrice = null }).Should().Equal(OrderValidationCode.PriceRequired);

    [Fact]
    public void Validate_MarketWithPrice_RejectsPriceAndRestingTimeInForce()
        => Codes(Intent() with { Type = OrderType.Market }).Should().Equal(OrderValidationCode.PriceNotAllowed, OrderValidationCode.MarketOrderMustBeImmediate);

    [Fact]
    public void Validate_MarketIoc_IsValid()
        => Validate(Intent() with { Type = OrderType.Market, LimitPrice = null, TimeInForce = TimeInForce.Ioc }).Should().BeEmpty();

    [Theory]
    [InlineData(0.005)]
    [InlineData(1.00)]
    public void Validate_PriceOutsideBounds_IsOutOfBounds(decimal price)
    {
        var error = Validate(Intent() with { LimitPrice = new Price(price) }).Should().ContainSingle().Subject;
        error.Code.Should().Be(OrderValidationCode.PriceOutOfBounds);
        error.Field.Should().Be("LimitPrice");
        error.Message.Should().Contain(price.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(0.01, true)]
    [InlineData(0.99, true)]
    [InlineData(0.405, false)]
    public void Validate_PriceOnOrOffTick_IsCheckedAgainstTheTick(decimal price, bool valid)
        => Codes(Intent() with { LimitPrice = new Price(price) }).Should().BeEquivalentTo(valid ? [] : new[] { OrderValidationCode.PriceNotOnTick });

    [Theory]
    [InlineData(0.5, OrderValidationCode.SizeOutOfBounds)]
    [InlineData(2.5, OrderValidationCode.SizeNotOnIncrement)]
    public void Validate_BadSize_IsReported(decimal size, OrderValidationCode code)
        => Codes(Intent() with { Size = new Quantity(size) }).Should().Equal(code);

    [Fact]
    public void Validate_AboveMaximumSize_IsOutOfBounds()
    {
        var capped = new InstrumentRules(0.01m, 1m, 0.01m, 0.99m, 1m, maxQuantity: 100m);
        OrderValidation.Validate(Intent(size: 101), capped, T0).Select(e => e.Code).Should().Equal(OrderValidationCode.SizeOutOfBounds);
        OrderValidation.Validate(Intent(size: 100), capped, T0).Should().BeEmpty();
    }

    [Fact]
    public void Validate_GtdWithoutExpiry_RequiresOne()
        => Codes(Intent() with { TimeInForce = TimeInForce.Gtd }).Should().Equal(OrderValidationCode.ExpiryRequired);

    [Theory]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(1, true)]
    public void Validate_GtdExpiry_MustBeStrictlyInTheFuture(int secondsFromNow, bool valid)
    {
        var intent = Intent() with { TimeInForce = TimeInForce.Gtd, ExpiresAt = T0.AddSeconds(secondsFromNow) };
        Codes(intent).Should().BeEquivalentTo(valid ? [] : new[] { OrderValidationCode.ExpiryNotInFuture });
    }

    [Fact]
    public void Validate_ExpiryOnGtc_IsNotAllowed()
        => Codes(Intent() with { ExpiresAt = T0.AddHours(1) }).Should().Equal(OrderValidationCode.ExpiryNotAllowed);

    [Fact]
    public void Validate_PostOnlyIoc_MustRest()
        => Codes(Intent() with { Type = OrderType.PostOnly, TimeInForce = TimeInForce.Ioc }).Should().Equal(OrderValidationCode.PostOnlyMustRest);

    [Fact]
    public void Validate_DefaultIds_AreMissing()
    {
        var errors = Validate(Intent() with { OrderId = default, ClientOrderId = default, Venue = default, Market = default });
        errors.Select(e => e.Field).Should().Equal("OrderId", "ClientOrderId", "Venue", "Market");
        errors.Should().OnlyContain(e => e.CodeName == "MISSING_ID");
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsThemAll()
        => Codes(Intent() with { LimitPrice = new Price(1.5m), Size = new Quantity(0.5m), ExpiresAt = T0 }).Should().HaveCount(3);
}
