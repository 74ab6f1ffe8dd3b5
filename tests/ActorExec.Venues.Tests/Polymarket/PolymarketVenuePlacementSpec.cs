using ActorExec.Venues.Polymarket;
using ActorExec.Venues.Paper;

namespace ActorExec.Venues.Tests.Polymarket;

/// <summary>Placing orders on the test CLOB: resting, filling, killing, refusing, and settling on chain.</summary>
public sealed class PolymarketVenuePlacementSpec
{
    private static readonly string A = PolymarketFixture.ConditionA;

    [Fact]
    public async Task PlaceAsync_GtcAwayFromTheBook_RestsOpenUnderItsEip712Hash()
    {
        await using var fx = await PolymarketFixture.StartAsync();

        var report = (await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.40m))).Value;

        report.Status.Should().Be(VenueOrderStatus.Open);
        report.VenueOrderId.Value.Should().StartWith("0x").And.HaveLength(66);
        fx.Server.OrderIds.Should().Equal(report.VenueOrderId.Value);
        fx.Server.Paper.Records.Placements.Should().ContainSingle();
    }

    [Fact]
    public async Task PlaceAsync_FokAgainstEnoughLiquidity_FilledThenMinedThenConfirmed()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        fx.Liquidity(A, Side.Sell, 0.55m, 100m);

        var filled = (await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.55m, TimeInForce.Fok))).Value;

        filled.Status.Should().Be(VenueOrderStatus.Filled);
        filled.Filled.Value.Should().Be(10m);
        filled.Fills.Should().ContainSingle().Which.Should().Match<VenueFill>(f => f.Price.Value == 0.55m && !f.IsMaker && f.Outcome == Outcome.Yes);
        fx.Venue.Capabilities.SettlesOnChain.Should().BeTrue();

        fx.Clock.Advance(TimeSpan.FromSeconds(2));
        var mined = (await fx.Venue.GetOrderAsync(filled.VenueOrderId)).Value;
        mined.Status.Should().Be(VenueOrderStatus.Mined);
        mined.TransactionHash.Should().StartWith("0x");

        fx.Clock.Advance(TimeSpan.FromSeconds(3));
        (await fx.Venue.GetOrderAsync(filled.VenueOrderId)).Value.Status.Should().Be(VenueOrderStatus.Confirmed);
    }

    [Fact]
    public async Task PlaceAsync_SettlementFails_ReportsFailedAndKeepsTheFillsAsPaperDoes()
    {
        await using var fx = await PolymarketFixture.StartAsync(server: o => o with { Settlement = new PaperSettlementOptions { MineDelay = TimeSpan.FromSeconds(2), FailureRate = 1 } });
        fx.Liquidity(A, Side.Sell, 0.55m, 100m);
        var filled = (await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.55m, TimeInForce.Fok))).Value;

        fx.Clock.Advance(TimeSpan.FromSeconds(2));
        var failed = (await fx.Venue.GetOrderAsync(filled.VenueOrderId)).Value;
        var paper = (await fx.Server.Paper.GetOrderAsync(fx.Server.PaperOrderOf(filled.VenueOrderId.Value))).Value;

        failed.Status.Should().Be(VenueOrderStatus.Failed).And.Be(paper.Status);
        failed.Detail.Should().Contain("FAILED");
        failed.Fills.Should().HaveCount(paper.Fills.Count);
        (await fx.Venue.GetPositionsAsync()).Value.Should().BeEmpty("a failed settlement voids the fills in the positions");
    }

    [Fact]
    public async Task PlaceAsync_FokWithoutEnoughLiquidity_CancelledWithNothingFilled()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        fx.Liquidity(A, Side.Sell, 0.55m, 6m);

        var report = (await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.55m, TimeInForce.Fok))).Value;

        report.Status.Should().Be(VenueOrderStatus.Cancelled);
        report.Filled.IsZero.Should().BeTrue();
        report.Detail.Should().Contain(PolymarketErrors.FokNotFilled);
    }

    [Fact]
    public async Task PlaceAsync_FakAgainstPartialLiquidity_FillsWhatIsThereAndCancelsTheRest()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        fx.Liquidity(A, Side.Sell, 0.55m, 6m);

        var report = (await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.55m, TimeInForce.Fak))).Value;

        report.Status.Should().Be(VenueOrderStatus.Cancelled);
        report.Filled.Value.Should().Be(6m);
        report.Fills.Sum(f => f.Quantity.Value).Should().Be(6m);
    }

    [Fact]
    public async Task PlaceAsync_SameIntentTwice_PlacedOnceAndTheSecondReportsTheFirst()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        var intent = fx.Intent(Side.Sell, Outcome.No, 10m, 0.70m);

        var first = (await fx.Venue.PlaceAsync(intent)).Value;
        var second = (await fx.Venue.PlaceAsync(intent)).Value;

        second.VenueOrderId.Should().Be(first.VenueOrderId);
        second.Status.Should().Be(VenueOrderStatus.Open);
        second.ClientOrderId.Should().Be(intent.ClientOrderId);
        fx.Server.Paper.Records.Placements.Should().ContainSingle();
        fx.Server.Requests.Count(r => r.Method == "POST" && r.PathAndQuery == "/order").Should().Be(2);
    }

    [Fact]
    public async Task PlaceAsync_NegRiskMarket_SignedForTheNegRiskExchangeAndAccepted()
    {
        await using var fx = await PolymarketFixture.StartAsync();

        var report = await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.412m, market: PolymarketFixture.Fed));

        report.Value.Status.Should().Be(VenueOrderStatus.Open);
    }

    [Fact]
    public async Task PlaceAsync_OffTickPrice_RejectedWithTheClobsCode()
    {
        await using var fx = await PolymarketFixture.StartAsync();

        var result = await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.555m));

        result.Error.Should().BeOfType<VenueRejected>().Which.VenueCode.Should().Be(PolymarketErrors.MinTickSize);
        fx.Server.Paper.Records.PlaceCalls.Should().Be(0);
    }

    [Fact]
    public async Task PlaceAsync_BelowMinimumSize_RejectedWithTheClobsCode()
    {
        await using var fx = await PolymarketFixture.StartAsync();

        var result = await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 2m, 0.40m));

        var rejected = result.Error.Should().BeOfType<VenueRejected>().Which;
        rejected.VenueCode.Should().Be(PolymarketErrors.MinSize);
        rejected.Message.Should().Contain("lower than the minimum");
    }

    [Fact]
    public async Task PlaceAsync_FakWithoutLiquidity_UnmatchedThenCancelledWithNothingFilled()
    {
        await using var fx = await PolymarketFixture.StartAsync();

        var report = (await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.55m, TimeInForce.Fak))).Value;

        report.Status.Should().Be(VenueOrderStatus.Cancelled);
        report.Filled.IsZero.Should().BeTrue();
    }

    [Fact]
    public async Task PlaceAsync_GtdPastItsExpiry_Expired()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        var intent = fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.40m) with { TimeInForce = TimeInForce.Gtd, ExpiresAt = fx.Clock.GetUtcNow().AddMinutes(2) };

        var placed = (await fx.Venue.PlaceAsync(intent)).Value;
        fx.Clock.Advance(TimeSpan.FromMinutes(3));
        var later = (await fx.Venue.GetOrderAsync(placed.VenueOrderId)).Value;

        placed.Status.Should().Be(VenueOrderStatus.Open);
        later.Status.Should().Be(VenueOrderStatus.Expired);
    }

    [Fact]
    public async Task PlaceAsync_ProxyWallet_MakerIsTheFunderAndPositionsAreTheFunders()
    {
        const string funder = "0x1234567890123456789012345678901234567890";
        await using var fx = await PolymarketFixture.StartAsync(
            server: o => o with { FunderAddress = funder, SignatureType = Venues.Polymarket.Signing.PolymarketSignatureType.PolyProxy },
            venue: o => o with { FunderAddress = funder, SignatureType = Venues.Polymarket.Signing.PolymarketSignatureType.PolyProxy });
        fx.Liquidity(A, Side.Sell, 0.55m, 100m);

        var report = await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.55m, TimeInForce.Fok));

        report.Value.Status.Should().Be(VenueOrderStatus.Filled);
        fx.Server.Requests.Single(r => r.PathAndQuery == "/order").Body.Should().Contain($"\"maker\":\"{funder}\"").And.Contain("\"signatureType\":1");
        (await fx.Venue.GetPositionsAsync()).Value.Should().Equal(new VenuePosition(PolymarketFixture.Election, Outcome.Yes, 10m));
        fx.Server.Requests.Should().Contain(r => r.PathAndQuery.StartsWith($"/positions?user={funder}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlaceAsync_DepositWallet_WalletSignsWithTheOwnersWrappedSignatureAndIsAccepted()
    {
        const string wallet = "0x1111111111111111111111111111111111111111";
        await using var fx = await PolymarketFixture.StartAsync(
            server: o => o with { FunderAddress = wallet, SignatureType = Venues.Polymarket.Signing.PolymarketSignatureType.Poly1271 },
            venue: o => o with { FunderAddress = wallet, SignatureType = Venues.Polymarket.Signing.PolymarketSignatureType.Poly1271 });

        var report = await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.40m, market: PolymarketFixture.Fed));

        report.Value.Status.Should().Be(VenueOrderStatus.Open);
        fx.Server.Requests.Single(r => r.PathAndQuery == "/order").Body.Should().Contain($"\"maker\":\"{wallet}\"").And.Contain($"\"signer\":\"{wallet}\"").And.Contain("\"signatureType\":3");
    }

    [Fact]
    public async Task PlaceAsync_WithABuilderCode_SignedIntoTheOrderAndAccepted()
    {
        const string code = "0x00000000000000000000000000000000000000000000000000000000000000ab";
        await using var fx = await PolymarketFixture.StartAsync(venue: o => o with { BuilderCode = code });

        var report = await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.40m));

        report.Value.Status.Should().Be(VenueOrderStatus.Open);
        fx.Server.Requests.Single(r => r.PathAndQuery == "/order").Body.Should().Contain($"\"builder\":\"{code}\"");
    }

    [Fact]
    public async Task ConnectAsync_MalformedBuilderCode_ThrowsNamingTheOption()
    {
        var act = () => PolymarketFixture.StartAsync(venue: o => o with { BuilderCode = "0xabc" });

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*BuilderCode*0xabc*");
    }
}
