namespace ActorExec.Cli;

/// <summary>
/// What the CLI takes from its process — environment variables, the clock, the terminal width — so
/// tests can run it in-process, in parallel, without touching the real environment.
/// </summary>
internal sealed record CliEnvironment(Func<string, string?> Variable, TimeProvider Time, int ConsoleWidth)
{
    /// <summary>Wide enough that tables rarely wrap, and fixed, so captured output is deterministic.</summary>
    public const int DefaultWidth = 160;

    public const string NodeVariable = "ACTOREXEC_NODE";
    public const string TokenVariable = "ACTOREXEC_TOKEN";

    /// <summary>The real process environment, at the fixed <see cref="DefaultWidth"/>.</summary>
    public static CliEnvironment Fixed { get; } = new(Environment.GetEnvironmentVariable, TimeProvider.System, DefaultWidth);

    /// <summary>The real process environment; tables fit the terminal when there is one.</summary>
    public static CliEnvironment FromProcess()
    {
        var width = DefaultWidth;
        if (!Console.IsOutputRedirected)
        {
            try
            {
                width = Math.Max(Console.WindowWidth, 80);
            }
            catch (IOException)
            {
                // No terminal after all (some CI shells); keep the fixed width.
            }
        }
        return Fixed with { ConsoleWidth = width };
    }
}
