using System.Numerics;
using ActorExec.Trading.Orders;
using ActorExec.Venues.Polymarket;
using ActorExec.Venues.Polymarket.Signing;

namespace ActorExec.Venues.Tests.Polymarket;

/// <summary>CLOB V2 orders are built deterministically from the intent, with amounts rounded as py-clob-client rounds them.</summary>
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
        first.Order.Timestamp.Should().Be(PolymarketDefaults.OrderTimestamp);
        first.Order.Metadata.Should().Be(PolymarketOrderV2.ZeroBytes32);
        first.Order.Builder.Should().Be(PolymarketOrderV2.ZeroBytes32);
        first.Expiration.Should().Be(0);
        first.Order.Salt.Should().BeLessThan(new BigInteger(1L << 40));
    }

    [Fact]
    public void Build_KnownIntent_DigestEqualsAnIndependentEip712Encoding()
    {
        var plan = PolymarketOrderBuilder.Build(Intent("c-42"), Market, Maker, Maker, PolymarketSignatureType.Eoa, 137).Value;
        var salt = new BigInteger(Keccak256.Hash("c-42"u8.ToArray())[..8], isUnsigned: true, isBigEndian: true) & ((BigInteger.One << 40) - 1);

        plan.Order.Should().Be(new PolymarketOrderV2(salt, Maker, Maker, 11, 4_000_000, 10_000_000, PolymarketOrderSide.Buy, PolymarketSignatureType.Eoa,
            1_777_334_400_000, PolymarketOrderV2.ZeroBytes32, PolymarketOrderV2.ZeroBytes32));
        plan.Id.Should().Be("0x" + Convert.ToHexStringLower(IndependentDigest(plan.Order, 137, CtfExchangeV2)));
        PolymarketOrderBuilder.Build(Intent("c-42"), Market with { NegRisk = true }, Maker, Maker, PolymarketSignatureType.Eoa, 137).Value.Id
            .Should().Be("0x" + Convert.ToHexStringLower(IndependentDigest(plan.Order, 137, NegRiskCtfExchangeV2)));
    }

    [Fact]
    public void IndependentDigest_PyClobClientV2Vector_MatchesItsPublishedOrderHash()
    {
        // py-clob-client-v2 tests/order_utils/test_exchange_order_builder_v2.py: chain 80002, salt 479249096354,
        // deposit wallet 0x1111…1111 as maker and signer (POLY_1271 = 3), token 1234, BUY 100000000 for 50000000, timestamp 1710000000000.
        const string wallet = "0x1111111111111111111111111111111111111111";
        var order = new PolymarketOrderV2(479249096354, wallet, wallet, 1234, 100_000_000, 50_000_000, PolymarketOrderSide.Buy, PolymarketSignatureType.Poly1271,
            1_710_000_000_000, PolymarketOrderV2.ZeroBytes32, PolymarketOrderV2.ZeroBytes32);

        Convert.ToHexStringLower(IndependentDigest(order, 80002, CtfExchangeV2)).Should().Be("2afca94626db91b2d556c351584a4cd93e13da32e377dc48c7983e43afa5ab47");
    }

    [Fact]
    public void Build_Gtd_ExpirationBesideTheSignedStructNotInIt()
    {
        var expires = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        var gtc = PolymarketOrderBuilder.Build(Intent("c-7"), Market, Maker, Maker, PolymarketSignatureType.Eoa, 137).Value;

        var gtd = PolymarketOrderBuilder.Build(Intent("c-7") with { TimeInForce = TimeInForce.Gtd, ExpiresAt = expires }, Market, Maker, Maker, PolymarketSignatureType.Eoa, 137).Value;

        gtd.Expiration.Should().Be(expires.ToUnixTimeSeconds());
        gtd.OrderType.Should().Be("GTD");
        gtd.Order.Should().Be(gtc.Order, "V2 does not sign the expiration");
    }

    [Fact]
    public void Build_DepositWalletOrBuilderCode_WalletSignsAndTheCodeIsSigned()
    {
        const string wallet = "0x1111111111111111111111111111111111111111";
        const string code = "0x00000000000000000000000000000000000000000000000000000000000000ab";

        var viaWallet = PolymarketOrderBuilder.Build(Intent("c-1"), Market, wallet, Maker, PolymarketSignatureType.Poly1271, 137).Value;
        var withCode = PolymarketOrderBuilder.Build(Intent("c-1"), Market, Maker, Maker, PolymarketSignatureType.Eoa, 137, code).Value;

        viaWallet.Order.Signer.Should().Be(wallet);
        withCode.Order.Builder.Should().Be(code);
        withCode.Id.Should().NotBe(PolymarketOrderBuilder.Build(Intent("c-1"), Market, Maker, Maker, PolymarketSignatureType.Eoa, 137).Value.Id);
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

    private const string CtfExchangeV2 = "0xE111180000d2663C0091e4f400237545B87B996B";
    private const string NegRiskCtfExchangeV2 = "0xe2222d279d744050d28e00520010520000310F59";

    /// <summary>
    /// EIP-712 by hand from the V2 type string, without <see cref="Eip712"/>: keccak(0x1901 ‖ domainSeparator ‖ hashStruct),
    /// every member ABI-encoded as one 32-byte word (bytes32 as is, addresses and integers left-padded).
    /// </summary>
    private static byte[] IndependentDigest(PolymarketOrderV2 order, long chainId, string exchange)
    {
        static byte[] K(byte[] data) => Keccak256.Hash(data);
        static byte[] Text(string text) => K(System.Text.Encoding.ASCII.GetBytes(text));
        static byte[] Word(BigInteger value) => value.ToByteArray(isUnsigned: true, isBigEndian: true) is var b ? [.. new byte[32 - b.Length], .. b] : [];
        static byte[] Address(string address) => [.. new byte[12], .. Convert.FromHexString(address[2..])];
        var domain = K([.. Text("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
            .. Text("Polymarket CTF Exchange"), .. Text("2"), .. Word(chainId), .. Address(exchange)]);
        var typeHash = Text("Order(uint256 salt,address maker,address signer,uint256 tokenId,uint256 makerAmount,uint256 takerAmount,uint8 side,uint8 signatureType,uint256 timestamp,bytes32 metadata,bytes32 builder)");
        var structHash = K([.. typeHash, .. Word(order.Salt), .. Address(order.Maker), .. Address(order.Signer), .. Word(order.TokenId),
            .. Word(order.MakerAmount), .. Word(order.TakerAmount), .. Word((int)order.Side), .. Word((int)order.SignatureType), .. Word(order.Timestamp),
            .. Convert.FromHexString(order.Metadata[2..]), .. Convert.FromHexString(order.Builder[2..])]);
        return K([0x19, 0x01, .. domain, .. structHash]);
    }

    private static OrderIntent Intent(string clientId) => new(new OrderId("o"), new ClientOrderId(clientId), PolymarketFixture.VenueName, new MarketId("m"),
        Side.Buy, Outcome.Yes, OrderType.Limit, TimeInForce.Gtc, new Quantity(10m), new Price(0.4m));
}
