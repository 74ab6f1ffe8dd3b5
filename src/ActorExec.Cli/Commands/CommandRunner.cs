using System.CommandLine;
using ActorExec.Cli.Http;
using ActorExec.Cli.Rendering;

namespace ActorExec.Cli.Commands;

/// <summary>
/// What every command does: connect with the global options, make one call, then print the
/// document — as JSON with <c>--json</c>, through its view otherwise. Failures leave as <see cref="CliException"/>.
/// </summary>
internal sealed class CommandRunner(GlobalOptions options, Screen screen)
{
    public GlobalOptions Options => options;

    public void Handle<T>(Command command, Func<ParseResult, InspectionClient, CancellationToken, Task<T>> call, Action<T, Screen> render)
    {
        command.SetAction(async (result, ct) =>
        {
            using var client = options.Connect(result);
            var document = await call(result, client, ct).ConfigureAwait(false);
            if (options.WantsJson(result))
            {
                screen.WriteJson(document);
            }
            else
            {
                render(document, screen);
            }
            return ExitCodes.Success;
        });
    }
}
