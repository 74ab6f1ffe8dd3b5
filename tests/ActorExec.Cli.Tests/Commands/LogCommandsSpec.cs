using ActorExec.Cli.Tests.Fakes;
using ActorExec.Inspection;

namespace ActorExec.Cli.Tests.Commands;

public sealed class LogCommandsSpec : FakeNodeSpec
{
    [Fact]
    public async Task LogPeek_PrintsOneLinePerEventWithTimeLevelAndMessage()
    {
        Node.Serve("GET", InspectionRoutes.Logs, Samples.Logs());

        var result = await RunAsync("log", "peek");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Be(string.Join(Environment.NewLine,
            "11:59:58.123 INF Market btc-100k placed c-101",
            "11:59:59.007 WRN Venue kalshi breaker opened",
            ""));
        Node.SingleRequest.Query.Should().BeEmpty();
    }

    [Fact]
    public async Task LogPeek_WithLevelAndCount_SendsBoth()
    {
        Node.Serve("GET", InspectionRoutes.Logs, Samples.Logs());

        var result = await RunAsync("log", "peek", "--level", "Warning", "--count", "50");

        result.ExitCode.Should().Be(0, result.Stderr);
        Node.SingleRequest.Query.Should().Equal(new Dictionary<string, string> { ["level"] = "Warning", ["count"] = "50" });
    }
}
