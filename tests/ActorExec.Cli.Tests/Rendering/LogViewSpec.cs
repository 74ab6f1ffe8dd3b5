using ActorExec.Cli.Rendering;

namespace ActorExec.Cli.Tests.Rendering;

public sealed class LogViewSpec
{
    [Theory]
    [InlineData("Verbose", "VRB")]
    [InlineData("Debug", "DBG")]
    [InlineData("Information", "INF")]
    [InlineData("Warning", "WRN")]
    [InlineData("Error", "ERR")]
    [InlineData("Fatal", "FTL")]
    [InlineData("Critical", "FTL")]
    [InlineData("notice", "NOT")]
    [InlineData("ok", "OK")]
    public void Abbreviate_Level_GivesThreeLetters(string level, string expected) =>
        LogView.Abbreviate(level).Should().Be(expected);
}
