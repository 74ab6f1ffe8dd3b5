using ActorExec.Inspection;

namespace ActorExec.Node.Tests.EndToEnd;

/// <summary>
/// The real node process on a temporary data directory and a free port, driven by the real CLI:
/// the sample strategy trades, orders reach terminal states, SIGTERM exits 0, and a restart on the
/// same journal recovers the same orders.
/// </summary>
[Collection(nameof(NodeProcesses))]
public sealed class NodeEndToEndSpec : IDisposable
{
    private static readonly string[] Terminal = ["CONFIRMED", "CANCELLED", "REJECTED", "FAILED"];
    private readonly string _data = Path.Combine(Path.GetTempPath(), "actorexec-e2e-" + Guid.NewGuid().ToString("N")[..8]);

    private static Dictionary<string, string> Environment => new()
    {
        ["ACTOREXEC_TOKEN"] = "e2e-secret",
        ["ACTOREXEC__demo__markets"] = "4",
        ["ACTOREXEC__demo__scan-interval"] = "200ms",
        ["ACTOREXEC__engine__cooldown"] = "1s",
        ["ACTOREXEC__engine__reconciliation-interval"] = "5s",
        ["ACTOREXEC__logging__level"] = "information",
    };

    [Fact]
    public async Task Node_TradesInspectsStopsAndResumes()
    {
        string tradedOrder;
        int ordersBefore;
        await using (var node = NodeProcess.Start(_data, Environment, "--node-id", "e2e-1"))
        {
            var info = await CliRunner.EventuallyAsync<NodeInfo>(node, TimeSpan.FromSeconds(60), i => i.Venues.All(v => v.Reconciled), "node", "show");
            info.NodeId.Should().Be("e2e-1");
            info.Profile.Should().Be("paper");
            info.Store.Kind.Should().Be("sqlite");
            info.Store.Location.Should().StartWith(_data);
            info.Venues.Select(v => v.Venue).Should().BeEquivalentTo("kalshi", "polymarket");

            var orders = await CliRunner.EventuallyAsync<List<OrderSummary>>(node, TimeSpan.FromSeconds(90),
                list => list.Count(o => Terminal.Contains(o.Status)) >= 2, "orders", "list", "--limit", "500");
            orders.Should().OnlyContain(o => o.Market.StartsWith("demo-"));
            var confirmed = orders.First(o => Terminal.Contains(o.Status));

            var detail = await CliRunner.JsonAsync<OrderDetail>(node, "order", "show", confirmed.ClientOrderId);
            detail.Order.ClientOrderId.Should().Be(confirmed.ClientOrderId);
            detail.Events.Select(e => e.Type).Should().StartWith(["OrderSubmitted", "OrderSent"]);
            detail.Events.Select(e => e.SequenceNr).Should().BeInAscendingOrder();

            var markets = await CliRunner.JsonAsync<List<MarketSummary>>(node, "markets", "list");
            markets.Select(m => m.Market).Should().Contain(["demo-1", "demo-2", "demo-3", "demo-4"]);
            var market = await CliRunner.JsonAsync<MarketDetail>(node, "market", "show", confirmed.Market);
            market.Executions.Should().NotBeEmpty();

            var breakers = await CliRunner.JsonAsync<List<BreakerInfo>>(node, "breakers");
            breakers.Should().HaveCount(2).And.OnlyContain(b => b.State == "closed");
            var tree = await CliRunner.JsonAsync<ActorNode>(node, "actor", "hierarchy", "--depth", "3");
            tree.Children.Should().Contain(c => c.Name == "user");

            var alone = await CliRunner.RunAsync("cluster", "show", "--node", node.Address);
            alone.ExitCode.Should().Be(6);
            alone.Stderr.Should().Contain("runs alone (persistence: sqlite)");

            var unknown = await CliRunner.RunAsync("order", "show", "no-such-order", "--node", node.Address);
            unknown.ExitCode.Should().NotBe(0);
            unknown.Stderr.Should().Contain("no-such-order");
            var refused = await CliRunner.RunAsync("halt", "--node", node.Address, "--token", "wrong");
            refused.ExitCode.Should().NotBe(0);
            var halted = await CliRunner.JsonAsync<TradingStateInfo>(node, "halt", "--token", "e2e-secret");
            halted.State.Should().Be("halted");
            var resumed = await CliRunner.JsonAsync<TradingStateInfo>(node, "resume", "--token", "e2e-secret");
            resumed.State.Should().Be("active");

            tradedOrder = confirmed.ClientOrderId;
            ordersBefore = (await CliRunner.JsonAsync<List<OrderSummary>>(node, "orders", "list", "--limit", "100000")).Count;

            var exitCode = await node.TerminateAsync(TimeSpan.FromSeconds(60));
            exitCode.Should().Be(0, node.Output);
            node.Output.Should().Contain("node_stopped");
        }

        await using (var restarted = NodeProcess.Start(_data, Environment, "--node-id", "e2e-1"))
        {
            await CliRunner.EventuallyAsync<NodeInfo>(restarted, TimeSpan.FromSeconds(60), _ => true, "node", "show");
            var again = await CliRunner.JsonAsync<OrderDetail>(restarted, "order", "show", tradedOrder);
            again.Order.ClientOrderId.Should().Be(tradedOrder);
            again.Order.Status.Should().BeOneOf(Terminal);
            var all = await CliRunner.JsonAsync<List<OrderSummary>>(restarted, "orders", "list", "--limit", "100000");
            all.Count.Should().BeGreaterThanOrEqualTo(ordersBefore);
            (await restarted.TerminateAsync(TimeSpan.FromSeconds(60))).Should().Be(0, restarted.Output);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by an exiting process: the temp directory is left for the OS.
        }
    }
}

/// <summary>Node processes are heavy on 2 cores: their specs run one at a time.</summary>
[CollectionDefinition(nameof(NodeProcesses), DisableParallelization = true)]
public sealed class NodeProcesses;
