using ActorExec.Engine.Tests.Fixtures;
using ActorExec.Venues.Paper;
using Xunit.Abstractions;

namespace ActorExec.Engine.Tests.Markets;

public sealed class ManyMarketsSpec(ITestOutputHelper output) : EngineTestKit(output)
{
    protected override IReadOnlyList<PaperMarket> Markets => [.. Enumerable.Range(1, 50).Select(i => PaperMarket.Binary($"m-{i}", 0.5m))];

    [Fact]
    public async Task ExecuteArbitrage_FiftyMarketsAtOnce_AllExecuteEachLegOnce()
    {
        foreach (var market in Markets)
            SetArbitrageBooks(market.Market, 0.40m, 30m, 0.50m, 30m);

        var executions = Markets.Select(m => Engine.Region.Ask<ExecutionResult>(
            Arbitrage($"many-{m.Market}", m.Market, 0.40m, 30m, 0.50m, 30m, maxSize: 10m), Timeout.InfiniteTimeSpan)).ToList();
        var results = await DriveAsync(Task.WhenAll(executions));

        results.Should().HaveCount(50).And.OnlyContain(r => r.Success);
        results.Select(r => r.Market).Should().OnlyHaveUniqueItems();
        Kalshi.Records.Placements.Should().HaveCount(50);
        Poly.Records.Placements.Should().HaveCount(50);
        Kalshi.Records.Placements.Select(p => p.ClientOrderId).Should().OnlyHaveUniqueItems();
        await DriveUntilAsync(() => Engine.Risk.Positions.Count == 50 && Engine.Risk.Positions.Values.All(p => p == 20m), "positions of all 50 markets");
    }
}
