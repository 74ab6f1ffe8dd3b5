using ActorExec.Trading.Slippage;

namespace ActorExec.Trading.Tests.Slippage;

public sealed class SlippageLimitsSpec
{
    [Fact]
    public void Defaults_AreFiftyAndTwentyFiveBpsAndOneTimesTheSize()
    {
        var limits = new SlippageLimits();

        limits.MaxSlippageBps.Should().Be(SlippageDefaults.MaxSlippageBps).And.Be(50m);
        limits.WarnSlippageBps.Should().Be(SlippageDefaults.WarnSlippageBps).And.Be(25m);
        limits.MinLiquidityMultiple.Should().Be(SlippageDefaults.MinLiquidityMultiple).And.Be(1m);
        limits.Validate().Should().BeSameAs(limits);
    }

    [Fact]
    public void Validate_NegativeMaximum_ThrowsNamingIt()
        => FluentActions.Invoking(() => new SlippageLimits { MaxSlippageBps = -1m, WarnSlippageBps = 0m }.Validate())
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(SlippageLimits.MaxSlippageBps));

    [Fact]
    public void Validate_WarningAboveTheMaximum_ThrowsNamingTheWarning()
        => FluentActions.Invoking(() => new SlippageLimits { MaxSlippageBps = 20m, WarnSlippageBps = 21m }.Validate())
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(SlippageLimits.WarnSlippageBps)).WithMessage("*between 0 and MaxSlippageBps (20)*");

    [Fact]
    public void Validate_WarningEqualToTheMaximum_Accepted()
        => new SlippageLimits { MaxSlippageBps = 20m, WarnSlippageBps = 20m }.Validate().WarnSlippageBps.Should().Be(20m);

    [Fact]
    public void Validate_MultipleBelowOne_ThrowsNamingIt()
        => FluentActions.Invoking(() => new SlippageLimits { MinLiquidityMultiple = 0.5m }.Validate())
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(SlippageLimits.MinLiquidityMultiple));

    [Fact]
    public void Constructor_OfGuard_ValidatesTheLimits()
        => FluentActions.Invoking(() => new SlippageGuard(new SlippageLimits { MinLiquidityMultiple = 0m }))
            .Should().Throw<ArgumentOutOfRangeException>();
}
