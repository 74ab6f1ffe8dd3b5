using ActorExec.Actors;
using ActorExec.Cluster.Delivery;
using ActorExec.Engine;
using ActorExec.Engine.Markets;
using ActorExec.Engine.Persistence;
using ActorExec.Trading.Orders;
using ActorExec.Trading;
using ActorExec.Trading.Slippage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ActorExec.Node.Tests.Cluster;

/// <summary>The engine's messages survive the trip to another node: every shape a strategy, an operator or the engine sends across.</summary>
public sealed class ClusterMessagesSpec : IAsyncDisposable
{
    private static readonly MarketId Market = new("demo-7");
    private readonly NpgsqlDataSource _nowhere = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1");
    private readonly ClusterTransport _here;
    private readonly ClusterTransport _there;

    public ClusterMessagesSpec()
    {
        var store = new InboxStore(_nowhere, new ActorExec.Cluster.ClusterOptions());
        _here = new ClusterTransport(store, EngineSerialization.Messages(), EngineSerialization.JsonOptions, "node-a", 11, NullLogger.Instance);
        _there = new ClusterTransport(store, EngineSerialization.Messages(), EngineSerialization.JsonOptions, "node-b", 22, NullLogger.Instance);
    }

    private static OrderIntent Intent(string id) => new(new OrderId(id), new ClientOrderId(id), new VenueId("kalshi"), Market, Side.Buy, Outcome.Yes,
        OrderType.Limit, TimeInForce.Gtc, new Quantity(5), new Price(0.42m));

    public static TheoryData<string> Samples() => [.. SampleMessages().Keys];

    private static Dictionary<string, object> SampleMessages() => new()
    {
        ["execute-arbitrage"] = new ExecuteArbitrage(new ExecutionId("node-a-1"), Market,
            new VenueQuote(new VenueId("kalshi"), new BookLevel(new Price(0.4m), new Quantity(10)), null),
            new VenueQuote(new VenueId("polymarket"), null, new BookLevel(new Price(0.55m), new Quantity(3))), new Quantity(5)),
        ["place-order"] = new PlaceOrder(Intent("c-1"), CompletePartialFill: true),
        ["cancel-order"] = new CancelOrder(Market, new ClientOrderId("c-1")),
        ["cancel-all"] = new CancelAll(Market),
        ["get-market-state"] = new GetMarketState(Market),
        ["auto-close-order"] = new AutoCloseOrder(Intent("c-2")),
        ["envelope"] = new MarketEnvelope(Market, new ForOrder(new ClientOrderId("c-1"), new RefreshOrder("reconciliation: LOST"))),
        ["result"] = new ExecutionResult("node-a-1", Market, ExecutionKind.Arbitrage, false,
            [new LegResult(new ClientOrderId("c-1"), new VenueId("kalshi"), Market, Side.Buy, Outcome.Yes, OrderStatus.Matched, new Quantity(5), new Quantity(5), new Price(0.4m), 0.01m,
                [new Fill(new FillId("f-1"), new Quantity(5), new Price(0.4m), 0.01m, DateTimeOffset.UnixEpoch)])],
            null, TimeSpan.FromMilliseconds(12.5), ExecutionErrors.Of(ExecutionErrorCode.FillMismatch, "legs differ", new Dictionary<string, string> { ["excess"] = "5" })),
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryMessage_ArrivesEqualOnAnotherNode(string sample)
    {
        var message = SampleMessages()[sample];
        var encoded = _here.Codec.Encode(message);
        var decoded = _there.Codec.Decode(encoded.Manifest, encoded.Payload);
        _there.Codec.Encode(decoded).Should().Be(encoded, "the message reads back to the same value");
        decoded.GetType().Should().Be(message.GetType());
    }

    [Fact]
    public async Task AnActorReference_TravelsAsAReplyAddress_AndComesBackAsTheSameActor()
    {
        var system = ActorSystem.Create("codec-spec");
        try
        {
            var local = system.ActorOf(Props.Create(() => new Echo()), "reconciliation");
            var encoded = _here.Codec.Encode(new ReportOpenOrders(7, local));
            var there = (ReportOpenOrders)_there.Codec.Decode(encoded.Manifest, encoded.Payload);
            there.ReplyTo.Should().BeOfType<RemoteActorRef>().Which.Address.Should().Be(new ReplyAddress(11, _here.Addresses.AddressOf(local).ActorId));

            var back = (ReportOpenOrders)_here.Codec.Decode(encoded.Manifest, encoded.Payload);
            back.ReplyTo.Should().BeSameAs(local, "an address of this node resolves to the local actor");
        }
        finally
        {
            await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public void AMessageWithoutManifest_IsRefusedNamingItsType()
    {
        var act = () => _here.Codec.Encode(new Unregistered(1));
        act.Should().Throw<Exception>().WithMessage("*Unregistered*");
    }

    public async ValueTask DisposeAsync()
    {
        await _here.DisposeAsync();
        await _there.DisposeAsync();
        await _nowhere.DisposeAsync();
    }

    private sealed record Unregistered(int Value);

    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(m => Sender?.Tell(m, Self));
    }
}
