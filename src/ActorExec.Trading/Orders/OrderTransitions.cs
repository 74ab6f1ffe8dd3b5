using System.Collections.Frozen;
using System.Text;
using E = ActorExec.Trading.Orders.OrderEventKind;
using S = ActorExec.Trading.Orders.OrderStatus;

namespace ActorExec.Trading.Orders;

/// <summary>One allowed move of the order lifecycle: in status <see cref="From"/>, an event of kind <see cref="Kind"/> leads to <see cref="To"/>.</summary>
/// <param name="From">The status before; null for an order that does not exist yet.</param>
/// <param name="Kind">The event kind.</param>
/// <param name="To">The status after (equal to <paramref name="From"/> for events that do not move the order).</param>
/// <param name="Note">Why, where it is not obvious.</param>
public sealed record OrderTransition(OrderStatus? From, OrderEventKind Kind, OrderStatus To, string Note = "");

/// <summary>
/// The order lifecycle as data: every allowed (status, event kind) pair, one line each. Evolve
/// follows it, Decide refuses what it does not list, the tests enumerate it exhaustively, and the
/// README's lifecycle diagram is generated from it.
/// </summary>
public static class OrderTransitions
{
    /// <summary>Every allowed transition.</summary>
    public static IReadOnlyList<OrderTransition> Table { get; } =
    [
        new(null,              E.Submitted,       S.Pending, "journaled before any venue call (write-ahead)"),

        new(S.Pending,         E.Sent,            S.Pending, "outcome unknown until the venue answers; a restart asks the venue, never resends blindly"),
        new(S.Pending,         E.Placed,          S.Placed),
        new(S.Pending,         E.Rejected,        S.Rejected),
        new(S.Pending,         E.Cancelled,       S.Cancelled, "never sent, or the venue cancelled it at once (IOC/FOK)"),
        new(S.Pending,         E.Failed,          S.Failed),
        new(S.Pending,         E.CancelRequested, S.Pending),
        new(S.Pending,         E.NotFound,        S.Pending, "the venue never saw it: sending it (again) is safe"),

        new(S.Placed,          E.PartialFill,     S.PartiallyFilled),
        new(S.Placed,          E.CompletingFill,  S.Matched),
        new(S.Placed,          E.Matched,         S.Matched, "match reported before its fill details"),
        new(S.Placed,          E.Rejected,        S.Rejected, "late refusal, e.g. a post-only order that would cross"),
        new(S.Placed,          E.Cancelled,       S.Cancelled),
        new(S.Placed,          E.Failed,          S.Failed, "includes lost: not found too many times in a row"),
        new(S.Placed,          E.CancelRequested, S.Placed),
        new(S.Placed,          E.NotFound,        S.Placed, "counted; the lost-order rule fails it after N in a row"),

        new(S.PartiallyFilled, E.PartialFill,     S.PartiallyFilled),
        new(S.PartiallyFilled, E.CompletingFill,  S.Matched),
        new(S.PartiallyFilled, E.Matched,         S.Matched, "match reported before the last fill details"),
        new(S.PartiallyFilled, E.Cancelled,       S.Cancelled, "the remainder is cancelled; the fills stay"),
        new(S.PartiallyFilled, E.Failed,          S.Failed),
        new(S.PartiallyFilled, E.CancelRequested, S.PartiallyFilled),
        new(S.PartiallyFilled, E.NotFound,        S.PartiallyFilled),
        new(S.PartiallyFilled, E.FillsVoided,     S.PartiallyFilled, "a reverted settlement voids the fills before the order fails"),
        new(S.PartiallyFilled, E.Placed,          S.PartiallyFilled, "late acknowledgement: records the venue's order id"),

        new(S.Matched,         E.Mined,           S.Mined),
        new(S.Matched,         E.Confirmed,       S.Confirmed, "venues that settle off chain confirm on match"),
        new(S.Matched,         E.Failed,          S.Failed, "settlement failed on chain"),
        new(S.Matched,         E.FillsVoided,     S.Matched, "a MATCHED trade that fails on chain voids its fills first"),
        new(S.Matched,         E.PartialFill,     S.Matched, "fill details after the match report"),
        new(S.Matched,         E.CompletingFill,  S.Matched, "fill details after the match report"),
        new(S.Matched,         E.Placed,          S.Matched, "late acknowledgement: records the venue's order id"),

        new(S.Mined,           E.Confirmed,       S.Confirmed),
        new(S.Mined,           E.Failed,          S.Failed, "the mined transaction was reverted"),
        new(S.Mined,           E.FillsVoided,     S.Mined, "voided before the order fails"),
        new(S.Mined,           E.PartialFill,     S.Mined, "fill details after the settlement report"),
        new(S.Mined,           E.CompletingFill,  S.Mined, "fill details after the settlement report"),
        new(S.Mined,           E.Placed,          S.Mined, "late acknowledgement: records the venue's order id"),

        new(S.Confirmed,       E.PartialFill,     S.Confirmed, "fill details after confirmation: applied, status stays"),
        new(S.Confirmed,       E.CompletingFill,  S.Confirmed, "fill details after confirmation: applied, status stays"),
        new(S.Confirmed,       E.Placed,          S.Confirmed, "late acknowledgement: records the venue's order id"),

        new(S.Cancelled,       E.PartialFill,     S.Cancelled, "a fill after cancel is real: applied, status stays"),
        new(S.Cancelled,       E.CompletingFill,  S.Cancelled, "a fill after cancel is real: applied, status stays"),
        new(S.Cancelled,       E.Placed,          S.Cancelled, "late acknowledgement: records the venue's order id"),

        new(S.Failed,          E.PartialFill,     S.Failed, "a late report for a lost order: applied, status stays"),
        new(S.Failed,          E.CompletingFill,  S.Failed, "a late report for a lost order: applied, status stays"),
        new(S.Failed,          E.Placed,          S.Failed, "a late acknowledgement of a lost order: records the venue's order id"),
    ];

    private static readonly FrozenDictionary<(S?, E), OrderTransition> Index = BuildIndex();

    /// <summary>The status after an event of <paramref name="kind"/> in <paramref name="from"/>, or null when the table does not allow it.</summary>
    public static OrderStatus? Next(OrderStatus? from, OrderEventKind kind)
        => Index.TryGetValue((from, kind), out var transition) ? transition.To : null;

    /// <summary>The lifecycle as a Mermaid state diagram: the moves between statuses (events that keep the status are listed by <see cref="ToMarkdownTable"/>).</summary>
    public static string ToMermaid()
    {
        var diagram = new StringBuilder("stateDiagram-v2\n");
        foreach (var group in Table.Where(t => t.From != t.To).GroupBy(t => (t.From, t.To)))
        {
            var from = group.Key.From?.ToString() ?? "[*]";
            diagram.Append("    ").Append(from).Append(" --> ").Append(group.Key.To)
                .Append(" : ").AppendJoin(", ", group.Select(t => t.Kind)).Append('\n');
        }
        foreach (var terminal in Enum.GetValues<OrderStatus>().Where(s => s.IsTerminal()))
            diagram.Append("    ").Append(terminal).Append(" --> [*]\n");
        return diagram.ToString();
    }

    /// <summary>The whole table in Markdown, notes included.</summary>
    public static string ToMarkdownTable()
    {
        var table = new StringBuilder("| from | event | to | note |\n|---|---|---|---|\n");
        foreach (var t in Table)
            table.Append("| ").Append(t.From?.ToString() ?? "(new)").Append(" | ").Append(t.Kind)
                .Append(" | ").Append(t.To).Append(" | ").Append(t.Note).Append(" |\n");
        return table.ToString();
    }

    private static FrozenDictionary<(S?, E), OrderTransition> BuildIndex()
    {
        var index = new Dictionary<(S?, E), OrderTransition>();
        foreach (var transition in Table)
        {
            if (!index.TryAdd((transition.From, transition.Kind), transition))
                throw new InvalidOperationException($"The order transition table lists ({transition.From}, {transition.Kind}) twice");
            if (transition.From is { } from && from.IsTerminal() && transition.To != from)
                throw new InvalidOperationException($"The order transition table moves terminal status {from} to {transition.To}");
        }
        return index.ToFrozenDictionary();
    }
}
