using ActorExec.Configuration.Internal.Flattening;
using Microsoft.Extensions.Configuration;

namespace ActorExec.Configuration;

/// <summary>
/// Configuration read from HOCON: the resolved tree flattened to <c>a:b:c</c> keys (arrays as
/// <c>a:0</c>), values as written (<c>10s</c> stays <c>10s</c>; convert with <see cref="HoconDurations"/>),
/// and the file, line and column where every key was defined.
/// </summary>
public sealed class HoconConfigurationProvider : ConfigurationProvider
{
    private readonly Func<HoconDocument?> _read;
    private readonly string _description;
    private Dictionary<string, HoconOrigin> _origins = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="read">Parses the configuration; null means an optional file is absent.</param>
    /// <param name="description">Names the source in <see cref="ToString"/>.</param>
    internal HoconConfigurationProvider(Func<HoconDocument?> read, string description)
    {
        _read = read;
        _description = description;
    }

    /// <summary>Parses and resolves the HOCON; a malformed source throws a located <see cref="HoconException"/>.</summary>
    public override void Load()
    {
        var document = _read();
        if (document is null)
        {
            Data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            _origins = new Dictionary<string, HoconOrigin>(StringComparer.OrdinalIgnoreCase);
            return;
        }

        (Data, _origins) = ConfigurationFlattener.Flatten(document.Root);
    }

    /// <summary>Where the configuration key (<c>engine:cooldown</c>, case-insensitive) was defined, for messages like <c>hocon/paper.conf:12:3: engine.cooldown: ...</c>.</summary>
    public bool TryGetOrigin(string key, out HoconOrigin origin) => _origins.TryGetValue(key, out origin);

    /// <inheritdoc />
    public override string ToString() => $"{nameof(HoconConfigurationProvider)} ({_description})";
}
