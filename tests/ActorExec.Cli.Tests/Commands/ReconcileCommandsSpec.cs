using ActorExec.Cli.Tests.Fakes;
using ActorExec.Inspection;

namespace ActorExec.Cli.Tests.Commands;

public sealed class ReconcileCommandsSpec : FakeNodeSpec
{
    [Fact]
    public async Task ReconcileNow_WithAVenue_PostsForThatVenueAndPrintsItsMismatches()
    {
        Node.Serve("POST", InspectionRoutes.Reconcile, Samples.Reconcile());

        var result = await RunAsync("reconcile", "now", "--venue", "kalshi");

        result.ExitCode.Should().Be(0, result.Stderr);
        Node.SingleRequest.Method.Should().Be("POST");
        Node.SingleRequest.Query.Should().Equal(new Dictionary<string, string> { ["venue"] = "kalshi" });
        result.Stdout.Should().Be(string.Join(Environment.NewLine,
            "kalshi: 2 mismatches, 1 resolved (at 2025-06-01 11:56:50Z)",
            "  - order c-55 open at the venue but unknown to the journal",
            "  - position yes: venue 10, journal 0",
            "paper: no mismatches, 0 resolved (at 2025-06-01 11:56:50Z)",
            ""));
    }

    [Fact]
    public async Task ReconcileNow_WithoutAVenue_PostsForEveryVenue()
    {
        Node.Serve("POST", InspectionRoutes.Reconcile, Samples.Reconcile());

        var result = await RunAsync("reconcile", "now");

        result.ExitCode.Should().Be(0, result.Stderr);
        Node.SingleRequest.Should().Match<RecordedRequest>(r => r.Method == "POST" && r.Query.Count == 0);
    }
}
