using Microsoft.Extensions.Configuration;

namespace ActorExec.Configuration.Internal.Flattening;

/// <summary>
/// Flattens a resolved tree into configuration keys the way the JSON provider does: <c>a:b:c</c>,
/// array elements as <c>a:0</c>, empty objects and arrays as a key with a null value. Every key,
/// including those of objects and arrays, gets the origin of its definition.
/// </summary>
internal static class ConfigurationFlattener
{
    public static (Dictionary<string, string?> Data, Dictionary<string, HoconOrigin> Origins) Flatten(HoconObject root)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var origins = new Dictionary<string, HoconOrigin>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in root.Fields)
            Visit(key, value, data, origins);
        return (data, origins);
    }

    private static void Visit(string key, HoconValue value, Dictionary<string, string?> data, Dictionary<string, HoconOrigin> origins)
    {
        origins[key] = value.Origin;
        switch (value)
        {
            case HoconObject { Fields.Count: 0 }:
            case HoconArray { Items.Count: 0 }:
                data[key] = null;
                break;
            case HoconObject obj:
                foreach (var (child, childValue) in obj.Fields)
                    Visit($"{key}{ConfigurationPath.KeyDelimiter}{child}", childValue, data, origins);
                break;
            case HoconArray array:
                for (var i = 0; i < array.Items.Count; i++)
                    Visit($"{key}{ConfigurationPath.KeyDelimiter}{i}", array.Items[i], data, origins);
                break;
            case HoconScalar scalar:
                data[key] = scalar.Value;
                break;
        }
    }
}
