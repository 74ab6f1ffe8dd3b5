using System.Globalization;
using ActorExec.Configuration;
using Microsoft.Extensions.Configuration;

namespace ActorExec.Node.Configuration;

/// <summary>
/// Reads typed settings from the merged configuration by HOCON path (<c>actorexec.engine.cooldown</c>),
/// collecting every error with where the value came from, so one start-up reports them all. Every
/// setting must exist (reference.conf defines them all): no default silently replaces a bad value.
/// </summary>
internal sealed class SettingsReader(IConfiguration configuration, Func<string, string?> originOf)
{
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;

    public string String(string path, bool allowEmpty = true)
    {
        var value = configuration[Key(path)];
        if (value is null)
        {
            Fail(path, "is missing (reference.conf defines it; was it set to null?)");
            return "";
        }
        if (!allowEmpty && value.Trim().Length == 0)
            Fail(path, "must not be empty");
        return value;
    }

    public int Int(string path, int min, int max)
        => Parse(path, "a whole number", v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null, min, max, 0);

    public decimal Decimal(string path, decimal min, decimal max)
        => Parse(path, "a number", v => decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null, min, max, 0m);

    public double Double(string path, double min, double max)
        => Parse(path, "a number", v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null, min, max, 0d);

    public TimeSpan Duration(string path, TimeSpan min, TimeSpan max)
        => Parse(path, "a duration such as 500ms, 10s or 2m", v =>
        {
            try
            {
                return HoconDurations.Parse(v);
            }
            catch (FormatException)
            {
                return null;
            }
        }, min, max, TimeSpan.Zero);

    public bool Bool(string path)
    {
        var value = String(path);
        switch (value.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "on": return true;
            case "false" or "no" or "off": return false;
            default:
                if (value.Length > 0)
                    Fail(path, $"expected true or false, got '{value}'");
                return false;
        }
    }

    public string OneOf(string path, params string[] allowed)
    {
        var value = String(path).Trim();
        if (value.Length > 0 && !allowed.Contains(value, StringComparer.Ordinal))
            Fail(path, $"expected one of {string.Join(", ", allowed)}, got '{value}'");
        return value;
    }

    /// <summary>The names of the entries of an object setting (e.g. the venues).</summary>
    public IReadOnlyList<string> Names(string path) => [.. configuration.GetSection(Key(path)).GetChildren().Select(c => c.Key).Order(StringComparer.Ordinal)];

    public void Fail(string path, string reason) => _errors.Add($"{Where(path)}{path}: {reason}");

    private T Parse<T>(string path, string expected, Func<string, T?> parse, T min, T max, T fallback) where T : struct, IComparable<T>
    {
        var raw = configuration[Key(path)];
        if (raw is null)
        {
            Fail(path, "is missing (reference.conf defines it; was it set to null?)");
            return fallback;
        }
        if (parse(raw.Trim()) is not { } value)
        {
            Fail(path, $"expected {expected}, got '{raw}'");
            return fallback;
        }
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            Fail(path, $"{raw} is out of range [{Format(min)}, {Format(max)}]");
            return fallback;
        }
        return value;
    }

    private static string Format<T>(T value) => value switch
    {
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "",
    };

    private string Where(string path) => originOf(Key(path)) is { } origin ? origin + ": " : "";

    public static string Key(string path) => path.Replace('.', ':');
}
