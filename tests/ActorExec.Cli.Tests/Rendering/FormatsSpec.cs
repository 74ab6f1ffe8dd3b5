using ActorExec.Cli.Rendering;

namespace ActorExec.Cli.Tests.Rendering;

public sealed class FormatsSpec
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(42, "42s")]
    [InlineData(187, "3m 07s")]
    [InlineData(7390, "2h 03m 10s")]
    [InlineData(274320, "3d 04h 12m")]
    [InlineData(-5, "0s")]
    public void Duration_ShowsTheUnitsThatMatter(int seconds, string expected) =>
        Formats.Duration(TimeSpan.FromSeconds(seconds)).Should().Be(expected);

    [Theory]
    [InlineData("0.4200", "0.42")]
    [InlineData("150", "150")]
    [InlineData("-20.5", "-20.5")]
    public void Number_Decimal_DropsTrailingZeros(string value, string expected) =>
        Formats.Number(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(expected);

    [Theory]
    [InlineData("node-c", 7L, "node-c #7")]
    [InlineData("node-c", null, "node-c")]
    public void Member_NodeAndIncarnation_ReadsAsOperatorsNameIt(string nodeId, long? incarnation, string expected) =>
        Formats.Member(nodeId, incarnation).Should().Be(expected);
}
