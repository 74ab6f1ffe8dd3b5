using ActorExec.Configuration.Internal.KeyCheck;
using Microsoft.Extensions.Configuration;

namespace ActorExec.Configuration;

/// <summary>Finds configuration keys that nothing reads, so a typo in a file warns instead of silently using a default.</summary>
public static class HoconKeyCheck
{
    /// <summary>
    /// One warning per leaf key of <paramref name="configuration"/> that no known path covers,
    /// naming where it was written and the closest known key. Known paths are dotted
    /// (<c>engine.cooldown</c>); <c>*</c> matches one segment (<c>venues.*.rate-limit</c>), a trailing
    /// <c>**</c> anything below, and a path also covers its array elements (<c>seeds</c> covers <c>seeds:0</c>).
    /// Pass the configuration root to get origins; for a section, keys are relative to it.
    /// </summary>
    public static IReadOnlyList<HoconKeyWarning> UnknownKeys(IConfiguration configuration, IEnumerable<string> knownKeyPaths)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(knownKeyPaths);
        var known = knownKeyPaths.Select(KnownKeyPattern.Parse).ToList();
        var entries = configuration.AsEnumerable(makePathsRelative: true).Where(e => e.Key.Length > 0).ToList();
        var parents = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, _) in entries)
        {
            for (var at = key.LastIndexOf(':'); at > 0; at = key.LastIndexOf(':', at - 1))
                parents.Add(key[..at]);
        }

        var warnings = new List<HoconKeyWarning>();
        foreach (var (key, value) in entries.OrderBy(e => e.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (parents.Contains(key))
                continue;
            var segments = key.Split(':');
            if (known.Any(pattern => pattern.Covers(segments, isEmptyContainer: value is null)))
                continue;
            warnings.Add(Warn(configuration, key, segments, known));
        }

        return warnings;
    }

    private static HoconKeyWarning Warn(IConfiguration configuration, string key, string[] segments, List<KnownKeyPattern> known)
    {
        HoconOrigin? origin = configuration.TryGetHoconOrigin(key, out var found) ? found : null;
        var suggestion = KeySuggestion.Closest(segments, known);
        var where = origin?.ToString() ?? SourceOf(configuration, key);
        var hint = suggestion is null ? "" : $" (did you mean '{suggestion}'?)";
        return new HoconKeyWarning(key, origin, suggestion, $"{where}: unknown key '{string.Join('.', segments)}'{hint}");
    }

    /// <summary>The provider that supplies the key, for keys that did not come from HOCON.</summary>
    private static string SourceOf(IConfiguration configuration, string key) =>
        (configuration as IConfigurationRoot)?.Providers.Reverse().FirstOrDefault(p => p.TryGet(key, out _))?.ToString() ?? "configuration";
}
