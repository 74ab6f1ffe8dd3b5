using ActorExec.Trading.Positions;

namespace ActorExec.Trading.Tests.Positions;

/// <summary>Properties of the book over thousands of seeded random fills: the same seed always replays the same fills.</summary>
public sealed class PositionBookInvariantSpec
{
    private const int Seed = 20_250_301;
    private const int FillCount = 5_000;

    // Partial closes at a repeating average divide; decimal keeps 28 significant digits, so
    // identities that regroup those quotients hold to ~1e-22 here, not to the last digit.
    private const decimal Rounding = 0.000_000_000_000_000_001m;

    private static readonly MarketId[] Markets = [new("fed-cut-2025-03"), new("cpi-above-3-2025-04"), new("btc-100k-2025-06")];
    private static readonly VenueId[] Venues = [new("kalshi"), new("polymarket")];
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static List<ExecutedFill> RandomFills(int seed)
    {
        var random = new Random(seed);
        var at = Start;
        var fills = new List<ExecutedFill>(FillCount);
        for (var i = 0; i < FillCount; i++)
        {
            // Up to ~3 hours between fills: 5,000 fills span a couple of months of midnights.
            at = at.AddSeconds(random.Next(0, 10_800));
            var quantity = random.Next(1, 2_001) / 100m;
            var price = random.Next(1, 100) / 100m;
            var fee = random.Next(0, 6) / 100m;
            fills.Add(new ExecutedFill(
                Markets[random.Next(Markets.Length)],
                Venues[random.Next(Venues.Length)],
                random.Next(2) == 0 ? Outcome.Yes : Outcome.No,
                random.Next(2) == 0 ? Side.Buy : Side.Sell,
                new Quantity(quantity),
                new Price(price),
                fee,
                at));
        }
        return fills;
    }

    private static PositionBook ApplyOneByOne(IEnumerable<ExecutedFill> fills)
    {
        var book = PositionBook.Empty;
        foreach (var fill in fills)
            book = book.ApplyFill(fill);
        return book;
    }

    [Fact]
    public void ApplyFill_RandomFills_ContractsAndFeesAreSumsPerKey()
    {
        var fills = RandomFills(Seed);

        var book = ApplyOneByOne(fills);

        var byKey = fills.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.ToList());
        book.Positions.Keys.Should().BeEquivalentTo(byKey.Keys);
        foreach (var (key, keyFills) in byKey)
        {
            book.Get(key).Contracts.Should().Be(keyFills.Sum(f => f.SignedQuantity), "contracts of {0}", key);
            book.Get(key).FeesPaid.Should().Be(keyFills.Sum(f => f.Fee), "fees of {0}", key);
        }
    }

    [Fact]
    public void ApplyFill_RandomFills_RealizedPnlIsCashFlowPlusOpenCostBasis()
    {
        // Money in minus money out, plus what the open contracts cost, is what has been realized.
        var fills = RandomFills(Seed);

        var book = ApplyOneByOne(fills);

        foreach (var group in fills.GroupBy(f => f.Key))
        {
            var cash = group.Sum(f => -f.SignedQuantity * f.Price.Value - f.Fee);
            var position = book.Get(group.Key);
            position.RealizedPnl.Should().BeApproximately(cash + position.CostBasis, Rounding, "position {0}", group.Key);
        }
    }

    [Fact]
    public void ApplyFill_RandomFills_PerDayPnlSumsToTotalAndToPositions()
    {
        var fills = RandomFills(Seed);

        var book = ApplyOneByOne(fills);

        book.RealizedPnlByDay.Count.Should().BeGreaterThan(30, "the fills must cross many UTC midnights for this to test day boundaries");
        book.RealizedPnlByDay.Values.Sum().Should().BeApproximately(book.TotalRealizedPnl, Rounding);
        book.Positions.Values.Sum(p => p.RealizedPnl).Should().BeApproximately(book.TotalRealizedPnl, Rounding);
    }

    [Fact]
    public void ApplyFill_RandomFills_EachDayHoldsExactlyTheRealizedPnlOfItsFills()
    {
        var fills = RandomFills(Seed);
        var expected = new Dictionary<DateOnly, decimal>();

        var book = PositionBook.Empty;
        foreach (var fill in fills)
        {
            var next = book.ApplyFill(fill);
            var day = DateOnly.FromDateTime(fill.At.UtcDateTime);
            expected[day] = expected.GetValueOrDefault(day) + (next.TotalRealizedPnl - book.TotalRealizedPnl);
            book = next;
        }

        book.RealizedPnlByDay.Keys.Should().Equal(expected.Keys.Order());
        foreach (var (day, pnl) in expected)
            book.DailyRealizedPnl(day).Should().BeApproximately(pnl, Rounding, "day {0}", day);
    }

    [Fact]
    public void ApplyFill_RandomFills_OneByOneEqualsRebuildingFromTheList()
    {
        var fills = RandomFills(Seed);

        var incremental = ApplyOneByOne(fills);
        var rebuilt = PositionBook.FromFills(RandomFills(Seed));

        rebuilt.Positions.Should().Equal(incremental.Positions);
        rebuilt.RealizedPnlByDay.Should().Equal(incremental.RealizedPnlByDay);
        rebuilt.TotalRealizedPnl.Should().Be(incremental.TotalRealizedPnl);
    }

    [Fact]
    public void ApplyFill_RandomFills_OpenPositionsHaveConsistentBasisAndAverage()
    {
        var book = PositionBook.Empty;
        foreach (var fill in RandomFills(Seed))
        {
            book = book.ApplyFill(fill);
            var position = book.Get(fill.Key);
            if (position.IsFlat)
            {
                position.CostBasis.Should().Be(0m);
                continue;
            }
            Math.Sign(position.CostBasis).Should().Be(Math.Sign(position.Contracts), "basis is signed like the position of {0}", fill.Key);
            // Every fill is priced between 1¢ and 99¢, so any average of them is too.
            position.AverageEntryPrice.Should().BeInRange(0.01m - Rounding, 0.99m + Rounding);
        }
    }

    [Fact]
    public void Exposure_RandomFills_MatchedAndUnhedgedAccountForTheLongerLeg()
    {
        var book = ApplyOneByOne(RandomFills(Seed));

        foreach (var market in Markets)
        {
            var exposure = book.Exposure(market);
            var yes = book.Positions.Values.Where(p => p.Key.Market == market && p.Key.Outcome == Outcome.Yes).Sum(p => p.Contracts);
            var no = book.Positions.Values.Where(p => p.Key.Market == market && p.Key.Outcome == Outcome.No).Sum(p => p.Contracts);

            exposure.MatchedContracts.Should().Be(Math.Max(0m, Math.Min(yes, no)));
            (exposure.MatchedContracts + exposure.UnhedgedContracts).Should().Be(Math.Max(0m, Math.Max(yes, no)));
            exposure.GuaranteedProfit.Should().Be(exposure.MatchedContracts - exposure.MatchedCost);
        }
    }
}
