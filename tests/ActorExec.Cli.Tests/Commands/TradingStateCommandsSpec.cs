using ActorExec.Cli.Tests.Fakes;
using ActorExec.Inspection;

namespace ActorExec.Cli.Tests.Commands;

public sealed class TradingStateCommandsSpec : FakeNodeSpec
{
    [Theory]
    [InlineData("halt", "/halted", "halted")]
    [InlineData("resume", "/active", "active")]
    [InlineData("reduce-only", "/reduce-only", "reducing")]
    public async Task Command_PostsToItsTradingStateRouteAndPrintsTheNewState(string command, string route, string state)
    {
        Node.Serve("POST", InspectionRoutes.TradingState + route, new TradingStateInfo(state));

        var result = await RunAsync(command, "--token", "s3cret");

        result.ExitCode.Should().Be(0, result.Stderr);
        Node.SingleRequest.Should().BeEquivalentTo(
            new RecordedRequest("POST", InspectionRoutes.TradingState + route, new Dictionary<string, string>(), "Bearer s3cret"),
            o => o.ComparingRecordsByMembers());
        result.Stdout.Should().Be($"trading state: {state}{Environment.NewLine}");
    }
}
