using ActorExec.Cli.Commands;
using ActorExec.Cli.Tests.Fakes;

namespace ActorExec.Cli.Tests.Commands;

public sealed class SinceOptionSpec
{
    [Theory]
    [InlineData("30s", "2025-06-01T11:59:30Z")]
    [InlineData("10m", "2025-06-01T11:50:00Z")]
    [InlineData("36h", "2025-05-31T00:00:00Z")]
    [InlineData("2025-05-01T08:00:00Z", "2025-05-01T08:00:00Z")]
    [InlineData("2025-05-01T08:00:00-04:00", "2025-05-01T12:00:00Z")]
    [InlineData("2025-05-01", "2025-05-01T00:00:00Z")]
    public void TryParse_RelativeOrIso_GivesTheInstant(string text, string expected)
    {
        SinceOption.TryParse(text, FixedTime.Now, out var since).Should().BeTrue();

        since.Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("m")]
    [InlineData("-10m")]
    [InlineData("10 m")]
    [InlineData("10M")]
    [InlineData("99999999999999d")]
    [InlineData("last tuesday")]
    public void TryParse_Neither_Fails(string text) =>
        SinceOption.TryParse(text, FixedTime.Now, out _).Should().BeFalse();
}
