using ActorExec.Configuration;
using Microsoft.Extensions.Configuration;

namespace ActorExec.Node.Configuration;

/// <summary>
/// Loads a node's configuration in layers: the profile file from the shipped <c>hocon/</c> directory
/// (which includes reference.conf), the user's <c>--config</c> file, environment variables
/// <c>ACTOREXEC__section__key</c>, then the command line. Bad values fail with their origin; unknown
/// keys are warnings that name the closest known key.
/// </summary>
internal static class NodeConfiguration
{
    public static readonly string[] Profiles = ["paper", "cluster", "live"];

    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, "hocon");

    /// <summary>The merged configuration and the settings read from it; warnings for unknown keys.</summary>
    /// <exception cref="NodeConfigurationException">A file is malformed or a value is invalid.</exception>
    public static (IConfigurationRoot Configuration, NodeSettings Settings, IReadOnlyList<string> Warnings) Load(
        NodeArguments arguments, IDictionary<string, string?>? environment = null)
    {
        if (!Profiles.Contains(arguments.Profile, StringComparer.Ordinal))
            throw new NodeConfigurationException([$"--profile: unknown profile '{arguments.Profile}'; expected one of {string.Join(", ", Profiles)}"]);
        var profileFile = Path.Combine(ShippedDirectory, arguments.Profile + ".conf");
        var builder = new ConfigurationBuilder();
        try
        {
            builder.AddHoconFile(profileFile);
            if (arguments.ConfigFile is { } file)
            {
                if (!File.Exists(file))
                    throw new NodeConfigurationException([$"--config: the file '{Path.GetFullPath(file)}' does not exist"]);
                builder.AddHoconFile(Path.GetFullPath(file));
            }
        }
        catch (HoconException e)
        {
            throw new NodeConfigurationException([e.Message]);
        }
        builder.Add(environment is null ? EnvironmentLayer.FromProcess() : new EnvironmentLayer(environment));
        builder.AddInMemoryCollection(CommandLineOverrides(arguments));

        IConfigurationRoot configuration;
        try
        {
            configuration = builder.Build();
        }
        catch (HoconException e)
        {
            throw new NodeConfigurationException([e.Message]);
        }
        var read = new SettingsReader(configuration, key => Origin(configuration, key));
        var settings = NodeSettingsReader.Read(read, arguments.Profile);
        if (read.Errors.Count > 0)
            throw new NodeConfigurationException(read.Errors);
        var warnings = HoconKeyCheck.UnknownKeys(configuration, KnownKeys()).Select(w => w.Message).ToList();
        return (configuration, settings, warnings);
    }

    /// <summary>reference.conf is the schema: its keys, with each venue's name as a wildcard.</summary>
    private static IEnumerable<string> KnownKeys()
    {
        // A live venue's market map is the user's own: our market id → the venue's id.
        yield return NodeSettingsReader.Root + ".venues.*.live.markets.*";
        var reference = new ConfigurationBuilder().AddHoconFile(Path.Combine(ShippedDirectory, "reference.conf")).Build();
        foreach (var (key, _) in reference.AsEnumerable())
        {
            var path = key.Replace(':', '.');
            yield return path;
            foreach (var defaults in (string[])["venue-defaults", "live-kalshi-defaults", "live-polymarket-defaults"])
            {
                var prefix = $"{NodeSettingsReader.Root}.{defaults}.";
                if (path.StartsWith(prefix, StringComparison.Ordinal))
                    yield return NodeSettingsReader.Root + ".venues.*." + path[prefix.Length..];
            }
            if (path.StartsWith(NodeSettingsReader.Root + ".venues.", StringComparison.Ordinal))
            {
                var parts = path.Split('.');
                if (parts.Length > 3)
                    yield return string.Join('.', parts.Take(2).Append("*").Concat(parts.Skip(3)));
            }
        }
    }

    private static Dictionary<string, string?> CommandLineOverrides(NodeArguments arguments)
    {
        var overrides = new Dictionary<string, string?>();
        if (arguments.NodeId is { } id)
            overrides["actorexec:node:id"] = id;
        if (arguments.Port is { } port)
            overrides["actorexec:inspection:port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (arguments.DataDir is { } data)
            overrides["actorexec:node:data-dir"] = data;
        return overrides;
    }

    /// <summary>file:line:column of the value that won, or the layer that set it (environment, command line).</summary>
    private static string? Origin(IConfigurationRoot configuration, string key)
    {
        foreach (var provider in configuration.Providers.Reverse())
        {
            if (!provider.TryGet(key, out _))
                continue;
            return provider switch
            {
                HoconConfigurationProvider hocon when hocon.TryGetOrigin(key, out var origin) => origin.ToString(),
                EnvironmentLayer => "environment " + EnvironmentLayer.Prefix + key["actorexec:".Length..].Replace(":", "__", StringComparison.Ordinal),
                _ => "command line",
            };
        }
        return null;
    }
}
