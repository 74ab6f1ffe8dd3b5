using ActorExec.Trading.Orders;
using ActorExec.Venues.Polymarket;
using ActorExec.Venues.Polymarket.Signing;

namespace ActorExec.Venues.Tests.Polymarket;

/// <summary>Orders are built deterministically from the intent, with amounts rounded as py-clob-client rounds them.</summary>
public sealed class PolymarketOrderBuilderSpec
{
    private static readonly PolymarketMarket Market = new(new MarketId("m"), PolymarketFixture.ConditionA, "t", "11", "22", 0.01m, 5m, false, 0m, true);
    private const string Maker = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    [Theory]
    [InlineData(Side.Buy, 10, 0.55, 0.01, 5_500_000, 10_000_000)]
    [InlineData(Side.Sell, 10.129, 0.5, 0.01, 10_120_000, 5_060_000)]
    [InlineData(Side.Buy, 3.33, 0.333, 0.001, 1_108_890, 3_330_000)]
    [InlineData(Side.Buy, 3.33, 0.555, 0.01, 1_848_100, 3_330_000)]
    public void Amounts_RoundAsRoundingConfig(Side side, double size, double price, double tick, long maker, long taker)
    {
        var (makerAmount, takerAmount) = PolymarketOrderBuilder.Amounts(side, (decimal)size, (decimal)price, (decimal)tick);

        ((long)makerAmount).Should().Be(maker);
        ((long)takerAmount).Should().Be(taker);
    }

    [Fact]
    public void Build_SameIntentTwice_SameOrderAndId()
    {
        var intent = Intent("c-42");

        var first = PolymarketOrderBuilder.Build(intent, Market, Maker, Maker, PolymarketSignatureType.Eoa, 137).Value;
        var second = PolymarketOrderBuilder.Build(intent with { OrderId = new OrderId("other") }, Market, Maker, Maker, PolymarketSignatureType.Eoa, 137).Value;

        second.Should().Be(first);
        first.Id.Should().StartWith("0x").And.HaveLength(66);
        first.Order.Nonce.IsZero.Should().BeTrue();
        first.Order.Expiration.IsZero.Should().BeTrue();
        first.Order.Salt.Should().BeLessThan(new System.Numerics.BigInteger(1L << 40));
    }

    [Fact]
    public void Build_OtherClientIdOrNegRiskExchange_OtherId()
    {
        var plan = PolymarketOrderBuilder.Build(Intent("c-1"), Market, Maker, Maker, PolymarketSignatureType.Eoa, 137).Value;

        PolymarketOrderBuilder.Build(Intent("c-2"), Market, Maker, Maker, PolymarketSignatureType.Eoa, 137).Value.Id.Should().NotBe(plan.Id);
        PolymarketOrderBuilder.Build(Intent("c-1"), Market with { NegRisk = true }, Maker, Maker, PolymarketSignatureType.Eoa, 137).Value.Id.Should().NotBe(plan.Id);
    }

    [Fact]
    public void Build_MarketOrder_RejectedNamingWhy()
    {
        var result = PolymarketOrderBuilder.Build(Intent("c-1") with { Type = OrderType.Market, LimitPrice = null, TimeInForce = TimeInForce.Fok }, Market, Maker, Maker, PolymarketSignatureType.Eoa, 137);

        result.Error.Should().BeOfType<VenueRejected>().Which.Message.Should().Contain("limit price");
    }

    [Fact]
    public void Statuses_Retrying_KeepsTheStatusReportedBefore()
    {
        PolymarketStatuses.OfTrade("RETRYING", VenueOrderStatus.Mined).Should().Be(VenueOrderStatus.Mined);
        PolymarketStatuses.OfTrade("RETRYING", null).Should().Be(VenueOrderStatus.Filled);
        PolymarketStatuses.OfTrade("BOGUS", null).Should().BeNull();
        PolymarketStatuses.Combine([VenueOrderStatus.Confirmed, VenueOrderStatus.Mined]).Should().Be(VenueOrderStatus.Mined);
        PolymarketStatuses.Combine([VenueOrderStatus.Confirmed, VenueOrderStatus.Failed]).Should().Be(VenueOrderStatus.Failed);
    }

    private static OrderIntent Intent(string clientId) => new(new OrderId("o"), new ClientOrderId(clientId), PolymarketFixture.VenueName, new MarketId("m"),
        Side.Buy, Outcome.Yes, OrderType.Limit, TimeInForce.Gtc, new Quantity(10m), new Price(0.4m));
}
