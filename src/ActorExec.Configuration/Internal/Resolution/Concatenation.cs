using System.Text;

namespace ActorExec.Configuration.Internal.Resolution;

/// <summary>
/// Joins the resolved parts of a value concatenation: strings (with the whitespace between them),
/// arrays (appended) or objects (merged, later wins). Undefined optional substitutions drop out.
/// </summary>
internal static class Concatenation
{
    /// <summary>A resolved part: a value, whitespace text, or an undefined optional substitution (both null).</summary>
    public readonly record struct Part(HoconValue? Value, string? Whitespace, HoconOrigin Origin);

    /// <summary>The joined value, or null when every part was an undefined optional substitution.</summary>
    public static HoconValue? Join(List<Part> parts, HoconOrigin origin, string? key)
    {
        var kept = parts.Where(p => p.Value is not null || p.Whitespace is not null).ToList();
        var first = kept.FindIndex(p => p.Value is not null);
        if (first < 0)
            return null;
        var last = kept.FindLastIndex(p => p.Value is not null);
        kept = kept.GetRange(first, last - first + 1);
        if (kept.Count == 1)
            return kept[0].Value;

        var values = kept.Where(p => p.Value is not null).ToList();
        if (values.Any(p => p.Value is HoconObject or HoconArray))
            return JoinContainers(values, origin, key);

        var text = new StringBuilder();
        foreach (var part in kept)
            text.Append(part.Whitespace ?? ((HoconScalar)part.Value!).Text);
        return new HoconScalar(HoconScalarKind.String, text.ToString(), origin);
    }

    private static HoconValue JoinContainers(List<Part> values, HoconOrigin origin, string? key)
    {
        for (var i = 1; i < values.Count; i++)
        {
            var (previous, current) = (Describe(values[i - 1].Value!), Describe(values[i].Value!));
            if (previous != current)
                throw new HoconException(values[i].Origin, key,
                    $"cannot concatenate {previous} with {current}; a concatenation is all strings, all arrays or all objects");
        }

        if (values[0].Value is HoconArray)
            return new HoconArray(values.SelectMany(v => ((HoconArray)v.Value!).Items).ToList(), origin);
        var merged = (HoconObject)values[0].Value!;
        for (var i = 1; i < values.Count; i++)
            merged = Merge(merged, (HoconObject)values[i].Value!);
        return merged;
    }

    /// <summary>Object merge from the spec: fields of both, and where both have an object, those merge too; otherwise the upper wins.</summary>
    public static HoconObject Merge(HoconObject lower, HoconObject upper)
    {
        var fields = new OrderedDictionary<string, HoconValue>(lower.Fields, StringComparer.Ordinal);
        foreach (var (key, value) in upper.Fields)
        {
            fields[key] = fields.TryGetValue(key, out var below) && below is HoconObject lowerObject && value is HoconObject upperObject
                ? Merge(lowerObject, upperObject)
                : value;
        }

        return new HoconObject(fields, upper.Origin);
    }

    private static string Describe(HoconValue value) => value switch
    {
        HoconObject => "an object",
        HoconArray => "an array",
        HoconScalar { IsNull: true } => "null",
        _ => "a string",
    };
}
