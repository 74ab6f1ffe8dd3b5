using System.Text.Json;
using ActorExec.Cli.Tests.Fakes;
using ActorExec.Inspection;

namespace ActorExec.Cli.Tests.Commands;

public sealed class OrderCommandsSpec : FakeNodeSpec
{
    [Fact]
    public async Task OrdersList_PrintsARowPerOrder()
    {
        Node.Serve("GET", InspectionRoutes.Orders, Samples.Orders());

        var result = await RunAsync("orders", "list");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().MatchRegex(@"c-101\s+btc-100k\s+kalshi\s+buy\s+yes\s+100\s+0.42\s+60\s+partially-filled\s+2025-06-01 11:56:50Z\s+2025-06-01 11:56:51Z");
        result.Stdout.Should().MatchRegex(@"c-102\s+btc-100k\s+polymarket\s+sell\s+-\s+50\s+-\s+0\s+working");
        Node.SingleRequest.Query.Should().BeEmpty();
    }

    [Fact]
    public async Task OrdersList_WithEveryFilter_SendsMarketStateSinceAndLimit()
    {
        Node.Serve("GET", InspectionRoutes.Orders, Samples.Orders());

        var result = await RunAsync(
            "orders", "list", "--market", "btc 100k", "--state", "working", "--since", "2025-05-31T10:00:00+02:00", "--limit", "25");

        result.ExitCode.Should().Be(0, result.Stderr);
        Node.SingleRequest.Query.Should().Equal(new Dictionary<string, string>
        {
            ["market"] = "btc 100k",
            ["state"] = "working",
            ["since"] = "2025-05-31T08:00:00.000Z",
            ["limit"] = "25",
        });
    }

    [Theory]
    [InlineData("10m", "2025-06-01T11:50:00.000Z")]
    [InlineData("2h", "2025-06-01T10:00:00.000Z")]
    [InlineData("90s", "2025-06-01T11:58:30.000Z")]
    [InlineData("1d", "2025-05-31T12:00:00.000Z")]
    [InlineData("2025-05-30T07:15:00", "2025-05-30T07:15:00.000Z")]
    public async Task OrdersList_Since_IsSentAsAUtcInstant(string since, string sent)
    {
        Node.Serve("GET", InspectionRoutes.Orders, Samples.Orders());

        var result = await RunAsync("orders", "list", "--since", since);

        result.ExitCode.Should().Be(0, result.Stderr);
        Node.SingleRequest.Query.Should().Equal(new Dictionary<string, string> { ["since"] = sent });
    }

    [Theory]
    [InlineData("--since", "yesterday")]
    [InlineData("--since", "10x")]
    [InlineData("--limit", "0")]
    public async Task OrdersList_InvalidFilter_IsAUsageErrorWithoutARequest(string option, string value)
    {
        var result = await RunAsync("orders", "list", option, value);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().StartWith("error: ").And.Contain(option);
        Node.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task OrdersList_Json_ParsesBackIntoTheSummaries()
    {
        var orders = Samples.Orders();
        Node.Serve("GET", InspectionRoutes.Orders, orders);

        var result = await RunAsync("orders", "list", "--json");

        result.ExitCode.Should().Be(0, result.Stderr);
        JsonSerializer.Deserialize<IReadOnlyList<OrderSummary>>(result.Stdout, InspectionJson.Options)
            .Should().BeEquivalentTo(orders, o => o.ComparingRecordsByMembers());
    }

    [Fact]
    public async Task OrderShow_PrintsTheSummaryThenEachEventWithItsPayloadAsCompactJson()
    {
        Node.Serve("GET", InspectionRoutes.Order("c-101"), Samples.Order());

        var result = await RunAsync("order", "show", "c-101");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().MatchRegex(@"venue order id\s+V-555");
        result.Stdout.Should().MatchRegex(@"status\s+partially-filled");
        result.Stdout.Should().MatchRegex(@"average fill\s+0.41");
        result.Stdout.Should().MatchRegex(@"1\s+OrderSubmitted\s+2025-06-01 11:56:50.000Z\s+\{""size"":100,""limit"":0.42\}");
        result.Stdout.Should().MatchRegex(@"2\s+OrderPartiallyFilled\s+2025-06-01 11:56:51.000Z\s+\{""filled"":60,""price"":0.41\}");
    }

    [Fact]
    public async Task OrderShow_Json_ParsesBackIntoOrderDetail()
    {
        var order = Samples.Order();
        Node.Serve("GET", InspectionRoutes.Order("c-101"), order);

        var result = await RunAsync("order", "show", "c-101", "--json");

        result.ExitCode.Should().Be(0, result.Stderr);
        var parsed = JsonSerializer.Deserialize<OrderDetail>(result.Stdout, InspectionJson.Options)!;
        parsed.Should().BeEquivalentTo(order, o => o.ComparingRecordsByMembers().Excluding(d => d.Events));
        // JsonElement payloads compare by their JSON, not by reference.
        JsonSerializer.Serialize(parsed.Events, InspectionJson.Options)
            .Should().Be(JsonSerializer.Serialize(order.Events, InspectionJson.Options));
    }
}
