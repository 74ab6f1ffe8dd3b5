using ActorExec.Trading;
using ActorExec.Inspection;
using ActorExec.Venues.Paper;
using ActorExec.Venues.Remote;

namespace ActorExec.Node.Tests.EndToEnd;

/// <summary>
/// A real paper exchange process and a real node trading through it (paper profile, sample strategy):
/// the node's orders appear in the exchange's records, each placed exactly once, and both processes
/// stop gracefully on SIGTERM.
/// </summary>
[Collection(nameof(NodeProcesses))]
public sealed class PaperExchangeEndToEndSpec : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "actorexec-e2e-exchange-" + Guid.NewGuid().ToString("N")[..8]);

    private static Dictionary<string, string> Shared => new()
    {
        ["ACTOREXEC__demo__markets"] = "4",
        ["ACTOREXEC__logging__level"] = "information",
    };

    [Fact]
    public async Task Node_TradingThroughTheExchange_PlacesEachOrderThereExactlyOnce()
    {
        var (exchange, address) = await ExchangeProcess.StartAsync(Shared, TimeSpan.FromSeconds(60));
        await using (exchange)
        {
            var nodeEnvironment = new Dictionary<string, string>(Shared)
            {
                ["ACTOREXEC_PAPER_EXCHANGE"] = address.ToString(),
                ["ACTOREXEC__demo__scan-interval"] = "200ms",
                ["ACTOREXEC__engine__cooldown"] = "1s",
                ["ACTOREXEC__engine__reconciliation-interval"] = "5s",
            };
            List<OrderSummary> confirmed;
            await using (var node = NodeProcess.Start(_data, nodeEnvironment, "--node-id", "e2e-exchange"))
            {
                await CliRunner.EventuallyAsync<List<OrderSummary>>(node, TimeSpan.FromSeconds(90),
                    list => list.Count(o => o.Status == "CONFIRMED") >= 2, "orders", "list", "--limit", "100000");
                (await node.TerminateAsync(TimeSpan.FromSeconds(60))).Should().Be(0, node.Output);
                node.Output.Should().Contain("paper_exchange_connected").And.Contain(address.ToString());
            }

            // The node has stopped: its journal (read by a restarted node) and the exchange now hold the final picture.
            await using (var restarted = NodeProcess.Start(_data, new Dictionary<string, string>(nodeEnvironment) { ["ACTOREXEC__demo__enabled"] = "false" }, "--node-id", "e2e-exchange"))
            {
                var orders = await CliRunner.EventuallyAsync<List<OrderSummary>>(restarted, TimeSpan.FromSeconds(60), _ => true, "orders", "list", "--limit", "100000");
                confirmed = [.. orders.Where(o => o.Status == "CONFIRMED")];
                confirmed.Should().HaveCountGreaterThanOrEqualTo(2);
                var detail = await CliRunner.JsonAsync<OrderDetail>(restarted, "order", "show", confirmed[0].ClientOrderId);
                using var http = new HttpClient();
                var placements = new List<PaperPlacement>();
                foreach (var venue in orders.Select(o => o.Venue).Distinct())
                {
                    var client = await PaperExchangeClient.ConnectAsync(address, new VenueId(venue), http);
                    var records = (await client.GetRecordsAsync()).Value;
                    records.DuplicateAttempts.Should().BeEmpty("the node never resent an order the venue had accepted");
                    placements.AddRange(records.Placements);
                }

                placements.Select(p => p.ClientOrderId.Value).Should().OnlyHaveUniqueItems().And.BeSubsetOf(orders.Select(o => o.ClientOrderId));
                foreach (var order in confirmed)
                    placements.Should().ContainSingle(p => p.ClientOrderId.Value == order.ClientOrderId, "confirmed order {0} was placed once", order.ClientOrderId)
                        .Which.Intent.Venue.Value.Should().Be(order.Venue);
                placements.Single(p => p.ClientOrderId.Value == confirmed[0].ClientOrderId).VenueOrderId.Value.Should().Be(detail.VenueOrderId);
                (await restarted.TerminateAsync(TimeSpan.FromSeconds(60))).Should().Be(0, restarted.Output);
            }

            (await exchange.TerminateAsync(TimeSpan.FromSeconds(30))).Should().Be(0, exchange.Output);
            exchange.Output.Should().Contain("paper_exchange_stopped");
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
