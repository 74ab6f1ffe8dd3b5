using ActorExec.Cli.Tests.Fakes;
using ActorExec.Inspection;

namespace ActorExec.Cli.Tests.Commands;

public sealed class InFlightCommandsSpec : FakeNodeSpec
{
    [Fact]
    public async Task InFlight_PrintsEachMarketWithItsExecution()
    {
        Node.Serve("GET", InspectionRoutes.InFlight, Samples.InFlight());

        var result = await RunAsync("inflight");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().MatchRegex(@"btc-100k\s+2025-06-01 11:56:50Z\s+exec-78");
    }

    [Fact]
    public async Task InFlight_Nothing_SaysSo()
    {
        Node.Serve("GET", InspectionRoutes.InFlight, Array.Empty<InFlightInfo>());

        var result = await RunAsync("inflight");

        result.Stdout.Should().Be("no executions in flight." + Environment.NewLine);
    }
}
