namespace ActorExec.Trading.Tests.Primitives;

public sealed class PrimitivesSpec
{
    [Theory]
    [InlineData(0)]
    [InlineData(-0.01)]
    public void Price_NotPositive_ThrowsNamingFieldAndValue(decimal value)
    {
        var act = () => new Price(value, "limitPrice");
        act.Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "limitPrice")
            .WithMessage($"limitPrice must be a positive price, got {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}*");
    }

    [Fact]
    public void Quantity_Negative_ThrowsNamingFieldAndValue()
    {
        var act = () => new Quantity(-1, "size");
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "size").WithMessage("size must not be negative, got -1*");
    }

    [Fact]
    public void Quantity_SubtractionBelowZero_Throws()
    {
        var act = () => new Quantity(1) - new Quantity(2);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Quantity_Arithmetic_IsExactDecimal()
    {
        (new Quantity(0.1m) + new Quantity(0.2m)).Should().Be(new Quantity(0.3m));
        Quantity.Min(new Quantity(2), new Quantity(3)).Should().Be(new Quantity(2));
        Quantity.Max(new Quantity(2), new Quantity(3)).Should().Be(new Quantity(3));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("tab\tinside")]
    public void Ids_EmptyOrWithWhitespace_ThrowNamingTheType(string value)
    {
        var act = () => new MarketId(value);
        act.Should().Throw<ArgumentException>().WithMessage("MarketId*");
    }

    [Fact]
    public void Ids_TooLong_Throw()
    {
        var act = () => new OrderId(new string('x', 129));
        act.Should().Throw<ArgumentException>().WithMessage("*129 characters*at most 128*");
    }

    [Theory]
    [InlineData("abc-123_x.y:z", true)]
    [InlineData("with/slash", false)]
    [InlineData("ünïcode", false)]
    public void ClientOrderId_AllowsOnlyVenueSafeCharacters(string value, bool valid)
    {
        var act = () => new ClientOrderId(value);
        if (valid)
            act.Should().NotThrow();
        else
            act.Should().Throw<ArgumentException>().WithMessage($"*'{value}'*");
    }

    [Fact]
    public void ClientOrderId_Over64Characters_Throws()
    {
        var act = () => new ClientOrderId(new string('a', 65));
        act.Should().Throw<ArgumentException>().WithMessage("*at most 64*");
    }

    [Theory]
    [InlineData(0.01, true)]
    [InlineData(0.99, true)]
    [InlineData(0.015, false)]
    [InlineData(1.00, false)]
    [InlineData(0.00, false)]
    public void InstrumentRules_Price_ChecksBoundsAndTick(decimal value, bool valid)
    {
        var act = () => InstrumentRules.BinaryCents.Price(value, "bid");
        if (valid)
            act().Value.Should().Be(value);
        else
            act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "bid");
    }

    [Fact]
    public void InstrumentRules_OffTickPrice_MessageNamesTheTick()
    {
        var act = () => InstrumentRules.BinaryCents.Price(0.015m);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("price 0.015 is not a multiple of the tick size 0.01*");
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(0.5, false)]
    [InlineData(1.5, false)]
    public void InstrumentRules_Quantity_ChecksMinimumAndIncrement(decimal value, bool valid)
    {
        InstrumentRules.BinaryCents.IsValidQuantity(value).Should().Be(valid);
        var act = () => InstrumentRules.BinaryCents.Quantity(value);
        if (valid)
            act().Value.Should().Be(value);
        else
            act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void InstrumentRules_Rounding_GoesDown()
    {
        var rules = new InstrumentRules(0.001m, 0.1m, 0.001m, 0.999m, 0.1m);
        rules.RoundDownToIncrement(2.37m).Should().Be(2.3m);
        rules.RoundDownToTick(0.5678m).Should().Be(0.567m);
    }

    [Fact]
    public void InstrumentRules_Inconsistent_IsRejected()
    {
        var act = () => new InstrumentRules(tickSize: 0.01m, sizeIncrement: 1m, minPrice: 0.5m, maxPrice: 0.4m, minQuantity: 1m);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "maxPrice");
    }

    [Theory]
    [InlineData("Overfill", "OVERFILL")]
    [InlineData("MaxPositionPerMarket", "MAX_POSITION_PER_MARKET")]
    [InlineData("VenueOrderIdMismatch", "VENUE_ORDER_ID_MISMATCH")]
    [InlineData("IOCRejected", "IOC_REJECTED")]
    public void ReasonCodes_PascalCase_BecomesScreamingSnake(string name, string code)
        => ReasonCodes.ToScreamingSnake(name).Should().Be(code);

    [Fact]
    public void OrderTerms_Helpers()
    {
        Side.Buy.Opposite().Should().Be(Side.Sell);
        Outcome.Yes.Opposite().Should().Be(Outcome.No);
        Side.Sell.Sign().Should().Be(-1);
        TimeInForce.Fak.IsImmediate().Should().BeTrue();
        TimeInForce.Gtd.IsImmediate().Should().BeFalse();
    }
}
