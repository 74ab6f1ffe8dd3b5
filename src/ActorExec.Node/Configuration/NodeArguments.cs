namespace ActorExec.Node.Configuration;

/// <summary>What the command line asked for; each non-null value overrides the configuration files.</summary>
internal sealed record NodeArguments(string? ConfigFile, string Profile, string? NodeId, int? Port, string? DataDir);
