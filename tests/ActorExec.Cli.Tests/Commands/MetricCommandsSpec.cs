using ActorExec.Cli.Tests.Fakes;
using ActorExec.Inspection;

namespace ActorExec.Cli.Tests.Commands;

public sealed class MetricCommandsSpec : FakeNodeSpec
{
    [Fact]
    public async Task Metrics_PrintsEachInstrumentWithItsTags()
    {
        Node.Serve("GET", InspectionRoutes.Metrics, Samples.Metrics());

        var result = await RunAsync("metrics");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().MatchRegex(@"orders.placed\s+counter\s+venue=kalshi\s+42\s+-\s+-\s+-");
        result.Stdout.Should().MatchRegex(@"order.latency.ms\s+histogram\s+-\s+3.5\s+1000\s+2.25\s+9.875");
    }
}
