using System.Text.Json;
using ActorExec.Actors.Persistence;
using ActorExec.Actors.Persistence.Serialization;
using ActorExec.Engine.Markets;
using ActorExec.Engine.Persistence;
using ActorExec.Engine.Positions;
using ActorExec.Engine.Region;
using ActorExec.Trading.AutoClose;
using ActorExec.Trading.Execution;
using ActorExec.Trading.Orders;
using ActorExec.Trading.Positions;

namespace ActorExec.Engine.Tests.Persistence;

/// <summary>What the journal stores: every engine event and snapshot round-trips under a stable manifest.</summary>
public sealed class EngineSerializationSpec
{
    private static readonly DateTimeOffset At = new(2026, 3, 14, 9, 26, 53, 589, TimeSpan.Zero);
    private static readonly VenueId Kalshi = new("kalshi");
    private static readonly VenueId Poly = new("poly");
    private static readonly MarketId Market = new("pres-2028");
    private static readonly ExecutionId Arb = new("arb-2026-03-14.7");
    private static readonly InstrumentRules LinearRules = new(tickSize: 0.01m, sizeIncrement: 0.001m, minPrice: 0.01m, maxPrice: 1_000_000m, minQuantity: 0.001m, maxQuantity: 500m);
    private static readonly HedgePair Pair = new(new MarketId("hedge:eth"), Kalshi, new MarketId("ETH-PERP"), Poly, new MarketId("ETH-USD"));

    private static readonly OrderIntent YesLeg = new(new OrderId("arb-2026-03-14.7.yes"), Arb.Leg("yes"), Kalshi, Market, Side.Buy, Outcome.Yes,
        OrderType.Limit, TimeInForce.Ioc, new Quantity(20m), new Price(0.41m));

    private static readonly OrderIntent NoLeg = YesLeg with { OrderId = new OrderId("arb-2026-03-14.7.no"), ClientOrderId = Arb.Leg("no"), Venue = Poly, Outcome = Outcome.No, LimitPrice = new Price(0.53m) };

    private static readonly OrderIntent Gtd = new(new OrderId("gtd-1"), new ClientOrderId("gtd-1"), Kalshi, Market, Side.Sell, Outcome.No,
        OrderType.PostOnly, TimeInForce.Gtd, new Quantity(15m), new Price(0.62m), At.AddHours(6));

    private static readonly OrderIntent PerpShort = new(new OrderId("h-1.perp"), new ClientOrderId("h-1.perp"), Kalshi, Pair.PerpMarket, Side.Sell, null,
        OrderType.Market, TimeInForce.Ioc, new Quantity(1.5m));

    private static readonly Fill AFill = new(new FillId("kalshi-f42"), new Quantity(12.5m), new Price(0.41m), 0.17m, At.AddMilliseconds(120));

    private static readonly ArbitrageLeg YesArbLeg = new(Kalshi, new Quantity(20m), new Price(0.41m), InstrumentRules.BinaryCents, SettlesOnChain: false);
    private static readonly ArbitrageLeg NoArbLeg = new(Poly, new Quantity(8m), new Price(0.53m), InstrumentRules.BinaryCents, SettlesOnChain: true);

    private static readonly ExecutionStarted ArbStarted = new(Arb, ExecutionKind.Arbitrage, [YesLeg, NoLeg], 1.12m, null, At);
    private static readonly ExecutionStarted HedgeStarted = new(new ExecutionId("h-1"), ExecutionKind.HedgeEntry, [PerpShort], null, Pair, At);
    private static readonly ExecutionFinished ArbFinished = new(Arb, false, "FILL_MISMATCH", "YES filled 20, NO filled 8", null, ReleaseReason.ExecutionFailed, At.AddSeconds(3));
    private static readonly AutoCloseStarted AutoClose = new(Arb, 1, YesArbLeg, NoArbLeg, At.AddSeconds(2));
    private static readonly HedgeChanged Hedge = new(Pair, 1.5m, 3000.12m, 1.5m, 3001.5m, At.AddSeconds(4));

    /// <summary>The manifests stored in journals today: changing one orphans every stored event of that type.</summary>
    private static readonly Dictionary<string, Type> StableManifests = new()
    {
        ["order-submitted.v1"] = typeof(OrderSubmitted),
        ["order-sent.v1"] = typeof(OrderSent),
        ["order-placed.v1"] = typeof(OrderPlaced),
        ["order-rejected.v1"] = typeof(OrderRejected),
        ["order-filled.v1"] = typeof(OrderFilled),
        ["order-matched.v1"] = typeof(OrderMatched),
        ["order-mined.v1"] = typeof(OrderMined),
        ["order-confirmed.v1"] = typeof(OrderConfirmed),
        ["order-cancel-requested.v1"] = typeof(OrderCancelRequested),
        ["order-cancelled.v1"] = typeof(OrderCancelled),
        ["order-failed.v1"] = typeof(OrderFailed),
        ["order-fills-voided.v1"] = typeof(FillsVoided),
        ["order-not-found.v1"] = typeof(OrderNotFound),
        ["market-execution-started.v1"] = typeof(ExecutionStarted),
        ["market-execution-finished.v1"] = typeof(ExecutionFinished),
        ["market-order-tracked.v1"] = typeof(OrderTracked),
        ["market-orders-closed.v1"] = typeof(OrdersClosed),
        ["market-mismatch-detected.v1"] = typeof(MismatchDetected),
        ["market-auto-close-started.v1"] = typeof(AutoCloseStarted),
        ["market-auto-close-finished.v1"] = typeof(AutoCloseFinished),
        ["market-hedge-changed.v1"] = typeof(HedgeChanged),
        ["market-snapshot.v1"] = typeof(MarketSnapshot),
        ["region-market-activated.v1"] = typeof(MarketActivated),
        ["region-market-passivated.v1"] = typeof(MarketPassivated),
        ["positions-snapshot.v1"] = typeof(PositionsSnapshot),
        ["region-remembered-markets.v1"] = typeof(RememberedMarkets),
    };

    private readonly IEventSerializer _serializer = EngineSerialization.Serializer();

    /// <summary>Realistic instances of every registered type (several where optional parts differ).</summary>
    public static IEnumerable<object[]> Samples() => SampleValues().Select((v, i) => new object[] { v.GetType().Name, i });

    private static IEnumerable<object> SampleValues()
    {
        yield return new OrderSubmitted(YesLeg, At);
        yield return new OrderSubmitted(Gtd, At);
        yield return new OrderSubmitted(PerpShort, At);
        yield return new OrderSent(2, At);
        yield return new OrderPlaced(new VenueOrderId("kalshi-o17"), Implied: false, At);
        yield return new OrderPlaced(null, Implied: true, At);
        yield return new OrderRejected("price 0.405 is not on the 0.01 tick", At);
        yield return new OrderFilled(AFill, Completes: false, At);
        yield return new OrderMatched(Implied: true, At);
        yield return new OrderMined("0x5f2e9a0c", At);
        yield return new OrderMined(null, At);
        yield return new OrderConfirmed(At);
        yield return new OrderCancelRequested(At);
        yield return new OrderCancelled(CancelReason.ByVenue, At);
        yield return new OrderFailed(FailureReason.Lost, "the venue did not find the order 3 times in a row", At);
        yield return new FillsVoided([new FillId("poly-f1"), new FillId("poly-f2")], new Quantity(20m), At);
        yield return new OrderNotFound(2, At);
        yield return ArbStarted;
        yield return HedgeStarted;
        yield return ArbFinished;
        yield return new ExecutionFinished(new ExecutionId("h-1"), true, null, null, 0.83m, ReleaseReason.Success, At);
        yield return new OrderTracked(Gtd, CompletePartialFill: false, null, At);
        yield return new OrderTracked(YesLeg with { ClientOrderId = new ClientOrderId("single.c1") }, CompletePartialFill: false, new ClientOrderId("single"), At);
        yield return new OrdersClosed([Arb.Leg("yes"), Arb.Leg("no")], At);
        yield return new MismatchDetected(Arb, Outcome.Yes, new Quantity(12m), At);
        yield return AutoClose;
        yield return new AutoCloseFinished(Arb, 1, AutoCloseOutcome.PartiallyClosed, new Quantity(7m), new Quantity(5m), At.AddSeconds(9));
        yield return Hedge;
        yield return new MarketSnapshot(InFlightPhase.CoolingDown, null, At.AddSeconds(10),
            [At.AddMinutes(-3), At.AddMinutes(-1)],
            [
                new ExecutionSnapshot(ArbStarted, ArbFinished, 1, AutoClose, 12m),
                new ExecutionSnapshot(HedgeStarted, null, 0, null, 0m),
            ],
            [new OrderTracked(Gtd, true, null, At)],
            [Arb.Leg("no"), PerpShort.ClientOrderId],
            Hedge);
        yield return new MarketSnapshot(InFlightPhase.Idle, null, null, [], [], [], [], null);
        yield return new MarketActivated(Market, At);
        yield return new MarketPassivated(Market, At);
        yield return new PositionsSnapshot(4711,
        [
            new Position(new PositionKey(Market, Kalshi, Outcome.Yes), 20m, 8.2m, 0.34m, -1.25m),
            new Position(new PositionKey(Market, Poly, Outcome.No), 0m, 0m, 0m, 0.5m),
        ],
        [new DailyPnl(new DateOnly(2026, 3, 13), -1.25m), new DailyPnl(new DateOnly(2026, 3, 14), 0.5m)]);
        yield return new RememberedMarkets([Market, Pair.Key]);
    }

    [Fact]
    public void Registry_ManifestsAreTheStableOnes()
    {
        EngineSerialization.Registry().Registrations.Should().BeEquivalentTo(StableManifests);
    }

    [Fact]
    public void Samples_CoverEveryRegisteredType()
    {
        SampleValues().Select(v => v.GetType()).Distinct().Should().BeEquivalentTo(EngineSerialization.Registry().Registrations.Values,
            "every registered event or snapshot type needs a realistic sample here");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void SerializeThenDeserialize_RegisteredType_RoundTripsUnderItsManifest(string type, int sample)
    {
        var value = SampleValues().ElementAt(sample);
        value.GetType().Name.Should().Be(type);
        var stored = _serializer.Serialize(value);

        stored.Manifest.Should().Be(StableManifests.Single(m => m.Value == value.GetType()).Key);
        var restored = _serializer.Deserialize(stored.Manifest, stored.Payload);

        restored.Should().BeOfType(value.GetType());
        restored.Should().BeEquivalentTo(value, o => o.RespectingRuntimeTypes(), stored.Payload);
        _serializer.Serialize(restored).Payload.Should().Be(stored.Payload, "a second round trip stores the same text");
    }

    [Fact]
    public void Serialize_Payload_IsReadableJsonWithNamesIdsAsStringsAndPricesAsNumbers()
    {
        var payload = _serializer.Serialize(new OrderSubmitted(YesLeg, At)).Payload;

        using var json = JsonDocument.Parse(payload);
        var intent = json.RootElement.GetProperty("Intent");
        intent.GetProperty("ClientOrderId").GetString().Should().Be("arb-2026-03-14.7.yes");
        intent.GetProperty("Venue").GetString().Should().Be("kalshi");
        intent.GetProperty("Side").GetString().Should().Be("Buy");
        intent.GetProperty("TimeInForce").GetString().Should().Be("Ioc");
        intent.GetProperty("Size").GetDecimal().Should().Be(20m);
        intent.GetProperty("LimitPrice").GetDecimal().Should().Be(0.41m);
        json.RootElement.TryGetProperty("Kind", out _).Should().BeFalse("derived properties are computed on read, never stored");
    }

    [Fact]
    public void Deserialize_PayloadWrittenByAnEarlierBuild_StillReads()
    {
        // Text as stored in journals: must stay readable for as long as the manifest exists.
        const string payload = """
            {"Fill":{"FillId":"kalshi-f42","Quantity":12.5,"Price":0.41,"Fee":0.17,"At":"2026-03-14T09:26:53.709+00:00"},"Completes":false,"At":"2026-03-14T09:26:53.589+00:00"}
            """;

        var restored = _serializer.Deserialize("order-filled.v1", payload);

        restored.Should().BeEquivalentTo(new OrderFilled(AFill, false, At), o => o.RespectingRuntimeTypes());
    }

    [Fact]
    public void Deserialize_UnknownManifest_FailsNamingTheManifest()
    {
        var act = () => _serializer.Deserialize("order-teleported.v1", "{}");

        act.Should().Throw<UnknownManifestException>()
            .Where(e => e.Manifest == "order-teleported.v1")
            .WithMessage("*'order-teleported.v1'*");
    }

    [Fact]
    public void Deserialize_KnownTypeUnderAnotherVersion_IsUnknownToo()
    {
        var act = () => _serializer.Deserialize("order-placed.v2", """{"VenueOrderId":"kalshi-o1","Implied":false,"At":"2026-03-14T09:26:53.589+00:00"}""");

        act.Should().Throw<UnknownManifestException>().Which.Manifest.Should().Be("order-placed.v2");
    }

    [Fact]
    public void Serialize_UnregisteredType_FailsNamingTheType()
    {
        var act = () => _serializer.Serialize(new ReconcileNow(Kalshi));

        act.Should().Throw<EventSerializationException>()
            .Where(e => e.EventType == typeof(ReconcileNow))
            .WithMessage("*ActorExec.Engine.ReconcileNow*no manifest*");
    }
}
