using ActorExec.Trading.Orders;
using static ActorExec.Trading.Tests.Orders.OrderFixtures;

namespace ActorExec.Trading.Tests.Orders;

/// <summary>
/// Seeded random histories: every command the venue could send, in any order, with duplicates.
/// After every step the invariants hold; at the end, replay rebuilds the live state.
/// </summary>
public sealed class OrderPropertySpec
{
    private const int Histories = 3_000;
    private const int StepsPerHistory = 40;

    private static OrderCommand RandomCommand(Random random, Order order, List<Fill> pastFills)
    {
        var at = T0.AddSeconds(random.Next(0, 3_600));
        switch (random.Next(14))
        {
            case 0: return new MarkSent(at);
            case 1: return new ReportAccepted(random.Next(4) == 0 ? new VenueOrderId("v-other") : VenueId1, at);
            case 2: return new ReportRejected("random", at);
            case 3 or 4 or 5:
                // New fills of random size (sometimes overfilling), or a fill seen before.
                if (pastFills.Count > 0 && random.Next(4) == 0)
                    return new ReportFill(pastFills[random.Next(pastFills.Count)], VenueId1, at);
                var fill = new Fill(new FillId($"f{pastFills.Count}"), new Quantity(random.Next(1, 6)),
                    new Price(random.Next(1, 100) / 100m), random.Next(0, 3) / 100m, at);
                pastFills.Add(fill);
                return new ReportFill(fill, VenueId1, at);
            case 6: return new ReportMatched(at);
            case 7: return new ReportMined(random.Next(2) == 0 ? null : "0xabc", at);
            case 8: return new ReportConfirmed(at);
            case 9: return new RequestCancel(at);
            case 10: return new ReportCancelled((CancelReason)random.Next(4), at);
            case 11: return new ReportFailed((FailureReason)random.Next(4), "random", at);
            case 12: return new ReportNotFound(at);
            default: return new SubmitOrder(random.Next(3) == 0 ? Intent(size: 11) : order.Intent, at);
        }
    }

    [Fact]
    public void RandomHistories_KeepEveryInvariant()
    {
        var random = new Random(20261121);
        var accepted = 0;
        var rejected = 0;
        for (var history = 0; history < Histories; history++)
        {
            var order = Submitted();
            var events = new List<OrderEvent> { new OrderSubmitted(order.Intent, order.SubmittedAt) };
            var pastFills = new List<Fill>();
            for (var step = 0; step < StepsPerHistory; step++)
            {
                var before = order;
                var decision = OrderDecider.Decide(order, RandomCommand(random, order, pastFills));
                if (!decision.IsAccepted)
                {
                    rejected++;
                    decision.Events.Should().BeEmpty();
                    decision.Rejection!.Context.Should().ContainKey("status");
                    continue;
                }
                accepted++;
                foreach (var @event in decision.Events)
                    order = Order.Evolve(order, @event);
                events.AddRange(decision.Events);
                CheckInvariants(before, order, history, step);
            }
            Order.Replay(events).Should().BeEquivalentTo(order, $"history {history}: replay must rebuild the live state");
        }

        // The generator must exercise both paths, or the test proves little.
        accepted.Should().BeGreaterThan(Histories * 5);
        rejected.Should().BeGreaterThan(Histories * 5);
    }

    private static void CheckInvariants(Order before, Order after, int history, int step)
    {
        var where = $"history {history}, step {step}";
        after.Filled.Should().BeLessThanOrEqualTo(after.Intent.Size, where);
        after.Remaining.Value.Should().Be(after.Intent.Size.Value - after.Filled.Value, where);
        after.Filled.Value.Should().Be(after.Fills.Sum(f => f.Quantity.Value), where);
        after.Fees.Should().Be(after.Fills.Sum(f => f.Fee), where);
        after.SeenFillIds.Count.Should().Be(after.Fills.Count + after.VoidedFills.Count, $"{where}: a fill id is applied at most once");
        if (before.Status.IsTerminal())
            after.Status.Should().Be(before.Status, $"{where}: terminal statuses stay terminal");
        if (after.AverageFillPrice is { } average)
        {
            average.Value.Should().BeInRange(after.Fills.Min(f => f.Price.Value), after.Fills.Max(f => f.Price.Value), where);
        }
        if (after.Status is OrderStatus.PartiallyFilled)
            after.Filled.Value.Should().BeInRange(0.0000001m, after.Intent.Size.Value - 0.0000001m, $"{where}: partly filled means some but not all");
    }
}
