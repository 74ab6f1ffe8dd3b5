using System.Collections;
using Microsoft.Extensions.Configuration;

namespace ActorExec.Node.Configuration;

/// <summary>Environment variables <c>ACTOREXEC__section__key</c> as configuration keys (<c>section:key</c>).</summary>
internal sealed class EnvironmentLayer(IDictionary<string, string?> variables) : ConfigurationProvider, IConfigurationSource
{
    public const string Prefix = "ACTOREXEC__";

    public static EnvironmentLayer FromProcess()
        => new(Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value));

    public override void Load()
        => Data = variables.Where(v => v.Key.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(v => "actorexec:" + v.Key[Prefix.Length..].Replace("__", ":", StringComparison.Ordinal), v => v.Value, StringComparer.OrdinalIgnoreCase);

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;
}
