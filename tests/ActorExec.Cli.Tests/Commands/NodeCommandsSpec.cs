using System.Text.Json;
using ActorExec.Cli.Tests.Fakes;
using ActorExec.Inspection;

namespace ActorExec.Cli.Tests.Commands;

public sealed class NodeCommandsSpec : FakeNodeSpec
{
    [Fact]
    public async Task NodeShow_AgainstANode_PrintsIdentityUptimeStoreActorsTradingStateAndVenues()
    {
        Node.Serve("GET", InspectionRoutes.Node, Samples.Node());

        var result = await RunAsync("node", "show");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().ContainAll(
            "node-a1", "paper", "0.4.2",
            "2h 03m 10s (since 2025-06-01 09:56:50Z)",
            "sqlite /var/lib/actorexec/journal.db",
            "1234 total, 17 markets, 208 orders",
            "active");
        result.Stdout.Should().MatchRegex(@"kalshi\s+open\s+3\s+2025-06-01 12:00:30Z\s+no\s+-");
        result.Stdout.Should().MatchRegex(@"paper\s+closed\s+0\s+-\s+yes\s+2025-06-01 10:01:50Z");
        Node.SingleRequest.Should().BeEquivalentTo(new RecordedRequest("GET", InspectionRoutes.Node, new Dictionary<string, string>(), null),
            o => o.ComparingRecordsByMembers());
    }

    [Fact]
    public async Task NodeShow_Json_PrintsTheContractSerializationThatParsesBack()
    {
        var node = Samples.Node();
        Node.Serve("GET", InspectionRoutes.Node, node);

        var result = await RunAsync("node", "show", "--json");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.TrimEnd().Should().Be(JsonSerializer.Serialize(node, InspectionJson.Options));
        JsonSerializer.Deserialize<NodeInfo>(result.Stdout, InspectionJson.Options)
            .Should().BeEquivalentTo(node, o => o.ComparingRecordsByMembers());
    }
}
