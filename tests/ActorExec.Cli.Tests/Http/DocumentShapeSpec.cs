using System.Text.Json;
using ActorExec.Cli.Http;
using ActorExec.Cli.Tests.Fakes;
using ActorExec.Inspection;

namespace ActorExec.Cli.Tests.Http;

public sealed class DocumentShapeSpec
{
    [Fact]
    public void FindMissing_CompleteDocuments_FindsNothing()
    {
        DocumentShape.FindMissing(Samples.Node()).Should().BeNull();
        DocumentShape.FindMissing(Samples.Market()).Should().BeNull();
        DocumentShape.FindMissing(Samples.Order()).Should().BeNull();
        DocumentShape.FindMissing(Samples.Actors()).Should().BeNull();
        DocumentShape.FindMissing(Samples.Metrics()).Should().BeNull();
        DocumentShape.FindMissing(Samples.Cluster()).Should().BeNull();
        DocumentShape.FindMissing(Samples.Shards()).Should().BeNull("an unowned shard's owner and expiry are optional");
    }

    [Fact]
    public void FindMissing_NullOptionalMembers_AreFine()
    {
        DocumentShape.FindMissing(new InFlightInfo("m", FixedTime.Now, ExecutionId: null)).Should().BeNull();
    }

    [Fact]
    public void FindMissing_RequiredMemberAbsentFromTheJson_NamesItsPath()
    {
        var order = JsonSerializer.Deserialize<OrderDetail>("""{ "order": { "client_order_id": "c-1" }, "fees": 0, "events": [] }""", InspectionJson.Options)!;

        DocumentShape.FindMissing(order).Should().Be("$.order.market");
    }

    [Fact]
    public void FindMissing_MemberWithoutAStatus_NamesItsPath()
    {
        var cluster = JsonSerializer.Deserialize<ClusterInfo>(
            """{ "schema": "actorexec", "shard_count": 256, "self_node_id": "node-a", "self_incarnation": 3, "members": [ { "node_id": "node-a", "address": "a:1" } ] }""",
            InspectionJson.Options)!;

        DocumentShape.FindMissing(cluster).Should().Be("$.members[0].status");
    }

    [Fact]
    public void FindMissing_NullInsideAList_NamesTheIndex()
    {
        var actors = new ActorNode("/user", "user", "Guardian", 1, [new ActorNode("/user/a", "a", "A", 0, null!)]);

        DocumentShape.FindMissing(actors).Should().Be("$.children[0].children");
    }
}
