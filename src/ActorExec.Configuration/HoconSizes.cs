using ActorExec.Configuration.Internal.Units;

namespace ActorExec.Configuration;

/// <summary>
/// HOCON sizes in bytes (<c>512k</c>, <c>10 MiB</c>, <c>1GB</c>); a bare number is bytes. As the spec says,
/// <c>kB</c>/<c>MB</c>/<c>GB</c>... are powers of ten and <c>K</c>/<c>k</c>/<c>Ki</c>/<c>KiB</c>, <c>M</c>/<c>Mi</c>/<c>MiB</c>... powers of two.
/// </summary>
public static class HoconSizes
{
    private const string Example = "512k, 10MiB, 1GB";

    private static readonly Dictionary<string, decimal> BytesPerUnit = BuildUnits();

    /// <summary>Parses a size; a fractional byte count is truncated (<c>1.5k</c> is 1536).</summary>
    /// <exception cref="FormatException">Not a number with a known unit (the message names the value and the valid units), negative, or beyond <see cref="long.MaxValue"/>.</exception>
    public static long Parse(string value)
    {
        var (number, unit) = UnitNumber.Split(value, "size", Example);
        if (!BytesPerUnit.TryGetValue(unit.Length == 0 ? "B" : unit, out var bytes))
        {
            throw new FormatException(
                $"'{value}' is not a size: unknown unit '{unit}' (use B, kB/MB/GB/TB... for powers of 1000, K/M/G/T... or KiB/MiB/GiB/TiB... for powers of 1024; e.g. {Example})");
        }

        if (number < 0)
            throw new FormatException($"'{value}' is not a size: sizes cannot be negative");
        try
        {
            return decimal.ToInt64(decimal.Truncate(number * bytes));
        }
        catch (OverflowException)
        {
            throw new FormatException($"'{value}' is not a size: it is more than {long.MaxValue} bytes");
        }
    }

    private static Dictionary<string, decimal> BuildUnits()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["B"] = 1m, ["b"] = 1m, ["byte"] = 1m, ["bytes"] = 1m,
        };
        (char Letter, string Decimal, string Binary)[] prefixes =
        [
            ('K', "kilo", "kibi"), ('M', "mega", "mebi"), ('G', "giga", "gibi"), ('T', "tera", "tebi"),
            ('P', "peta", "pebi"), ('E', "exa", "exbi"), ('Z', "zetta", "zebi"), ('Y', "yotta", "yobi"),
        ];
        decimal thousand = 1m, kibi = 1m;
        foreach (var (letter, decimalName, binaryName) in prefixes)
        {
            thousand *= 1000m;
            kibi *= 1024m;
            var decimalSymbol = letter == 'K' ? "kB" : $"{letter}B";
            foreach (var name in new[] { decimalSymbol, $"{decimalName}byte", $"{decimalName}bytes" })
                units[name] = thousand;
            var lower = char.ToLowerInvariant(letter).ToString();
            foreach (var name in new[] { letter.ToString(), lower, $"{letter}i", $"{letter}iB", $"{binaryName}byte", $"{binaryName}bytes" })
                units[name] = kibi;
        }

        return units;
    }
}
