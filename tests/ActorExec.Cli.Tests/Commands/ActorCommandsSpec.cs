using ActorExec.Cli.Tests.Fakes;
using ActorExec.Inspection;

namespace ActorExec.Cli.Tests.Commands;

public sealed class ActorCommandsSpec : FakeNodeSpec
{
    [Fact]
    public async Task ActorHierarchy_WithDepth_AsksForThatDepthAndPrintsTheTreeWithHiddenChildren()
    {
        Node.Serve("GET", InspectionRoutes.Actors, Samples.Actors());

        var result = await RunAsync("actor", "hierarchy", "--depth", "2");

        result.ExitCode.Should().Be(0, result.Stderr);
        Node.SingleRequest.Query.Should().Equal(new Dictionary<string, string> { ["depth"] = "2" });
        var lines = result.Stdout.Split('\n');
        lines[0].Should().Be("user (Guardian)");
        result.Stdout.Should().ContainAll(
            "markets (MarketRegion) (+16 more)",
            "btc-100k (MarketActor)",
            "orders (OrderSupervisor) (+208 more)");
        result.Stdout.Should().NotContain("btc-100k (MarketActor) (+");
    }

    [Fact]
    public async Task ActorHierarchy_WithoutDepth_LeavesTheDepthToTheNode()
    {
        Node.Serve("GET", InspectionRoutes.Actors, Samples.Actors());

        var result = await RunAsync("actor", "hierarchy");

        result.ExitCode.Should().Be(0, result.Stderr);
        Node.SingleRequest.Query.Should().BeEmpty();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("two")]
    public async Task ActorHierarchy_DepthNotAPositiveNumber_IsAUsageErrorWithoutARequest(string depth)
    {
        var result = await RunAsync("actor", "hierarchy", "--depth", depth);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().StartWith("error: ").And.Contain("--depth");
        Node.Requests.Should().BeEmpty();
    }
}
