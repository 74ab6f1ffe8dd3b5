using ActorExec.Trading.AutoClose;

namespace ActorExec.Trading.Tests.AutoClose;

public sealed class MismatchBlacklistSpec
{
    private static readonly MarketId Market = new("fed-cut-2025-03");
    private static readonly MarketId Other = new("cpi-above-3-2025-04");
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    private static readonly MismatchBlacklist Empty = MismatchBlacklist.Empty(new AutoCloseOptions());

    private static MismatchBlacklist Record(MismatchBlacklist blacklist, params DateTimeOffset[] times)
        => times.Aggregate(blacklist, (b, t) => b.RecordMismatch(Market, t));

    [Fact]
    public void IsBlacklisted_NoMismatches_False()
    {
        Empty.IsBlacklisted(Market, T0).Should().BeFalse();
        Empty.BlacklistedUntil(Market).Should().BeNull();
        Empty.MismatchCount(Market, T0).Should().Be(0);
    }

    [Fact]
    public void RecordMismatch_TwoWithinWindow_NotBlacklisted()
    {
        var blacklist = Record(Empty, T0, T0.AddMinutes(1));

        blacklist.IsBlacklisted(Market, T0.AddMinutes(1)).Should().BeFalse();
        blacklist.MismatchCount(Market, T0.AddMinutes(1)).Should().Be(2);
    }

    [Fact]
    public void RecordMismatch_ThirdExactlyOneWindowAfterFirst_Blacklists()
    {
        var third = T0.AddHours(1);

        var blacklist = Record(Empty, T0, T0.AddMinutes(30), third);

        blacklist.IsBlacklisted(Market, third).Should().BeTrue();
        blacklist.BlacklistedUntil(Market).Should().Be(third.AddMinutes(5));
    }

    [Fact]
    public void RecordMismatch_ThirdJustOutsideWindowOfFirst_NotBlacklisted()
    {
        var third = T0.AddHours(1) + Tick;

        var blacklist = Record(Empty, T0, T0.AddMinutes(30), third);

        blacklist.IsBlacklisted(Market, third).Should().BeFalse();
        blacklist.MismatchCount(Market, third).Should().Be(2);
    }

    [Fact]
    public void IsBlacklisted_AroundExpiry_EndsExactlyAtBlacklistEnd()
    {
        var third = T0.AddMinutes(2);
        var blacklist = Record(Empty, T0, T0.AddMinutes(1), third);
        var end = third.AddMinutes(5);

        blacklist.IsBlacklisted(Market, end - Tick).Should().BeTrue();
        blacklist.IsBlacklisted(Market, end).Should().BeFalse();
        blacklist.IsBlacklisted(Market, end.AddHours(1)).Should().BeFalse();
    }

    [Fact]
    public void RecordMismatch_ReturnsNewInstance_OriginalUnchanged()
    {
        var two = Record(Empty, T0, T0.AddMinutes(1));

        var three = two.RecordMismatch(Market, T0.AddMinutes(2));

        three.Should().NotBeSameAs(two);
        two.IsBlacklisted(Market, T0.AddMinutes(2)).Should().BeFalse();
        two.MismatchCount(Market, T0.AddMinutes(2)).Should().Be(2);
        three.IsBlacklisted(Market, T0.AddMinutes(2)).Should().BeTrue();
        Empty.MismatchCount(Market, T0.AddMinutes(2)).Should().Be(0);
    }

    [Fact]
    public void RecordMismatch_OtherMarkets_AreCountedSeparately()
    {
        var blacklist = Empty
            .RecordMismatch(Market, T0)
            .RecordMismatch(Other, T0.AddMinutes(1))
            .RecordMismatch(Market, T0.AddMinutes(2))
            .RecordMismatch(Other, T0.AddMinutes(3));

        blacklist.IsBlacklisted(Market, T0.AddMinutes(3)).Should().BeFalse();
        blacklist.IsBlacklisted(Other, T0.AddMinutes(3)).Should().BeFalse();

        var after = blacklist.RecordMismatch(Other, T0.AddMinutes(4));

        after.IsBlacklisted(Other, T0.AddMinutes(4)).Should().BeTrue();
        after.IsBlacklisted(Market, T0.AddMinutes(4)).Should().BeFalse();
    }

    [Fact]
    public void MismatchCount_OldMismatches_FallOutOfTheWindow()
    {
        var blacklist = Record(Empty, T0, T0.AddMinutes(20), T0.AddMinutes(40) - Tick);

        blacklist.MismatchCount(Market, T0.AddHours(1)).Should().Be(3);
        blacklist.MismatchCount(Market, T0.AddHours(1) + Tick).Should().Be(2);
        blacklist.MismatchCount(Market, T0.AddMinutes(100)).Should().Be(0);
    }

    [Fact]
    public void RecordMismatch_OldMismatchesOutsideWindow_DoNotCountTowardsThreshold()
    {
        var blacklist = Record(Empty, T0, T0.AddMinutes(10), T0.AddHours(2), T0.AddHours(2).AddMinutes(10));

        blacklist.IsBlacklisted(Market, T0.AddHours(2).AddMinutes(10)).Should().BeFalse();
    }

    [Fact]
    public void RecordMismatch_OutOfOrder_CountsBackFromNewest()
    {
        var blacklist = Record(Empty, T0.AddMinutes(50), T0, T0.AddMinutes(20));

        blacklist.BlacklistedUntil(Market).Should().Be(T0.AddMinutes(55));
    }

    [Fact]
    public void RecordMismatch_MismatchSoonAfterExpiry_BlacklistsAgainBecauseHistoryIsKept()
    {
        var blacklist = Record(Empty, T0, T0.AddMinutes(1), T0.AddMinutes(2));
        var fourth = T0.AddMinutes(10);

        var again = blacklist.RecordMismatch(Market, fourth);

        blacklist.IsBlacklisted(Market, fourth).Should().BeFalse();
        again.IsBlacklisted(Market, fourth).Should().BeTrue();
        again.BlacklistedUntil(Market).Should().Be(fourth.AddMinutes(5));
    }

    [Fact]
    public void RecordMismatch_OlderMismatchWhileBlacklisted_NeverShortensTheBlacklist()
    {
        var blacklist = Record(Empty, T0, T0.AddMinutes(1), T0.AddMinutes(2));

        var late = blacklist.RecordMismatch(Market, T0.AddMinutes(-1));

        late.BlacklistedUntil(Market).Should().Be(T0.AddMinutes(7));
    }

    [Fact]
    public void RecordMismatch_CustomOptions_AreApplied()
    {
        var options = new AutoCloseOptions { MismatchThreshold = 2, MismatchWindow = TimeSpan.FromMinutes(10), BlacklistDuration = TimeSpan.FromMinutes(1) };
        var blacklist = MismatchBlacklist.Empty(options);

        var outside = Record(blacklist, T0, T0.AddMinutes(10) + Tick);
        var inside = Record(blacklist, T0, T0.AddMinutes(10));

        outside.IsBlacklisted(Market, T0.AddMinutes(10) + Tick).Should().BeFalse();
        inside.IsBlacklisted(Market, T0.AddMinutes(10)).Should().BeTrue();
        inside.IsBlacklisted(Market, T0.AddMinutes(11)).Should().BeFalse();
    }

    [Fact]
    public void Prune_AfterEverythingExpired_ForgetsTheMarket()
    {
        var blacklist = Record(Empty, T0, T0.AddMinutes(1), T0.AddMinutes(2));

        var pruned = blacklist.Prune(T0.AddHours(2));

        pruned.BlacklistedUntil(Market).Should().BeNull();
        pruned.MismatchCount(Market, T0.AddHours(2)).Should().Be(0);
        blacklist.BlacklistedUntil(Market).Should().NotBeNull();
    }

    [Fact]
    public void Prune_WhileBlacklisted_KeepsBlacklistAndCountingMismatches()
    {
        var blacklist = Record(Empty, T0, T0.AddMinutes(1), T0.AddMinutes(2));

        var pruned = blacklist.Prune(T0.AddMinutes(3));

        pruned.IsBlacklisted(Market, T0.AddMinutes(3)).Should().BeTrue();
        pruned.MismatchCount(Market, T0.AddMinutes(3)).Should().Be(3);
    }

    [Fact]
    public void Empty_InvalidOptions_ThrowsNamingTheOption()
    {
        var act = () => MismatchBlacklist.Empty(new AutoCloseOptions { MismatchThreshold = 0 });

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(nameof(AutoCloseOptions.MismatchThreshold));
    }
}
