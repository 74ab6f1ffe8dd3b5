using ActorExec.Trading.Risk;

namespace ActorExec.Trading.Tests.Risk;

public sealed class RiskSnapshotSpec
{
    private static readonly MarketId M1 = new("M1");
    private static readonly MarketId M2 = new("M2");

    [Fact]
    public void Constructor_SignedPositions_TotalCountsAbsoluteSizes()
    {
        var snapshot = new RiskSnapshot(TradingState.Active, [new(M1, 30m), new(M2, -70m)], 0m, 0);

        snapshot.TotalAbsolutePosition.Should().Be(100m);
        snapshot.PositionOf(M1).Should().Be(30m);
        snapshot.PositionOf(M2).Should().Be(-70m);
        snapshot.PositionOf(new MarketId("M3")).Should().Be(0m);
    }

    [Fact]
    public void Constructor_ZeroPositions_AreDropped()
        => new RiskSnapshot(TradingState.Active, [new(M1, 0m)], 0m, 0).Positions.Should().BeEmpty();

    [Fact]
    public void Constructor_CallerMutatesItsDictionaryAfterwards_SnapshotUnchanged()
    {
        var positions = new Dictionary<MarketId, decimal> { [M1] = 10m };
        var snapshot = new RiskSnapshot(TradingState.Active, positions, 0m, 0);

        positions[M1] = 999m;

        snapshot.PositionOf(M1).Should().Be(10m);
    }

    [Fact]
    public void Constructor_SameMarketTwice_ThrowsNamingTheMarket()
    {
        var act = () => new RiskSnapshot(TradingState.Active, [new(M1, 1m), new(M1, 2m)], 0m, 0);

        act.Should().Throw<ArgumentException>().WithParameterName("positions").WithMessage("*M1*twice*");
    }

    [Fact]
    public void Constructor_NegativeErrorCount_Throws()
    {
        var act = () => new RiskSnapshot(TradingState.Active, [], 0m, -1);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("consecutiveErrors");
    }

    [Fact]
    public void Constructor_UndefinedState_Throws()
    {
        var act = () => new RiskSnapshot((TradingState)7, [], 0m, 0);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("state");
    }

    [Theory]
    [InlineData("-40", "40")]
    [InlineData("0", "0")]
    [InlineData("25", "0")]
    public void DailyLoss_FromSignedPnl_IsTheLossOrZero(string pnl, string loss)
        => new RiskSnapshot(TradingState.Active, [], decimal.Parse(pnl), 0).DailyLoss.Should().Be(decimal.Parse(loss));

    [Fact]
    public void WithState_KeepsEverythingElse()
    {
        var snapshot = new RiskSnapshot(TradingState.Active, [new(M1, 5m)], -3m, 2).WithState(TradingState.Halted);

        snapshot.State.Should().Be(TradingState.Halted);
        snapshot.PositionOf(M1).Should().Be(5m);
        snapshot.DailyPnl.Should().Be(-3m);
        snapshot.ConsecutiveErrors.Should().Be(2);
    }

    [Fact]
    public void WithPosition_ChangesOneMarket_TotalFollowsAndOthersStay()
    {
        var snapshot = new RiskSnapshot(TradingState.Active, [new(M1, 30m), new(M2, -70m)], -5m, 1);

        var moved = snapshot.WithPosition(M1, -10m).WithPosition(new MarketId("M3"), 4m);

        moved.PositionOf(M1).Should().Be(-10m);
        moved.PositionOf(M2).Should().Be(-70m);
        moved.TotalAbsolutePosition.Should().Be(84m);
        moved.Should().BeEquivalentTo(new RiskSnapshot(TradingState.Active, [new(M1, -10m), new(M2, -70m), new(new MarketId("M3"), 4m)], -5m, 1));
        snapshot.PositionOf(M1).Should().Be(30m, "the original snapshot is immutable");
    }

    [Fact]
    public void WithPosition_Zero_RemovesTheMarket()
    {
        var flat = new RiskSnapshot(TradingState.Active, [new(M1, 30m)], 0m, 0).WithPosition(M1, 0m);

        flat.Positions.Should().BeEmpty();
        flat.TotalAbsolutePosition.Should().Be(0m);
    }

    [Fact]
    public void WithPosition_DefaultMarket_Throws()
        => FluentActions.Invoking(() => RiskSnapshot.Flat.WithPosition(default, 1m)).Should().Throw<ArgumentException>().WithMessage("*default(MarketId)*");

    [Fact]
    public void WithConsecutiveErrorsAndDailyPnl_KeepPositions()
    {
        var snapshot = new RiskSnapshot(TradingState.Active, [new(M1, 5m)], 0m, 0).WithConsecutiveErrors(3).WithDailyPnl(-12m);

        snapshot.ConsecutiveErrors.Should().Be(3);
        snapshot.DailyPnl.Should().Be(-12m);
        snapshot.PositionOf(M1).Should().Be(5m);
        FluentActions.Invoking(() => snapshot.WithConsecutiveErrors(-1)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => snapshot.WithState((TradingState)99)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
