namespace ActorExec.Venues.Credentials;

/// <summary>
/// Where a credential is read from: an environment variable or a file (e.g. a Docker or Kubernetes
/// secret mount), never the configuration itself, so no secret ever sits in the repository.
/// </summary>
/// <param name="Environment">The variable holding the value, or null.</param>
/// <param name="File">The file holding the value (surrounding whitespace trimmed), or null.</param>
public sealed record SecretSource(string? Environment, string? File)
{
    /// <summary>Reads the secret: the file when one is named, else the environment variable.</summary>
    /// <param name="setting">The configuration path, for messages: <c>actorexec.venues.kalshi.private-key</c>.</param>
    /// <param name="environment">Reads an environment variable (the process's when null).</param>
    /// <exception cref="SecretUnavailableException">Neither is set, the variable is empty, or the file cannot be read; the message names the setting, the variable or file, never a value.</exception>
    public Secret Read(string setting, Func<string, string?>? environment = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(setting);
        if (!string.IsNullOrWhiteSpace(File))
        {
            string text;
            try
            {
                text = System.IO.File.ReadAllText(File);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                throw new SecretUnavailableException($"{setting}: cannot read the secret file '{File}': {e.Message}");
            }
            return string.IsNullOrWhiteSpace(text)
                ? throw new SecretUnavailableException($"{setting}: the secret file '{File}' is empty")
                : new Secret(text.Trim(), $"file {File}");
        }
        if (!string.IsNullOrWhiteSpace(Environment))
        {
            var value = (environment ?? System.Environment.GetEnvironmentVariable)(Environment);
            return string.IsNullOrWhiteSpace(value)
                ? throw new SecretUnavailableException($"{setting}: the environment variable {Environment} is not set or empty")
                : new Secret(value.Trim(), $"env {Environment}");
        }
        throw new SecretUnavailableException($"{setting}: name an environment variable ({setting}.env) or a file ({setting}.file) holding the secret");
    }
}

/// <summary>A configured credential could not be read; the message says which and why, never a value.</summary>
public sealed class SecretUnavailableException(string message) : Exception(message);
