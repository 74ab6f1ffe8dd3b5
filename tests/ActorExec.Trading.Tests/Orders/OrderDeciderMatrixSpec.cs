using ActorExec.Trading.Orders;
using static ActorExec.Trading.Tests.Orders.OrderFixtures;

namespace ActorExec.Trading.Tests.Orders;

/// <summary>
/// Every command in every status, against an outcome written out by hand: the events produced
/// (joined with '+'), '-' for an accepted no-op, or '!CODE' for a rejection.
/// </summary>
public sealed class OrderDeciderMatrixSpec
{
    private static readonly string[] Columns =
        ["MarkSent", "Accept", "Reject", "PartFill", "CompleteFill", "Matched", "Mined", "Confirmed", "Cancel", "Cancelled", "FailTimeout", "FailReverted", "NotFound"];

    private const string Inv = "!INVALID_TRANSITION";

    private static readonly (string Fixture, string[] Expected)[] Rows =
    [
        ("Pending", ["Sent", "Placed", "Rejected", "Placed+PartialFill", "Placed+CompletingFill", "Placed+Matched", "Placed+Matched+Mined", "Placed+Matched+Confirmed", "CancelRequested+Cancelled", "Cancelled", "Failed", "Failed", "NotFound"]),
        ("PendingSent", ["Sent", "Placed", "Rejected", "Placed+PartialFill", "Placed+CompletingFill", "Placed+Matched", "Placed+Matched+Mined", "Placed+Matched+Confirmed", "CancelRequested", "Cancelled", "Failed", "Failed", "NotFound"]),
        ("Placed", [Inv, "-", "Rejected", "PartialFill", "CompletingFill", "Matched", "Matched+Mined", "Matched+Confirmed", "CancelRequested", "Cancelled", "Failed", "Failed", "NotFound"]),
        ("PartiallyFilled", [Inv, "-", Inv, "PartialFill", "CompletingFill", "Matched", "Matched+Mined", "Matched+Confirmed", "CancelRequested", "Cancelled", "Failed", "FillsVoided+Failed", "NotFound"]),
        ("MatchedByFills", [Inv, "-", Inv, "!OVERFILL", "!OVERFILL", "-", "Mined", "Confirmed", "!NOT_CANCELLABLE", Inv, "Failed", "FillsVoided+Failed", Inv]),
        ("MatchedByReport", [Inv, "-", Inv, "PartialFill", "CompletingFill", "-", "Mined", "Confirmed", "!NOT_CANCELLABLE", Inv, "Failed", "Failed", Inv]),
        ("Mined", [Inv, "-", Inv, "PartialFill", "CompletingFill", "-", "-", "Confirmed", "!NOT_CANCELLABLE", Inv, "Failed", "Failed", Inv]),
        ("Confirmed", [Inv, "-", Inv, "PartialFill", "CompletingFill", "-", "-", "-", "!NOT_CANCELLABLE", Inv, Inv, Inv, Inv]),
        ("Rejected", [Inv, Inv, "-", Inv, Inv, Inv, Inv, Inv, "!NOT_CANCELLABLE", Inv, Inv, Inv, Inv]),
        ("Cancelled", [Inv, "-", Inv, "PartialFill", "CompletingFill", Inv, Inv, Inv, "!NOT_CANCELLABLE", "-", Inv, Inv, Inv]),
        ("FailedLost", [Inv, "-", Inv, "PartialFill", "CompletingFill", Inv, Inv, Inv, "!NOT_CANCELLABLE", Inv, "-", "-", Inv]),
    ];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (fixture, expected) in Rows)
        {
            for (var i = 0; i < Columns.Length; i++)
                data.Add(fixture, Columns[i], expected[i]);
        }
        return data;
    }

    [Fact]
    public void Matrix_CoversEveryFixtureAndCommand()
    {
        Rows.Select(r => r.Fixture).Should().BeEquivalentTo(All.Keys);
        Columns.Should().BeEquivalentTo(Commands.Keys);
        Rows.Should().OnlyContain(r => r.Expected.Length == Columns.Length);
        // Every status is represented by at least one fixture.
        All.Values.Select(f => f().Status).Distinct().Should().BeEquivalentTo(Enum.GetValues<OrderStatus>());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_CommandInStatus_MatchesTheMatrix(string fixture, string command, string expected)
    {
        var order = All[fixture]();
        var decision = OrderDecider.Decide(order, Commands[command](order));

        if (expected.StartsWith('!'))
        {
            decision.IsAccepted.Should().BeFalse($"{command} in {fixture} should be refused");
            decision.Rejection!.CodeName.Should().Be(expected[1..]);
            decision.Rejection.Context["status"].Should().Be(order.Status.ToString());
            decision.Rejection.Context["order_id"].Should().Be(order.Intent.OrderId.Value);
            return;
        }

        decision.IsAccepted.Should().BeTrue($"{command} in {fixture} should be accepted, but: {decision.Rejection}");
        var kinds = string.Join('+', decision.Events.Select(e => e.Kind));
        (kinds.Length == 0 ? "-" : kinds).Should().Be(expected);

        // Whatever Decide accepts, Evolve applies, and the status follows the transition table step by step.
        var status = order.Status;
        foreach (var @event in decision.Events)
        {
            status = OrderTransitions.Next(status, @event.Kind)!.Value;
            order = Order.Evolve(order, @event);
            order.Status.Should().Be(status);
        }
    }
}
