using ActorExec.Cli.Tests.Fakes;
using ActorExec.Inspection;

namespace ActorExec.Cli.Tests.Commands;

public sealed class GlobalOptionsSpec : FakeNodeSpec
{
    [Fact]
    public async Task Token_Given_IsSentAsABearerToken()
    {
        Node.Serve("GET", InspectionRoutes.Breakers, Samples.Node().Venues);

        await RunAsync("breakers", "--token", "s3cret");

        Node.SingleRequest.Authorization.Should().Be("Bearer s3cret");
    }

    [Fact]
    public async Task Token_FromTheEnvironment_IsSentWhenNoOptionIsGiven()
    {
        Node.Serve("GET", InspectionRoutes.Breakers, Samples.Node().Venues);

        await CliRun.RunAsync(new Dictionary<string, string> { ["ACTOREXEC_TOKEN"] = "from-env" }, "breakers", "--node", Node.Address);

        Node.SingleRequest.Authorization.Should().Be("Bearer from-env");
    }

    [Fact]
    public async Task Token_OptionAndEnvironment_TheOptionWins()
    {
        Node.Serve("GET", InspectionRoutes.Breakers, Samples.Node().Venues);

        await CliRun.RunAsync(new Dictionary<string, string> { ["ACTOREXEC_TOKEN"] = "from-env" }, "breakers", "--node", Node.Address, "--token", "given");

        Node.SingleRequest.Authorization.Should().Be("Bearer given");
    }

    [Fact]
    public async Task Token_None_SendsNoAuthorizationHeader()
    {
        Node.Serve("GET", InspectionRoutes.Breakers, Samples.Node().Venues);

        await RunAsync("breakers");

        Node.SingleRequest.Authorization.Should().BeNull();
    }

    [Fact]
    public async Task Node_FromTheEnvironment_IsUsedWhenNoOptionIsGiven()
    {
        Node.Serve("GET", InspectionRoutes.Breakers, Samples.Node().Venues);

        var result = await CliRun.RunAsync(new Dictionary<string, string> { ["ACTOREXEC_NODE"] = Node.Address }, "breakers");

        result.ExitCode.Should().Be(0, result.Stderr);
        Node.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Node_OptionBeforeTheCommand_IsUsedToo()
    {
        Node.Serve("GET", InspectionRoutes.Breakers, Samples.Node().Venues);

        var result = await CliRun.RunAsync("--node", Node.Address, "--json", "breakers");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().StartWith("[");
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:65536")]
    [InlineData(":9110")]
    [InlineData("http://127.0.0.1:9110")]
    [InlineData("::1:9110")]
    [InlineData("bad host:9110")]
    public async Task Node_NotHostColonPort_IsAUsageErrorNamingTheValue(string node)
    {
        var result = await CliRun.RunAsync("breakers", "--node", node);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Be($"error: invalid --node value '{node}': expected host:port, e.g. 127.0.0.1:9110{Environment.NewLine}");
    }

    [Fact]
    public async Task Node_InvalidInTheEnvironment_NamesTheVariable()
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string> { ["ACTOREXEC_NODE"] = "nowhere" }, "breakers");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().StartWith("error: invalid ACTOREXEC_NODE value 'nowhere'");
    }

    [Fact]
    public async Task Timeout_NodeNeverAnswers_GivesUpAndSaysHowLongItWaited()
    {
        Node.ServeNothing("GET", InspectionRoutes.Node);

        var result = await RunAsync("node", "show", "--timeout", "0.2");

        result.ExitCode.Should().Be(3);
        result.Stderr.Should().Be(
            $"error: the ActorExec node at {Node.Address} did not answer GET /api/v1/node within 0.2 s (--timeout seconds){Environment.NewLine}");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("soon")]
    public async Task Timeout_NotAPositiveNumber_IsAUsageError(string timeout)
    {
        var result = await RunAsync("node", "show", "--timeout", timeout);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("--timeout");
        Node.Requests.Should().BeEmpty();
    }
}
