using ActorExec.Engine.Orders;
using ActorExec.Engine.Tests.Fixtures;
using ActorExec.Trading.Orders;
using ActorExec.Venues.Paper;
using Xunit.Abstractions;

namespace ActorExec.Engine.Tests.Crash;

/// <summary>
/// The guarantee that matters most: kill the process in the middle of a hundred executions, start a
/// new one on the same journal, and the venues' own records show every accepted order placed exactly
/// once, and every order ends terminal.
/// </summary>
public sealed class CrashRecoverySpec(ITestOutputHelper output) : EngineTestKit(output)
{
    private const int Executions = 100;

    protected override IReadOnlyList<PaperMarket> Markets => [.. Enumerable.Range(1, Executions).Select(i => PaperMarket.Binary($"m-{i}", 0.5m))];

    // Latency with jitter spreads the venue calls in time, so the crash finds every stage at once:
    // intents not yet journaled, journaled but not sent, sent but unanswered, answered, settling.
    protected override PaperVenueOptions KalshiOptions(IReadOnlyList<PaperMarket> markets)
        => base.KalshiOptions(markets) with { Latency = new PaperLatencyOptions { Base = TimeSpan.FromMilliseconds(200), Jitter = TimeSpan.FromMilliseconds(800) } };

    protected override PaperVenueOptions PolyOptions(IReadOnlyList<PaperMarket> markets)
        => base.PolyOptions(markets) with { Latency = new PaperLatencyOptions { Base = TimeSpan.FromMilliseconds(200), Jitter = TimeSpan.FromMilliseconds(800) } };

    [Fact]
    public async Task TerminateMidway_NewSystemOnTheSameJournal_PlacesEveryAcceptedOrderExactlyOnceAndFinishesThem()
    {
        foreach (var market in Markets)
            SetArbitrageBooks(market.Market, 0.40m, 30m, 0.50m, 30m);
        var asks = Markets.Select(m => Engine.Region.Ask<ExecutionResult>(
            Arbitrage($"crash-{m.Market}", m.Market, 0.40m, 30m, 0.50m, 30m, maxSize: 10m), Timeout.InfiniteTimeSpan)).ToList();

        // Crash once part of the legs has reached the venues and part has not.
        await DriveUntilAsync(() => Kalshi.Records.PlaceCalls + Poly.Records.PlaceCalls >= Executions, "half the legs to reach the venues",
            maxStep: TimeSpan.FromMilliseconds(100));
        var reachedBeforeCrash = Kalshi.Records.PlaceCalls + Poly.Records.PlaceCalls;
        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(20));
        asks.Count(a => a.IsCompletedSuccessfully).Should().BeLessThan(Executions, "the crash interrupted executions");

        // Requests already on the wire still land at the venues while the process is down.
        Clock.Advance(TimeSpan.FromSeconds(2));
        await Driver!.QuiesceAsync();
        var reachedWhileDown = Kalshi.Records.PlaceCalls + Poly.Records.PlaceCalls;
        Output!.WriteLine($"legs at the venues: {reachedBeforeCrash} before the crash, {reachedWhileDown} once the wire drained");

        await Stores.ReopenAsync();
        var restarted = ActorSystem.Create("restarted", Sys.Options with { Persistence = Stores.Options });
        try
        {
            await StartEngineAsync(restarted);
            var orderIds = await JournaledOrderIdsAsync();
            orderIds.Should().NotBeEmpty();

            try
            {
                await DriveUntilAsync(() => orderIds.All(id => JournaledStatus(id) is { } s && s.IsTerminal()),
                    "every journaled order to reach a terminal state", maxVirtual: TimeSpan.FromMinutes(5));
            }
            catch (TimeoutException timeout)
            {
                var stuck = orderIds.Where(id => JournaledStatus(id) is not { } s || !s.IsTerminal()).Select(id => $"{id}={JournaledStatus(id)}");
                throw new TimeoutException($"{timeout.Message}; not terminal: {string.Join(", ", stuck)}", timeout);
            }

            foreach (var venue in new[] { Kalshi, Poly })
            {
                venue.Records.DuplicateAttempts.Should().BeEmpty("no order is sent twice, not even one the venue would refuse");
                venue.Records.Placements.GroupBy(p => p.ClientOrderId).Should().OnlyContain(g => g.Count() == 1);
            }
            var placed = Kalshi.Records.Placements.Concat(Poly.Records.Placements).Select(p => p.ClientOrderId).ToHashSet();
            placed.Should().BeSubsetOf(orderIds, "the venues only ever saw orders the journal accepted first (write-ahead)");
            foreach (var id in orderIds)
            {
                var status = JournaledStatus(id)!.Value;
                if (placed.Contains(id))
                    status.Should().NotBe(OrderStatus.Pending, $"{id} reached the venue");
                else
                    status.Should().BeOneOf([OrderStatus.Failed, OrderStatus.Cancelled, OrderStatus.Rejected], $"{id} never reached the venue");
            }
            Output.WriteLine($"{orderIds.Count} orders journaled, {placed.Count} placed, {orderIds.Count - placed.Count} closed without placement");
        }
        finally
        {
            await restarted.Terminate().WaitAsync(TimeSpan.FromSeconds(20));
        }
    }

    private async Task<HashSet<ClientOrderId>> JournaledOrderIdsAsync()
    {
        var ids = new HashSet<ClientOrderId>();
        await foreach (var persistenceId in Stores.Queries.AllPersistenceIdsAsync())
            if (persistenceId.StartsWith("order-", StringComparison.Ordinal))
                ids.Add(new ClientOrderId(persistenceId["order-".Length..]));
        return ids;
    }

    private OrderStatus? JournaledStatus(ClientOrderId id)
    {
        var events = new List<OrderEvent>();
        var replay = Task.Run(async () =>
        {
            await foreach (var envelope in Stores.Queries.EventsByPersistenceIdAsync(OrderActor.PersistenceIdOf(id), 1, long.MaxValue))
                events.Add((OrderEvent)envelope.Event);
        });
        replay.Wait();
        return events.Count == 0 ? null : Order.Replay(events).Status;
    }
}
