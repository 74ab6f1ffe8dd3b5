using System.Text.Json;
using ActorExec.Inspection;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ActorExec.Cli.Rendering;

/// <summary>
/// Where a command prints: Spectre renderables (tables, trees) and plain lines go to the same
/// writer, in order. No colours or ANSI codes, so output is the same on a terminal, in a pipe and in tests.
/// </summary>
internal sealed class Screen
{
    private readonly TextWriter writer;
    private readonly IAnsiConsole console;

    public Screen(TextWriter writer, int width)
    {
        this.writer = writer;
        console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
    }

    public void Write(IRenderable renderable) => console.Write(renderable);

    /// <summary>Writes <paramref name="line"/> as is: no markup, no wrapping at the console width.</summary>
    public void WriteLine(string line = "") => writer.WriteLine(line);

    /// <summary>Writes the document as the contract serializes it, so scripts read what the node meant.</summary>
    public void WriteJson<T>(T document) => writer.WriteLine(JsonSerializer.Serialize(document, InspectionJson.Options));
}
