using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using ActorExec.Cli.Tests.Fakes;
using ActorExec.Inspection;

namespace ActorExec.Cli.Tests.Http;

public sealed class InspectionClientFailureSpec : FakeNodeSpec
{
    [Fact]
    public async Task Call_NothingListening_ExitsThreeAskingWhetherTheNodeRuns()
    {
        var closedPort = ClosedPort();

        var result = await CliRun.RunAsync("node", "show", "--node", $"127.0.0.1:{closedPort}");

        result.ExitCode.Should().Be(3);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Be(
            $"error: cannot reach the ActorExec node at 127.0.0.1:{closedPort} (connection refused); is it running? (--node host:port){Environment.NewLine}");
    }

    [Theory]
    [InlineData(401, "Unauthorized")]
    [InlineData(403, "Forbidden")]
    public async Task Call_TokenRefused_ExitsFourPointingAtTheToken(int status, string reason)
    {
        Node.Serve("POST", InspectionRoutes.TradingState + "/halted", new ApiError("bad token"), status);

        var result = await RunAsync("halt", "--token", "wrong");

        result.ExitCode.Should().Be(4);
        result.Stderr.Should().Be(
            $"error: the node refused the token for POST /api/v1/trading-state/halted ({status} {reason}: bad token) (set --token or ACTOREXEC_TOKEN){Environment.NewLine}");
    }

    [Fact]
    public async Task Call_NoTokenAndRefused_SaysNoneWasSent()
    {
        Node.Serve("POST", InspectionRoutes.Reconcile, new ApiError("a token is required"), 401);

        var result = await RunAsync("reconcile", "now");

        result.ExitCode.Should().Be(4);
        result.Stderr.Should().StartWith("error: the node refused the token (none was sent)").And.Contain("(set --token or ACTOREXEC_TOKEN)");
    }

    [Fact]
    public async Task Call_NotFound_ExitsFiveWithTheNodesError()
    {
        Node.Serve("GET", InspectionRoutes.Market("zzz"), new ApiError("no market 'zzz'"), 404);

        var result = await RunAsync("market", "show", "zzz");

        result.ExitCode.Should().Be(5);
        result.Stderr.Should().Be($"error: no market 'zzz'{Environment.NewLine}");
    }

    [Fact]
    public async Task Call_NotFoundWithoutAnApiError_NamesTheRoute()
    {
        Node.ServeRaw("GET", InspectionRoutes.Metrics, 404, "");

        var result = await RunAsync("metrics");

        result.ExitCode.Should().Be(5);
        result.Stderr.Should().StartWith("error: GET /api/v1/metrics: not found (404)");
    }

    [Fact]
    public async Task Call_ServerError_ExitsSixWithStatusRouteAndTheNodesError()
    {
        Node.Serve("GET", InspectionRoutes.Orders, new ApiError("journal unavailable"), 500);

        var result = await RunAsync("orders", "list");

        result.ExitCode.Should().Be(6);
        result.Stderr.Should().Be($"error: the node answered 500 Internal Server Error to GET /api/v1/orders: journal unavailable{Environment.NewLine}");
    }

    [Fact]
    public async Task Call_OtherClientErrorWithoutABody_ExitsSixWithTheStatus()
    {
        Node.ServeRaw("POST", InspectionRoutes.Reconcile, 409, "<html>conflict</html>");

        var result = await RunAsync("reconcile", "now");

        result.ExitCode.Should().Be(6);
        result.Stderr.Should().Be($"error: the node answered 409 Conflict to POST /api/v1/reconcile{Environment.NewLine}");
    }

    [Fact]
    public async Task Call_NotClusteredWithoutAMessage_StillSaysTheNodeIsNotInACluster()
    {
        Node.ServeRaw("GET", InspectionRoutes.Cluster, 409, """{ "error": "", "code": "NOT_CLUSTERED" }""");

        var result = await RunAsync("cluster", "show");

        result.ExitCode.Should().Be(6);
        result.Stderr.Should().Be($"error: the node is not in a cluster (409 Conflict NOT_CLUSTERED to GET /api/v1/cluster){Environment.NewLine}");
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[1, 2]")]
    public async Task Call_MalformedJson_ExitsSevenNamingTheRoute(string body)
    {
        Node.ServeRaw("GET", InspectionRoutes.Node, 200, body);

        var result = await RunAsync("node", "show");

        result.ExitCode.Should().Be(7);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().StartWith("error: malformed answer from the node to GET /api/v1/node: ");
        result.Stderr.TrimEnd().Should().NotContain(Environment.NewLine, "the error is one line");
    }

    [Fact]
    public async Task Call_DocumentMissingARequiredMember_ExitsSevenNamingTheMember()
    {
        var node = JsonSerializer.SerializeToNode(Samples.Node(), InspectionJson.Options)!;
        node["venues"]![1]!.AsObject().Remove("state");
        Node.ServeRaw("GET", InspectionRoutes.Node, 200, node.ToJsonString());

        var result = await RunAsync("node", "show");

        result.ExitCode.Should().Be(7);
        result.Stderr.Should().Be($"error: malformed answer from the node to GET /api/v1/node: '$.venues[1].state' is missing{Environment.NewLine}");
    }

    [Fact]
    public async Task Call_DocumentWithNullOptionalMembersOmitted_IsAccepted()
    {
        var json = JsonSerializer.SerializeToNode(Samples.Orders(), InspectionJson.Options)!;
        json[1]!.AsObject().ContainsKey("limit_price").Should().BeFalse("the contract omits nulls");
        Node.ServeRaw("GET", InspectionRoutes.Orders, 200, json.ToJsonString());

        var result = await RunAsync("orders", "list");

        result.ExitCode.Should().Be(0, result.Stderr);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
