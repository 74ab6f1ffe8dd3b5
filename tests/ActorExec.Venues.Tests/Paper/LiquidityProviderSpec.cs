using ActorExec.Trading.Execution;
using ActorExec.Venues.Paper;

namespace ActorExec.Venues.Tests.Paper;

public sealed class LiquidityProviderSpec
{
    private static PaperFixture WithLiquidity(PaperLiquidityOptions? liquidity = null, int seed = 7)
        => new(o => o with { Liquidity = liquidity ?? new PaperLiquidityOptions(), Seed = seed });

    [Fact]
    public void Quote_FirstTouch_LaddersAroundTheAnchor()
    {
        var f = WithLiquidity();

        var book = f.Venue.OrderBookOf(PaperFixture.Binary);

        book.Bids.Select(b => b.Price.Value).Should().Equal(0.49m, 0.48m, 0.47m, 0.46m, 0.45m);
        book.Asks.Select(a => a.Price.Value).Should().Equal(0.51m, 0.52m, 0.53m, 0.54m, 0.55m);
        book.Bids.Concat(book.Asks).Should().OnlyContain(e =>
            e.Participant == PaperParticipant.LiquidityProvider && e.Remaining.Value >= 10 && e.Remaining.Value <= 100 && e.Remaining.Value % 1 == 0);
    }

    [Fact]
    public void Requote_AfterAnInterval_ReplacesTheLadderAroundTheNewFairValue()
    {
        var f = WithLiquidity(new PaperLiquidityOptions { Volatility = 0.05 });
        var before = f.Venue.OrderBookOf(PaperFixture.Binary);

        f.Time.Advance(TimeSpan.FromMilliseconds(250));
        var after = f.Venue.OrderBookOf(PaperFixture.Binary);

        after.Should().NotBeEquivalentTo(before);
        var fair = (decimal)f.Venue.FairValueOf(PaperFixture.Binary);
        after.Bids[0].Price.Value.Should().BeLessThanOrEqualTo(fair);
        after.Asks[0].Price.Value.Should().BeGreaterThan(fair);
        (after.Asks[0].Price.Value - after.Bids[0].Price.Value).Should().Be(0.02m);
    }

    [Fact]
    public void Requote_WithinAnInterval_KeepsTheBook()
    {
        var f = WithLiquidity();
        var before = f.Venue.OrderBookOf(PaperFixture.Binary);

        f.Time.Advance(TimeSpan.FromMilliseconds(249));

        f.Venue.OrderBookOf(PaperFixture.Binary).Bids.Should().Equal(before.Bids);
    }

    [Fact]
    public void FairValue_DependsOnlyOnTheClock_NotOnHowOftenTheMarketIsTouched()
    {
        var often = WithLiquidity(seed: 11);
        var once = WithLiquidity(seed: 11);

        for (var i = 0; i < 240; i++)
        {
            often.Time.Advance(TimeSpan.FromMilliseconds(250));
            often.Venue.OrderBookOf(PaperFixture.Binary);
        }
        once.Time.Advance(TimeSpan.FromSeconds(60));

        once.Venue.FairValueOf(PaperFixture.Binary).Should().Be(often.Venue.FairValueOf(PaperFixture.Binary));
    }

    [Fact]
    public void FairValue_DifferentSeeds_WalkDifferently()
    {
        var a = WithLiquidity(seed: 1);
        var b = WithLiquidity(seed: 2);

        a.Time.Advance(TimeSpan.FromSeconds(30));
        b.Time.Advance(TimeSpan.FromSeconds(30));

        a.Venue.FairValueOf(PaperFixture.Binary).Should().NotBe(b.Venue.FairValueOf(PaperFixture.Binary));
    }

    [Fact]
    public void FairValue_ExtremeVolatility_StaysWithinTheBinaryClamp()
    {
        var f = WithLiquidity(new PaperLiquidityOptions { Volatility = 0.5 });

        for (var i = 0; i < 200; i++)
        {
            f.Time.Advance(TimeSpan.FromMilliseconds(250));
            f.Venue.FairValueOf(PaperFixture.Binary).Should().BeInRange(0.03, 0.97);
            var book = f.Venue.OrderBookOf(PaperFixture.Binary);
            book.IsCrossed.Should().BeFalse();
            book.Bids.Concat(book.Asks).Should().OnlyContain(e => e.Price.Value >= 0.01m && e.Price.Value <= 0.99m);
        }
    }

    [Fact]
    public async Task Requote_CrossingOurRestingOrder_GivesUsAMakerFillAtOurPrice()
    {
        var f = new PaperFixture(o => o with { Liquidity = new PaperLiquidityOptions(), MakerFees = FeeSchedule.KalshiMaker, Seed = 3 });
        var resting = await f.Place(f.SellYes(5, 0.52m));
        resting.Status.Should().Be(VenueOrderStatus.Open);

        var report = resting;
        for (var i = 0; i < 2400 && report.Fills.Count == 0; i++)
        {
            f.Time.Advance(TimeSpan.FromMilliseconds(250));
            report = await f.Order(resting.VenueOrderId);
        }

        report.Fills.Should().NotBeEmpty("the fair value wanders above 0.53 within ten minutes");
        report.Fills.Should().OnlyContain(x => x.IsMaker && x.Price.Value == 0.52m && x.Fee == FeeSchedule.KalshiMaker.FeeFor(x.Quantity.Value, 0.52m));
    }

    [Fact]
    public void Requote_AddedLiquidity_IsReplaced()
    {
        var f = WithLiquidity();
        f.Lp(Side.Buy, 0.30m, 1);
        f.Venue.OrderBookOf(PaperFixture.Binary).Bids.Should().Contain(b => b.Price.Value == 0.30m);

        f.Time.Advance(TimeSpan.FromMilliseconds(250));

        f.Venue.OrderBookOf(PaperFixture.Binary).Bids.Should().NotContain(b => b.Price.Value == 0.30m);
    }

    [Fact]
    public void Quote_LinearMarket_LaddersAroundItsAnchorOnItsTicks()
    {
        var f = WithLiquidity();

        var book = f.Venue.OrderBookOf(PaperFixture.Linear);

        book.Bids[0].Price.Value.Should().Be(2999.99m);
        book.Asks[0].Price.Value.Should().Be(3000.01m);
        book.Bids.Should().HaveCount(5);
    }

    [Fact]
    public void Quote_LiquidityDisabled_LeavesTheBooksEmpty()
    {
        var f = new PaperFixture();

        f.Time.Advance(TimeSpan.FromMinutes(1));

        var book = f.Venue.OrderBookOf(PaperFixture.Binary);
        book.Bids.Should().BeEmpty();
        book.Asks.Should().BeEmpty();
    }

    [Fact]
    public void Quote_EqualMinAndMaxLevelSize_PostsThatSizeEverywhere()
    {
        var f = WithLiquidity(new PaperLiquidityOptions { MinLevelSize = 25, MaxLevelSize = 25, Levels = 2, SpreadTicks = 4 });

        var book = f.Venue.OrderBookOf(PaperFixture.Binary);

        book.Bids.Should().Equal(Lp(0.48m, 25), Lp(0.47m, 25));
        book.Asks.Should().Equal(Lp(0.52m, 25), Lp(0.53m, 25));
    }

    private static PaperBookEntry Lp(decimal price, decimal size) => new(new Price(price), new Quantity(size), PaperParticipant.LiquidityProvider, null);
}
