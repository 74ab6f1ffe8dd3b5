using ActorExec.Trading.Orders;
using ActorExec.Trading.Reconciliation;

namespace ActorExec.Engine;

/// <summary>Asks the reconciliation supervisor to reconcile one venue (or all) now.</summary>
public sealed record ReconcileNow(VenueId? Venue = null);

/// <summary>Published after each reconciliation of a venue.</summary>
/// <param name="Venue">The venue.</param>
/// <param name="Mismatches">What differed (empty when all agreed).</param>
/// <param name="Resolved">Orders asked to read their state from the venue because of a difference.</param>
/// <param name="At">When it finished.</param>
/// <param name="Error">Why it could not complete, if it could not.</param>
public sealed record ReconciliationCompleted(VenueId Venue, IReadOnlyList<ReconciliationMismatch> Mismatches, int Resolved, DateTimeOffset At, string? Error = null);

/// <summary>Asks a market for the orders it holds open (sent inside a <see cref="MarketEnvelope"/>).</summary>
public sealed record ReportOpenOrders(long RunId, IActorRef ReplyTo);

/// <summary>A market's open orders, as last reported by their actors.</summary>
public sealed record OpenOrdersReport(long RunId, MarketId Market, IReadOnlyList<Order> Orders);
