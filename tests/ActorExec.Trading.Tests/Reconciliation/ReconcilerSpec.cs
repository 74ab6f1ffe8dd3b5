using ActorExec.Trading.Orders;
using ActorExec.Trading.Positions;
using ActorExec.Trading.Reconciliation;

namespace ActorExec.Trading.Tests.Reconciliation;

public sealed class ReconcilerSpec
{
    private static readonly MarketId Fed = new("fed-cut-2025-03");
    private static readonly MarketId Cpi = new("cpi-above-3-2025-04");
    private static readonly VenueId Kalshi = new("kalshi");
    private static readonly VenueId Polymarket = new("polymarket");
    private static readonly PositionKey FedYes = new(Fed, Kalshi, Outcome.Yes);
    private static readonly PositionKey FedNo = new(Fed, Polymarket, Outcome.No);

    private static readonly Reconciler Default = new(new ReconciliationOptions());

    private static Dictionary<PositionKey, decimal> Positions(params (PositionKey Key, decimal Contracts)[] entries)
        => entries.ToDictionary(e => e.Key, e => e.Contracts);

    private static OpenOrderSnapshot Order(string id, OrderStatus status = OrderStatus.Placed, decimal size = 10m, decimal filled = 0m, VenueId? venue = null, MarketId? market = null)
        => new(new ClientOrderId(id), venue ?? Kalshi, market ?? Fed, status, new Quantity(size), new Quantity(filled));

    [Theory]
    [InlineData("10.01")]
    [InlineData("9.99")]
    [InlineData("10")]
    public void ComparePositions_DifferenceAtMostTheTolerance_Matches(string atVenue)
    {
        var mismatches = Default.ComparePositions(Positions((FedYes, 10m)), Positions((FedYes, decimal.Parse(atVenue))));

        mismatches.Should().BeEmpty();
    }

    [Theory]
    [InlineData("10.0101")]
    [InlineData("9.9899")]
    [InlineData("11")]
    public void ComparePositions_DifferenceJustAboveTheTolerance_IsAMismatch(string atVenue)
    {
        var venue = decimal.Parse(atVenue);

        var mismatches = Default.ComparePositions(Positions((FedYes, 10m)), Positions((FedYes, venue)));

        mismatches.Should().ContainSingle().Which.Should().Be(new PositionMismatch(FedYes, 10m, venue));
    }

    [Fact]
    public void ComparePositions_KeyOnOneSideOnly_ComparesAgainstZero()
    {
        var mismatches = Default.ComparePositions(Positions((FedYes, 5m), (FedNo, 0.01m)), Positions((new PositionKey(Cpi, Kalshi, Outcome.No), 3m)));

        mismatches.Should().Equal(
            new PositionMismatch(new PositionKey(Cpi, Kalshi, Outcome.No), 0m, 3m),
            new PositionMismatch(FedYes, 5m, 0m));
        ((PositionMismatch)mismatches[0]).Difference.Should().Be(3m);
        ((PositionMismatch)mismatches[1]).Difference.Should().Be(-5m);
    }

    [Fact]
    public void ComparePositions_ZeroTolerance_OnlyExactlyEqualMatches()
    {
        var strict = new Reconciler(new ReconciliationOptions { PositionTolerance = 0m });

        strict.ComparePositions(Positions((FedYes, 10m)), Positions((FedYes, 10.000m))).Should().BeEmpty();
        strict.ComparePositions(Positions((FedYes, 10m)), Positions((FedYes, 10.0001m))).Should().ContainSingle();
    }

    [Fact]
    public void ComparePositions_FromAPositionBook_UsesItsOpenContracts()
    {
        var book = PositionBook.FromFills([
            new ExecutedFill(Fed, Kalshi, Outcome.Yes, Side.Buy, new Quantity(10m), new Price(0.40m), 0m, new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero)),
        ]);

        Default.ComparePositions(book.OpenContracts(), Positions((FedYes, 10m))).Should().BeEmpty();
        Default.ComparePositions(book.OpenContracts(), Positions((FedYes, 9m))).Should().ContainSingle();
    }

    [Fact]
    public void CompareOrders_SameOrdersOnBothSides_NoMismatch()
    {
        var orders = new[] { Order("a-1"), Order("a-2", OrderStatus.PartiallyFilled, filled: 4m) };

        Default.CompareOrders(orders, orders.Select(o => o with { })).Should().BeEmpty();
    }

    [Fact]
    public void CompareOrders_OursOnly_IsMissingAtVenue()
    {
        var ours = Order("a-1");

        Default.CompareOrders([ours], []).Should().Equal(new OrderMissingAtVenue(ours));
    }

    [Fact]
    public void CompareOrders_VenueOnly_IsUnexpectedAtVenue()
    {
        var theirs = Order("a-1");

        Default.CompareOrders([], [theirs]).Should().Equal(new OrderUnexpectedAtVenue(theirs));
    }

    [Fact]
    public void CompareOrders_StatusDiffers_ReportsBothStatuses()
    {
        var ours = Order("a-1", OrderStatus.Placed);
        var theirs = Order("a-1", OrderStatus.PartiallyFilled);

        var mismatch = Default.CompareOrders([ours], [theirs]).Should().ContainSingle().Which.Should().BeOfType<OrderStatusDiffers>().Subject;

        mismatch.ExpectedStatus.Should().Be(OrderStatus.Placed);
        mismatch.VenueStatus.Should().Be(OrderStatus.PartiallyFilled);
    }

    [Fact]
    public void CompareOrders_SizeDiffers_IsReported()
    {
        var mismatches = Default.CompareOrders([Order("a-1", size: 10m)], [Order("a-1", size: 12m)]);

        mismatches.Should().ContainSingle().Which.Should().BeOfType<OrderSizeDiffers>().Which.Difference.Should().Be(2m);
    }

    [Fact]
    public void CompareOrders_FilledDiffers_IsReported()
    {
        var mismatches = Default.CompareOrders([Order("a-1", filled: 3m)], [Order("a-1", filled: 5m)]);

        mismatches.Should().ContainSingle().Which.Should().BeOfType<OrderFilledDiffers>().Which.Difference.Should().Be(2m);
    }

    [Fact]
    public void CompareOrders_QuantitiesAtTheTolerance_Match_JustAbove_Mismatch()
    {
        Default.CompareOrders([Order("a-1", size: 10m, filled: 3m)], [Order("a-1", size: 10.01m, filled: 2.99m)]).Should().BeEmpty();

        Default.CompareOrders([Order("a-1", size: 10m, filled: 3m)], [Order("a-1", size: 10.0101m, filled: 2.9899m)])
            .Select(m => m.Kind).Should().Equal(MismatchKind.OrderSizeDiffers, MismatchKind.OrderFilledDiffers);
    }

    [Fact]
    public void CompareOrders_DuplicateClientOrderId_ThrowsNamingTheSide()
    {
        var act = () => Default.CompareOrders([], [Order("a-1"), Order("a-1", OrderStatus.Cancelled)]);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "atVenue" && e.Message.Contains("a-1"));
    }

    [Fact]
    public void Reconcile_EveryKindAtOnce_ReportsEachSortedByVenueMarketKindSubject()
    {
        var expectedPositions = Positions((FedYes, 10m), (FedNo, 7m));
        var venuePositions = Positions((FedYes, 10m), (FedNo, 8m), (new PositionKey(Cpi, Kalshi, Outcome.Yes), 2m));
        OpenOrderSnapshot[] expectedOrders =
        [
            Order("fed-keep"),
            Order("fed-lost"),
            Order("fed-status", OrderStatus.Placed),
            Order("fed-size", size: 10m),
            Order("fed-fill", OrderStatus.PartiallyFilled, filled: 2m, venue: Polymarket),
        ];
        OpenOrderSnapshot[] venueOrders =
        [
            Order("fed-keep"),
            Order("fed-status", OrderStatus.PartiallyFilled),
            Order("fed-size", size: 15m),
            Order("fed-fill", OrderStatus.PartiallyFilled, filled: 5m, venue: Polymarket),
            Order("cpi-stray", market: Cpi),
        ];

        var mismatches = Default.Reconcile(expectedPositions, venuePositions, expectedOrders, venueOrders);

        mismatches.Select(m => (m.Venue.Value, m.Market.Value, m.Code, m.Subject)).Should().Equal(
            ("kalshi", "cpi-above-3-2025-04", "POSITION_MISMATCH", "Yes"),
            ("kalshi", "cpi-above-3-2025-04", "ORDER_UNEXPECTED_AT_VENUE", "cpi-stray"),
            ("kalshi", "fed-cut-2025-03", "ORDER_MISSING_AT_VENUE", "fed-lost"),
            ("kalshi", "fed-cut-2025-03", "ORDER_STATUS_DIFFERS", "fed-status"),
            ("kalshi", "fed-cut-2025-03", "ORDER_SIZE_DIFFERS", "fed-size"),
            ("polymarket", "fed-cut-2025-03", "POSITION_MISMATCH", "No"),
            ("polymarket", "fed-cut-2025-03", "ORDER_FILLED_DIFFERS", "fed-fill"));
        mismatches.Select(m => m.Kind).Distinct().Should().BeEquivalentTo(Enum.GetValues<MismatchKind>());
    }

    [Fact]
    public void Reconcile_InputsInAnyOrder_SameReport()
    {
        var expectedOrders = new[] { Order("b"), Order("a"), Order("c", OrderStatus.PartiallyFilled, filled: 1m) };
        var venueOrders = new[] { Order("d"), Order("c", filled: 2m), Order("e", market: Cpi) };
        var expectedPositions = Positions((FedYes, 1m), (FedNo, 2m));
        var venuePositions = Positions((FedNo, 3m), (FedYes, 4m));

        var first = Default.Reconcile(expectedPositions, venuePositions, expectedOrders, venueOrders);
        var second = Default.Reconcile(
            Positions((FedNo, 2m), (FedYes, 1m)),
            Positions((FedYes, 4m), (FedNo, 3m)),
            expectedOrders.Reverse(),
            venueOrders.Reverse());

        second.Should().Equal(first);
        first.Should().BeInAscendingOrder(Reconciler.ReportOrder);
    }

    [Fact]
    public void Reconcile_BothSidesAgree_NoMismatch()
    {
        var positions = Positions((FedYes, 10m), (FedNo, 10m));
        var orders = new[] { Order("a-1") };

        Default.Reconcile(positions, positions, orders, orders).Should().BeEmpty();
    }

    [Fact]
    public void Code_EveryKind_HasADistinctScreamingSnakeCode()
    {
        var codes = Enum.GetValues<MismatchKind>().Select(k => k.Code()).ToList();

        codes.Should().OnlyHaveUniqueItems();
        codes.Should().OnlyContain(c => c.All(ch => char.IsAsciiLetterUpper(ch) || ch == '_'));
    }

    [Fact]
    public void Options_Defaults_AreOneHundredthOfAContract()
    {
        var options = new ReconciliationOptions();

        options.PositionTolerance.Should().Be(0.01m);
        options.OrderQuantityTolerance.Should().Be(0.01m);
    }

    [Fact]
    public void Constructor_NegativeTolerance_ThrowsNamingTheOption()
    {
        var positions = () => new Reconciler(new ReconciliationOptions { PositionTolerance = -0.01m });
        var orders = () => new Reconciler(new ReconciliationOptions { OrderQuantityTolerance = -0.01m });

        positions.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(nameof(ReconciliationOptions.PositionTolerance));
        orders.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(nameof(ReconciliationOptions.OrderQuantityTolerance));
    }
}
