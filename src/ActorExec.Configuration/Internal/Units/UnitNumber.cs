using System.Globalization;

namespace ActorExec.Configuration.Internal.Units;

/// <summary>
/// The spec's "units format": optional whitespace, a number, optional whitespace, an optional
/// unit made of letters only, optional whitespace. Shared by durations and sizes.
/// </summary>
internal static class UnitNumber
{
    /// <summary>Splits <paramref name="value"/> into its number and unit ("" when none); <paramref name="what"/> names the family in errors.</summary>
    public static (decimal Number, string Unit) Split(string? value, string what, string example)
    {
        var text = (value ?? "").Trim();
        var length = NumberPrefixLength(text);
        if (length == 0)
            throw new FormatException($"'{value}' is not a {what}: expected a number with an optional unit, e.g. {example}");
        var unit = text[length..].Trim();
        if (unit.Any(c => !char.IsLetter(c)))
            throw new FormatException($"'{value}' is not a {what}: after the number only a unit made of letters may follow, e.g. {example}");
        if (!decimal.TryParse(text.AsSpan(0, length), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            throw new FormatException($"'{value}' is not a {what}: the number is out of range");
        return (number, unit);
    }

    /// <summary>Length of the leading <c>[+-]digits[.digits][e[+-]digits]</c>; 0 when the text does not start with a number.</summary>
    private static int NumberPrefixLength(string text)
    {
        var i = 0;
        if (i < text.Length && text[i] is '+' or '-')
            i++;
        var digitsStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        if (i < text.Length && text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        }

        if (i == digitsStart)
            return 0;
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < text.Length && text[j] is '+' or '-')
                j++;
            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                i = j;
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            }
        }

        return i;
    }
}
