namespace ActorExec.Cli.Tests.Fakes;

/// <summary>What one in-process run of <c>actorexec</c> printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs <c>actorexec</c> in-process with captured output, a fixed clock and only the environment variables given.</summary>
public static class CliRun
{
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string>? variables, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var environment = new CliEnvironment(
            name => variables is not null && variables.TryGetValue(name, out var value) ? value : null,
            new FixedTime(),
            CliEnvironment.DefaultWidth);
        var exitCode = await CliApp.RunAsync(args, stdout, stderr, environment);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(null, args);
}
