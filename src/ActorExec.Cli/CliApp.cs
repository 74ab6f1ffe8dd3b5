using System.CommandLine;
using System.CommandLine.Invocation;
using ActorExec.Cli.Commands;
using ActorExec.Cli.Rendering;

namespace ActorExec.Cli;

/// <summary>
/// The <c>actorexec</c> entry point, with its writers passed in so tests run it in-process. Every
/// failure ends as one <c>error: ...</c> line on stderr and an exit code from <see cref="ExitCodes"/>.
/// </summary>
internal static class CliApp
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdout, stderr, CliEnvironment.Fixed);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CliEnvironment environment)
    {
        var runner = new CommandRunner(new GlobalOptions(environment), new Screen(stdout, environment.ConsoleWidth));
        var parsed = CommandTree.Build(runner, environment.Time).Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            // System.CommandLine would answer 1 and the whole help; usage errors are 2, as in most Unix tools.
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }
            await stderr.WriteLineAsync("(actorexec --help for usage)").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return await parsed.InvokeAsync(invocation).ConfigureAwait(false);
        }
        catch (CliException failure)
        {
            await stderr.WriteLineAsync($"error: {failure.Message}").ConfigureAwait(false);
            return failure.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("error: interrupted").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
#pragma warning disable CA1031 // The promise is one line and an exit code, never a stack trace, even for our own bugs.
        catch (Exception bug)
#pragma warning restore CA1031
        {
            await stderr.WriteLineAsync($"error: unexpected failure ({bug.GetType().Name}: {bug.Message}); please report it").ConfigureAwait(false);
            return ExitCodes.Unexpected;
        }
    }
}
