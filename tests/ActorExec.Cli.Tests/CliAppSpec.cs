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
    [InlineData("cluster")]
    [InlineData("shards")]
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
        result.Stdout.Should().ContainAll("Exit codes:", "node", "cluster", "shards", "actor", "markets", "market", "orders", "order", "breakers", "inflight",
            "reconcile", "halt", "resume", "reduce-only", "log", "metrics", "--node", "--token", "--json", "--timeout");
        result.Stdout.Should().MatchRegex(@"3\s+the node cannot be reached").And.MatchRegex(@"7\s+the node's answer is not the JSON");
    }

    [Fact]
    public async Task RunAsync_Help_ListsTheClusterCommandsWithOneLineDescriptions()
    {
        var root = await CliRun.RunAsync("--help");
        var cluster = await CliRun.RunAsync("cluster", "--help");
        var shards = await CliRun.RunAsync("shards", "--help");

        root.Stdout.Should().MatchRegex(@"\n  cluster\s+The cluster this node belongs to: .+\n")
            .And.MatchRegex(@"\n  shards\s+Shard ownership across the cluster\n")
            .And.MatchRegex(@"5\s+not found \(404\): .*up cluster member")
            .And.MatchRegex(@"6\s+the node answered another error \(4xx/5xx\), e.g. 409: the node runs alone");
        cluster.Stdout.Should().MatchRegex(@"\n  show\s+Members: .+ marked \*\n")
            .And.MatchRegex(@"\n  leave <node-id>\s+Ask a member to leave: .+\(needs the token\)\n");
        shards.Stdout.Should().MatchRegex(@"\n  show\s+Each shard's owner, epoch and lease.+\n");
    }

    [Fact]
    public async Task RunAsync_Help_NeverPrintsTheTokenFromTheEnvironment()
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string> { ["ACTOREXEC_TOKEN"] = "top-secret" }, "breakers", "--help");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().NotContain("top-secret");
    }
}
