using ActorExec.Trading.Positions;
using static ActorExec.Trading.Tests.Positions.Fills;

namespace ActorExec.Trading.Tests.Positions;

public sealed class MarketExposureSpec
{
    [Fact]
    public void Exposure_UnevenLegsAcrossVenues_MatchesTheSmallerLegAndLeavesTheRest()
    {
        var book = PositionBook.FromFills([
            Buy(10m, 0.40m, outcome: Outcome.Yes, venue: Kalshi),
            Buy(7m, 0.55m, outcome: Outcome.No, venue: Polymarket),
        ]);

        var exposure = book.Exposure(Fed);

        exposure.YesContracts.Should().Be(10m);
        exposure.NoContracts.Should().Be(7m);
        exposure.MatchedContracts.Should().Be(7m);
        exposure.UnhedgedOutcome.Should().Be(Outcome.Yes);
        exposure.UnhedgedContracts.Should().Be(3m);
        // 7 × (0.40 + 0.55) = 6.65 for pairs that pay 7.
        exposure.MatchedCost.Should().Be(6.65m);
        exposure.GuaranteedProfit.Should().Be(0.35m);
    }

    [Fact]
    public void Exposure_MoreNoThanYes_UnhedgedIsNo()
    {
        var book = PositionBook.FromFills([Buy(4m, 0.45m), Buy(9m, 0.50m, outcome: Outcome.No, venue: Polymarket)]);

        var exposure = book.Exposure(Fed);

        exposure.MatchedContracts.Should().Be(4m);
        exposure.UnhedgedOutcome.Should().Be(Outcome.No);
        exposure.UnhedgedContracts.Should().Be(5m);
        exposure.GuaranteedProfit.Should().Be(0.20m);
    }

    [Fact]
    public void Exposure_SameOutcomeOnTwoVenues_UsesTheAverageCostAcrossVenues()
    {
        var book = PositionBook.FromFills([
            Buy(6m, 0.40m, venue: Kalshi),
            Buy(4m, 0.45m, venue: Polymarket),
            Buy(10m, 0.52m, outcome: Outcome.No, venue: Polymarket),
        ]);

        var exposure = book.Exposure(Fed);

        exposure.YesAverageCost.Should().Be(0.42m);
        exposure.NoAverageCost.Should().Be(0.52m);
        exposure.MatchedContracts.Should().Be(10m);
        exposure.UnhedgedOutcome.Should().BeNull();
        exposure.UnhedgedContracts.Should().Be(0m);
        exposure.GuaranteedProfit.Should().Be(0.60m);
    }

    [Fact]
    public void Exposure_PairsCostingMoreThanADollar_GuaranteeALoss()
    {
        var book = PositionBook.FromFills([Buy(5m, 0.60m), Buy(5m, 0.45m, outcome: Outcome.No, venue: Polymarket)]);

        book.Exposure(Fed).GuaranteedProfit.Should().Be(-0.25m);
    }

    [Fact]
    public void Exposure_OneSidedHolding_NothingMatched()
    {
        var book = PositionBook.FromFills([Buy(5m, 0.60m)]);

        var exposure = book.Exposure(Fed);

        exposure.MatchedContracts.Should().Be(0m);
        exposure.MatchedCost.Should().Be(0m);
        exposure.GuaranteedProfit.Should().Be(0m);
        exposure.UnhedgedOutcome.Should().Be(Outcome.Yes);
        exposure.UnhedgedContracts.Should().Be(5m);
    }

    [Fact]
    public void Exposure_NetShortOutcome_PairsWithNothing()
    {
        var book = PositionBook.FromFills([Buy(5m, 0.40m), Sell(2m, 0.50m, outcome: Outcome.No, venue: Polymarket)]);

        var exposure = book.Exposure(Fed);

        exposure.NoContracts.Should().Be(-2m);
        exposure.MatchedContracts.Should().Be(0m);
        exposure.UnhedgedOutcome.Should().Be(Outcome.Yes);
        exposure.UnhedgedContracts.Should().Be(5m);
    }

    [Fact]
    public void Exposure_OtherMarkets_AreNotCounted()
    {
        var book = PositionBook.FromFills([Buy(5m, 0.40m), Buy(8m, 0.50m, outcome: Outcome.No, market: Cpi)]);

        var exposure = book.Exposure(Fed);

        exposure.NoContracts.Should().Be(0m);
        exposure.MatchedContracts.Should().Be(0m);
        book.Exposure(Cpi).NoContracts.Should().Be(8m);
    }

    [Fact]
    public void Exposure_UnknownMarket_IsEmpty()
    {
        var exposure = PositionBook.Empty.Exposure(Fed);

        exposure.Should().Be(new MarketExposure(Fed, 0m, 0m, 0m, 0m, 0m, null, 0m, 0m, 0m));
    }

    [Fact]
    public void From_PositionOfAnotherMarket_ThrowsArgumentException()
    {
        var act = () => MarketExposure.From(Fed, [Position.Flat(Key(market: Cpi))]);

        act.Should().Throw<ArgumentException>();
    }
}
