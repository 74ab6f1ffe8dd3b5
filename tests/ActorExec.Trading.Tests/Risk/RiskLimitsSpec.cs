using ActorExec.Trading.Risk;

namespace ActorExec.Trading.Tests.Risk;

public sealed class RiskLimitsSpec
{
    [Fact]
    public void Defaults_MatchTheDocumentedConstants()
    {
        var limits = new RiskLimits();

        limits.MaxPositionPerMarket.Should().Be(RiskDefaults.MaxPositionPerMarket).And.Be(1_000m);
        limits.MaxTotalPosition.Should().Be(RiskDefaults.MaxTotalPosition).And.Be(10_000m);
        limits.MaxNotionalPerOrder.Should().Be(RiskDefaults.MaxNotionalPerOrder).And.Be(500m);
        limits.DailyLossLimit.Should().Be(RiskDefaults.DailyLossLimit).And.Be(1_000m);
        limits.MaxConsecutiveErrors.Should().Be(RiskDefaults.MaxConsecutiveErrors).And.Be(5);
        limits.Validate().Should().BeSameAs(limits);
    }

    [Theory]
    [InlineData(nameof(RiskLimits.MaxPositionPerMarket))]
    [InlineData(nameof(RiskLimits.MaxTotalPosition))]
    [InlineData(nameof(RiskLimits.MaxNotionalPerOrder))]
    [InlineData(nameof(RiskLimits.DailyLossLimit))]
    [InlineData(nameof(RiskLimits.MaxConsecutiveErrors))]
    public void Validate_ZeroLimit_ThrowsNamingTheOption(string option)
    {
        var limits = option switch
        {
            nameof(RiskLimits.MaxPositionPerMarket) => new RiskLimits { MaxPositionPerMarket = 0m },
            nameof(RiskLimits.MaxTotalPosition) => new RiskLimits { MaxTotalPosition = 0m },
            nameof(RiskLimits.MaxNotionalPerOrder) => new RiskLimits { MaxNotionalPerOrder = 0m },
            nameof(RiskLimits.DailyLossLimit) => new RiskLimits { DailyLossLimit = 0m },
            _ => new RiskLimits { MaxConsecutiveErrors = 0 },
        };

        var act = () => limits.Validate();

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(option).WithMessage($"*RiskLimits.{option}*");
    }

    [Fact]
    public void Constructor_OfPolicy_ValidatesTheLimits()
    {
        var act = () => new RiskPolicy(new RiskLimits { DailyLossLimit = -1m });

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(RiskLimits.DailyLossLimit));
    }
}
