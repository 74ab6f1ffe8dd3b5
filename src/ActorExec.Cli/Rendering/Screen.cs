using System.Text.Json;
using ActorExec.Inspection;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ActorExec.Cli.Rendering;

/// <summary>
/// Where a command prints: Spectre renderables (tables, trees) and plain lines go to the same
/// writer, in order. No colours or ANSI codes, so output is the same on a terminal, in a pipe and in tests.
/// </summary>
internal sealed class Screen(TextWriter writer, int width)
{
    /// <summary>Writes a table, grid or tree without the padding Spectre leaves at line ends and around borders.</summary>
    public void Write(IRenderable renderable)
    {
        using var buffer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(buffer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        console.Write(renderable);
        foreach (var line in Tidy(buffer.ToString()))
        {
            writer.WriteLine(line);
        }
    }

    /// <summary>Writes <paramref name="line"/> as is: no markup, no wrapping at the console width.</summary>
    public void WriteLine(string line = "") => writer.WriteLine(line);

    /// <summary>Writes the document as the contract serializes it, so scripts read what the node meant.</summary>
    public void WriteJson<T>(T document) => writer.WriteLine(JsonSerializer.Serialize(document, InspectionJson.Options));

    /// <summary>
    /// Lines without trailing spaces, and without the blank lines a borderless table's top and bottom
    /// edges leave, so output pastes and greps cleanly.
    /// </summary>
    internal static IEnumerable<string> Tidy(string rendered)
    {
        var lines = rendered.ReplaceLineEndings("\n").Split('\n').Select(line => line.TrimEnd()).ToList();
        var first = lines.FindIndex(line => line.Length > 0);
        var last = lines.FindLastIndex(line => line.Length > 0);
        return first < 0 ? [] : lines.GetRange(first, last - first + 1);
    }
}
