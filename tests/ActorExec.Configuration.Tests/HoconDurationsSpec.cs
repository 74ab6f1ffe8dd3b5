namespace ActorExec.Configuration.Tests;

/// <summary>"Duration format" in HOCON.md: every unit string of the table, and clear errors.</summary>
public sealed class HoconDurationsSpec
{
    [Theory]
    [InlineData("ns"), InlineData("nano"), InlineData("nanos"), InlineData("nanosecond"), InlineData("nanoseconds")]
    public void Parse_NanosecondUnits_AreHundredthsOfATick(string unit) =>
        HoconDurations.Parse($"300 {unit}").Should().Be(TimeSpan.FromTicks(3));

    [Theory]
    [InlineData("us"), InlineData("micro"), InlineData("micros"), InlineData("microsecond"), InlineData("microseconds")]
    public void Parse_MicrosecondUnits_AreMicroseconds(string unit) =>
        HoconDurations.Parse($"250{unit}").Should().Be(TimeSpan.FromMicroseconds(250));

    [Theory]
    [InlineData("ms"), InlineData("milli"), InlineData("millis"), InlineData("millisecond"), InlineData("milliseconds")]
    public void Parse_MillisecondUnits_AreMilliseconds(string unit) =>
        HoconDurations.Parse($"500{unit}").Should().Be(TimeSpan.FromMilliseconds(500));

    [Theory]
    [InlineData("10s", 10), InlineData("10 second", 10), InlineData("10 seconds", 10)]
    [InlineData("2m", 120), InlineData("2 minute", 120), InlineData("2 minutes", 120)]
    [InlineData("1 h", 3600), InlineData("1hour", 3600), InlineData("1 hours", 3600)]
    [InlineData("3d", 259200), InlineData("3 day", 259200), InlineData("3 days", 259200)]
    [InlineData("1.5s", 1.5), InlineData("  10s  ", 10), InlineData("-2s", -2), InlineData("1e1s", 10)]
    public void Parse_LargerUnits_ConvertToSeconds(string value, double seconds) =>
        HoconDurations.Parse(value).Should().Be(TimeSpan.FromSeconds(seconds));

    [Theory]
    [InlineData("750", 750)]
    [InlineData("0.5", 0.5)]
    public void Parse_BareNumber_IsMilliseconds(string value, double milliseconds) =>
        HoconDurations.Parse(value).Should().Be(TimeSpan.FromMilliseconds(milliseconds));

    [Theory]
    [InlineData("10x", "'10x' is not a duration: unknown unit 'x' (use ns, us, ms, s, m, h or d, lowercase; e.g. 500ms, 10s, 2m)")]
    [InlineData("10S", "'10S' is not a duration: unknown unit 'S' (use ns, us, ms, s, m, h or d, lowercase; e.g. 500ms, 10s, 2m)")]
    [InlineData("10 secs", "'10 secs' is not a duration: unknown unit 'secs' (use ns, us, ms, s, m, h or d, lowercase; e.g. 500ms, 10s, 2m)")]
    [InlineData("ns", "'ns' is not a duration: expected a number with an optional unit, e.g. 500ms, 10s, 2m")]
    [InlineData("", "'' is not a duration: expected a number with an optional unit, e.g. 500ms, 10s, 2m")]
    [InlineData("10s 5ms", "'10s 5ms' is not a duration: after the number only a unit made of letters may follow, e.g. 500ms, 10s, 2m")]
    [InlineData("99999999999 days", "'99999999999 days' is not a duration: it is out of range (at most about 10675199 days)")]
    public void Parse_Malformed_NamesTheValueAndTheValidUnits(string value, string message)
    {
        var parse = () => HoconDurations.Parse(value);

        parse.Should().Throw<FormatException>().WithMessage(message);
    }
}
