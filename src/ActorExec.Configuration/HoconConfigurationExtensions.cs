using Microsoft.Extensions.Configuration;

namespace ActorExec.Configuration;

/// <summary>Adds HOCON to a configuration builder and finds where a configuration key was written.</summary>
public static class HoconConfigurationExtensions
{
    /// <summary>
    /// Adds a HOCON file. A relative path starts from the builder's base path (<c>SetBasePath</c>),
    /// as for JSON files; substitutions fall back to the process environment.
    /// </summary>
    /// <param name="builder">The builder to add to.</param>
    /// <param name="path">The file; origins and messages name it as given here.</param>
    /// <param name="optional">When true a missing file adds nothing; otherwise building the configuration fails.</param>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool optional = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.Add(HoconConfigurationSource.File(path, optional));
    }

    /// <summary>Adds HOCON text; the arguments are those of <see cref="HoconParser.ParseText"/>.</summary>
    public static IConfigurationBuilder AddHoconText(this IConfigurationBuilder builder, string text, string sourceName = "hocon-text",
        Func<string, string?>? environment = null, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(text);
        return builder.Add(HoconConfigurationSource.Text(text, sourceName, environment, baseDirectory));
    }

    /// <summary>
    /// Where <paramref name="key"/> (<c>engine:cooldown</c>) was written, when its value comes from
    /// a HOCON source of this configuration root. False when a later source (an environment
    /// override, say) supplies the value, or when <paramref name="configuration"/> is not a root.
    /// </summary>
    public static bool TryGetHoconOrigin(this IConfiguration configuration, string key, out HoconOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        origin = default;
        if (configuration is not IConfigurationRoot root)
            return false;

        var providers = root.Providers.Reverse().ToList();
        foreach (var provider in providers)
        {
            if (provider.TryGet(key, out _))
                return provider is HoconConfigurationProvider hocon && hocon.TryGetOrigin(key, out origin);
        }

        foreach (var provider in providers.OfType<HoconConfigurationProvider>())
        {
            if (provider.TryGetOrigin(key, out origin))
                return true;
        }

        return false;
    }
}
