using ActorExec.Cli.Tests.Fakes;
using ActorExec.Inspection;

namespace ActorExec.Cli.Tests.Commands;

public sealed class BreakerCommandsSpec : FakeNodeSpec
{
    [Fact]
    public async Task Breakers_PrintsEachVenuesBreaker()
    {
        Node.Serve("GET", InspectionRoutes.Breakers, Samples.Node().Venues);

        var result = await RunAsync("breakers");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().MatchRegex(@"Venue\s+State\s+Failures\s+Open until\s+Reconciled\s+Last reconciled");
        result.Stdout.Should().MatchRegex(@"kalshi\s+open\s+3\s+2025-06-01 12:00:30Z\s+no");
        result.Stdout.Should().MatchRegex(@"paper\s+closed\s+0\s+-\s+yes");
    }

    [Fact]
    public async Task Breakers_NoVenues_SaysSo()
    {
        Node.Serve("GET", InspectionRoutes.Breakers, Array.Empty<BreakerInfo>());

        var result = await RunAsync("breakers");

        result.Stdout.Should().Be("no venues." + Environment.NewLine);
    }
}
