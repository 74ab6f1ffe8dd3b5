using System.Text.Json;
using ActorExec.Cli.Tests.Fakes;
using ActorExec.Inspection;

namespace ActorExec.Cli.Tests.Commands;

public sealed class MarketCommandsSpec : FakeNodeSpec
{
    [Fact]
    public async Task MarketsList_PrintsARowPerMarket()
    {
        Node.Serve("GET", InspectionRoutes.Markets, Samples.Markets());

        var result = await RunAsync("markets", "list");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().MatchRegex(@"btc-100k\s+in-flight\s+2025-06-01 11:56:50Z\s+-\s+-\s+2\s+150\s+exec-77\s+yes\s+yes");
        result.Stdout.Should().MatchRegex(@"eth-5k\s+idle\s+-\s+2025-06-01 10:56:50Z\s+2025-06-01 12:56:50Z\s+0\s+-20.5\s+-\s+-\s+no");
    }

    [Fact]
    public async Task MarketsList_None_SaysSo()
    {
        Node.Serve("GET", InspectionRoutes.Markets, Array.Empty<MarketSummary>());

        var result = await RunAsync("markets", "list");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Be("no markets." + Environment.NewLine);
    }

    [Fact]
    public async Task MarketShow_PrintsTheMarketItsPositionsExecutionsAndOpenOrders()
    {
        Node.Serve("GET", InspectionRoutes.Market("btc-100k"), Samples.Market());

        var result = await RunAsync("market", "show", "btc-100k");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().ContainAll("btc-100k", "in-flight", "hedge-9", "c-101, c-102");
        result.Stdout.Should().MatchRegex(@"mismatches\s+1");
        result.Stdout.Should().MatchRegex(@"kalshi\s+yes\s+150\s+0.42\s+12.5\s+0.75");
        result.Stdout.Should().MatchRegex(@"exec-77\s+arbitrage\s+2025-06-01 10:56:50Z\s+2025-06-01 10:56:52Z\s+yes\s+-\s+3.25\s+c-99, c-100");
    }

    [Fact]
    public async Task MarketShow_Json_ParsesBackIntoMarketDetail()
    {
        var market = Samples.Market();
        Node.Serve("GET", InspectionRoutes.Market("btc-100k"), market);

        var result = await RunAsync("market", "show", "btc-100k", "--json");

        result.ExitCode.Should().Be(0, result.Stderr);
        JsonSerializer.Deserialize<MarketDetail>(result.Stdout, InspectionJson.Options)
            .Should().BeEquivalentTo(market, o => o.ComparingRecordsByMembers());
    }

    [Fact]
    public async Task MarketShow_WithoutAnId_IsAUsageError()
    {
        var result = await RunAsync("market", "show");

        result.ExitCode.Should().Be(2);
        Node.Requests.Should().BeEmpty();
    }
}
