using ActorExec.Trading.Execution;

namespace ActorExec.Engine;

/// <summary>Asks a market for its state (operators); answered with a <see cref="MarketStateReport"/>. Wakes a passivated market.</summary>
public sealed record GetMarketState(MarketId Market) : IMarketCommand;

/// <summary>
/// What a market holds right now: its in-flight slot (and cooldown), blacklist, open orders, hedge and
/// the most recent executions it remembers, newest first.
/// </summary>
public sealed record MarketStateReport(
    MarketId Market,
    InFlightPhase Phase,
    DateTimeOffset? InFlightSince,
    DateTimeOffset? CoolingDownUntil,
    DateTimeOffset? BlacklistedUntil,
    int Mismatches,
    IReadOnlyList<ClientOrderId> OpenOrders,
    string? Hedge,
    IReadOnlyList<ExecutionSummary> RecentExecutions);

/// <summary>One execution as a market remembers it.</summary>
public sealed record ExecutionSummary(
    string Id,
    ExecutionKind Kind,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    bool? Success,
    string? ErrorCode,
    decimal? Profit,
    IReadOnlyList<ClientOrderId> Legs);
