using ActorExec.Configuration.Internal.Units;

namespace ActorExec.Configuration;

/// <summary>
/// HOCON durations (<c>10s</c>, <c>500ms</c>, <c>2 m</c>, <c>3 days</c>, <c>250 micros</c>); a bare number is milliseconds.
/// Units are the spec's, lowercase only: ns, us, ms, s, m, h, d and their long forms
/// (nano(s), nanosecond(s), micro(s), microsecond(s), milli(s), millisecond(s), second(s), minute(s), hour(s), day(s)).
/// </summary>
public static class HoconDurations
{
    private const string Example = "500ms, 10s, 2m";
    private const decimal NanosecondsPerTick = 100m;

    private static readonly Dictionary<string, decimal> NanosecondsPerUnit = new(StringComparer.Ordinal)
    {
        ["ns"] = 1m, ["nano"] = 1m, ["nanos"] = 1m, ["nanosecond"] = 1m, ["nanoseconds"] = 1m,
        ["us"] = 1e3m, ["micro"] = 1e3m, ["micros"] = 1e3m, ["microsecond"] = 1e3m, ["microseconds"] = 1e3m,
        ["ms"] = 1e6m, ["milli"] = 1e6m, ["millis"] = 1e6m, ["millisecond"] = 1e6m, ["milliseconds"] = 1e6m,
        ["s"] = 1e9m, ["second"] = 1e9m, ["seconds"] = 1e9m,
        ["m"] = 60e9m, ["minute"] = 60e9m, ["minutes"] = 60e9m,
        ["h"] = 3600e9m, ["hour"] = 3600e9m, ["hours"] = 3600e9m,
        ["d"] = 86400e9m, ["day"] = 86400e9m, ["days"] = 86400e9m,
    };

    /// <summary>Parses a duration, rounded to the nearest 100 ns tick.</summary>
    /// <exception cref="FormatException">Not a number with a known unit (the message names the value and the valid units), or out of range.</exception>
    public static TimeSpan Parse(string value)
    {
        var (number, unit) = UnitNumber.Split(value, "duration", Example);
        if (unit.Length == 0)
            unit = "ms";
        if (!NanosecondsPerUnit.TryGetValue(unit, out var nanoseconds))
        {
            throw new FormatException(
                $"'{value}' is not a duration: unknown unit '{unit}' (use ns, us, ms, s, m, h or d, lowercase; e.g. {Example})");
        }

        try
        {
            var ticks = decimal.Round(number * nanoseconds / NanosecondsPerTick, MidpointRounding.AwayFromZero);
            return TimeSpan.FromTicks(decimal.ToInt64(ticks));
        }
        catch (OverflowException)
        {
            throw new FormatException($"'{value}' is not a duration: it is out of range (at most about {TimeSpan.MaxValue.Days} days)");
        }
    }
}
