namespace ActorExec.Cli;

/// <summary>
/// An expected failure (usage, network, node error) that ends the command with one line on stderr
/// and <see cref="ExitCode"/>; never shown as a stack trace.
/// </summary>
internal sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
