using ActorExec.Cli.Rendering;

namespace ActorExec.Cli.Tests.Rendering;

public sealed class ScreenSpec
{
    [Fact]
    public void Write_Table_LeavesNoTrailingSpacesNorBlankEdgeLines()
    {
        using var output = new StringWriter();
        var screen = new Screen(output, 160);

        screen.Write(Tables.Create("Venue", "State").AddTextRow("paper", "closed"));

        var lines = output.ToString().Split(Environment.NewLine);
        lines[0].Should().Be("  Venue   State");
        lines[2].Should().Be("  paper   closed");
        lines[^1].Should().BeEmpty("the output ends with a newline");
        lines.Should().HaveCount(4).And.OnlyContain(line => line == line.TrimEnd());
    }

    [Fact]
    public void Write_TextThatLooksLikeMarkup_IsPrintedLiterally()
    {
        using var output = new StringWriter();
        var screen = new Screen(output, 160);

        screen.Write(Tables.Create("Market").AddTextRow("[red]btc[/] [[x]]"));
        screen.Write(Tables.Facts(("hedge", "[bold]h-1")));

        output.ToString().Should().Contain("[red]btc[/] [[x]]").And.Contain("[bold]h-1");
    }

    [Theory]
    [InlineData("", new string[0])]
    [InlineData("   \n  a  \n\n  b\n   \n", new[] { "  a", "", "  b" })]
    public void Tidy_TrimsLineEndsAndBlankEdges(string rendered, string[] expected) =>
        Screen.Tidy(rendered).Should().Equal(expected);
}
