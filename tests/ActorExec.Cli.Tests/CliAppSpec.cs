using ActorExec.Cli.Tests.Fakes;

namespace ActorExec.Cli.Tests;

public sealed class CliAppSpec
{
    [Fact]
    public async Task RunAsync_UnknownCommand_ExitsTwoWithTheParsersMessage()
    {
        var result = await CliRun.RunAsync("frobnicate");

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Contain("error: Unrecognized command or argument 'frobnicate'.")
            .And.EndWith("(actorexec --help for usage)" + Environment.NewLine);
    }

    [Fact]
    public async Task RunAsync_UnknownOption_ExitsTwo()
    {
        var result = await CliRun.RunAsync("breakers", "--colour");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("'--colour'");
    }

    [Theory]
    [InlineData]
    [InlineData("node")]
    [InlineData("orders")]
    public async Task RunAsync_GroupWithoutItsCommand_ExitsTwo(params string[] args)
    {
        var result = await CliRun.RunAsync(args);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().StartWith("error: ");
    }

    [Fact]
    public async Task RunAsync_Help_ListsTheCommandsAndTheExitCodes()
    {
        var result = await CliRun.RunAsync("--help");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().ContainAll("Exit codes:", "node", "actor", "markets", "market", "orders", "order", "breakers", "inflight",
            "reconcile", "halt", "resume", "reduce-only", "log", "metrics", "--node", "--token", "--json", "--timeout");
        result.Stdout.Should().MatchRegex(@"3\s+the node cannot be reached").And.MatchRegex(@"7\s+the node's answer is not the JSON");
    }

    [Fact]
    public async Task RunAsync_Help_NeverPrintsTheTokenFromTheEnvironment()
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string> { ["ACTOREXEC_TOKEN"] = "top-secret" }, "breakers", "--help");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().NotContain("top-secret");
    }
}
