using ActorExec.Trading.Execution;

namespace ActorExec.Trading.Tests.Execution;

public sealed class InFlightTableSpec
{
    private static readonly MarketId A = new("MKT-A");
    private static readonly MarketId B = new("MKT-B");
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SlotOf_UnknownMarket_IsIdle()
    {
        InFlightTable.Empty.SlotOf(A).Should().Be(InFlightSlot.Idle(A));
        InFlightTable.Empty.PhaseAt(A, T0).Should().Be(InFlightPhase.Idle);
        InFlightTable.Empty.Count.Should().Be(0);
    }

    [Fact]
    public void TryClaim_IdleMarket_ReturnsNewTableAndLeavesOriginalUnchanged()
    {
        var original = InFlightTable.Empty;

        var (table, result) = original.TryClaim(A, T0);

        result.IsClaimed.Should().BeTrue();
        table.PhaseAt(A, T0).Should().Be(InFlightPhase.InFlight);
        original.PhaseAt(A, T0).Should().Be(InFlightPhase.Idle);
        table.Should().NotBeSameAs(original);
    }

    [Fact]
    public void TryClaim_SameMarketTwice_SecondRefusedAndTableUnchanged()
    {
        var (claimed, _) = InFlightTable.Empty.TryClaim(A, T0);

        var (table, result) = claimed.TryClaim(A, T0.AddSeconds(1));

        result.Should().BeOfType<ClaimResult.AlreadyInFlight>().Which.Since.Should().Be(T0);
        table.Should().BeSameAs(claimed);
    }

    [Fact]
    public void TryClaim_DifferentMarkets_AreIndependent()
    {
        var (table, _) = InFlightTable.Empty.TryClaim(A, T0);

        var (_, result) = table.TryClaim(B, T0);

        result.IsClaimed.Should().BeTrue();
    }

    [Fact]
    public void TryClaim_FarMoreMarketsThanTheOld512Slots_AllClaimedIndependently()
    {
        var table = InFlightTable.Empty;
        for (var i = 0; i < 2_000; i++)
        {
            (table, var result) = table.TryClaim(new MarketId($"MKT-{i}"), T0);
            result.IsClaimed.Should().BeTrue();
        }

        table.Count.Should().Be(2_000);
        table.TryClaim(new MarketId("MKT-1999"), T0).Result.Should().BeOfType<ClaimResult.AlreadyInFlight>();
        table.TryClaim(new MarketId("MKT-2000"), T0).Result.IsClaimed.Should().BeTrue();
    }

    [Fact]
    public void Release_CooldownReason_UsesTheTableCooldown()
    {
        var (table, _) = InFlightTable.Create(new InFlightOptions { Cooldown = TimeSpan.FromSeconds(30) }).TryClaim(A, T0);

        (table, var result) = table.Release(A, ReleaseReason.Success, T0.AddSeconds(2));

        result.IsReleased.Should().BeTrue();
        table.SlotOf(A).Should().Be(InFlightSlot.CoolingDown(A, T0.AddSeconds(32)));
        table.TryClaim(A, T0.AddSeconds(32) - TimeSpan.FromTicks(1)).Result.Should().BeOfType<ClaimResult.CoolingDown>();
        table.TryClaim(A, T0.AddSeconds(32)).Result.IsClaimed.Should().BeTrue();
    }

    [Fact]
    public void Release_ImmediateReason_ForgetsTheMarket()
    {
        var (table, _) = InFlightTable.Empty.TryClaim(A, T0);

        (table, _) = table.Release(A, ReleaseReason.BreakerOpen, T0);

        table.Count.Should().Be(0);
        table.TryClaim(A, T0).Result.IsClaimed.Should().BeTrue();
    }

    [Fact]
    public void Release_MarketNotInFlight_ReturnsErrorValueAndSameTable()
    {
        var table = InFlightTable.Empty;

        var (after, result) = table.Release(A, ReleaseReason.Success, T0);

        var refused = result.Should().BeOfType<ReleaseResult.NotInFlight>().Subject;
        refused.Market.Should().Be(A);
        refused.Code.Should().Be("NOT_IN_FLIGHT");
        after.Should().BeSameAs(table);
    }

    [Fact]
    public void Prune_EndedCooldown_DroppedAndOthersKept()
    {
        var table = InFlightTable.Empty;
        (table, _) = table.TryClaim(A, T0);
        (table, _) = table.Release(A, ReleaseReason.Success, T0); // cooling down until T0 + 10 s
        (table, _) = table.TryClaim(B, T0);

        var pruned = table.Prune(T0.AddSeconds(10));

        pruned.Count.Should().Be(1);
        pruned.PhaseAt(B, T0.AddSeconds(10)).Should().Be(InFlightPhase.InFlight);
        pruned.PhaseAt(A, T0.AddSeconds(10)).Should().Be(InFlightPhase.Idle);
        table.Prune(T0.AddSeconds(10) - TimeSpan.FromTicks(1)).Should().BeSameAs(table);
    }

    [Fact]
    public void ActiveAt_MixedMarkets_ListsInFlightAndCoolingDownByMarketId()
    {
        var c = new MarketId("MKT-C");
        var table = InFlightTable.Empty;
        (table, _) = table.TryClaim(c, T0);
        (table, _) = table.TryClaim(A, T0);
        (table, _) = table.Release(A, ReleaseReason.DryRun, T0);
        (table, _) = table.TryClaim(B, T0);
        (table, _) = table.Release(B, ReleaseReason.ExecutionFailed, T0);

        table.ActiveAt(T0).Select(slot => slot.Market).Should().Equal(A, c);
        table.ActiveAt(T0.AddSeconds(10)).Select(slot => slot.Market).Should().Equal(c);
    }

    [Fact]
    public void Options_Default_IsTenSecondCooldown()
    {
        InFlightDefaults.Cooldown.Should().Be(TimeSpan.FromSeconds(10));
        new InFlightOptions().Cooldown.Should().Be(TimeSpan.FromSeconds(10));
        InFlightTable.Empty.Options.Cooldown.Should().Be(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Create_NegativeCooldown_ThrowsNamingTheOption()
    {
        var act = () => InFlightTable.Create(new InFlightOptions { Cooldown = TimeSpan.FromMilliseconds(-1) });

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Cooldown").WithMessage("*InFlightOptions.Cooldown*");
    }
}
