using ActorExec.Trading.Orders;
using ActorExec.Trading.Slippage;

namespace ActorExec.Engine;

/// <summary>A message for one market's actor; the market region routes it by <see cref="Market"/>.</summary>
public interface IMarketCommand
{
    /// <summary>The market (the unit of single-writer execution) the message is for.</summary>
    MarketId Market { get; }
}

/// <summary>What a strategy saw on one venue: the best YES and NO asks it wants to take.</summary>
/// <param name="Venue">The venue.</param>
/// <param name="YesAsk">Best YES ask (price and size), if any.</param>
/// <param name="NoAsk">Best NO ask (price and size), if any.</param>
public sealed record VenueQuote(VenueId Venue, BookLevel? YesAsk, BookLevel? NoAsk);

/// <summary>
/// Execute a cross-venue binary arbitrage: buy YES where it is cheap and NO where it is cheap, both
/// legs at once, when the pair costs less than the $1 it pays. The market re-checks everything
/// (in-flight, blacklist, profit, liquidity, risk, breakers) before placing anything.
/// </summary>
/// <param name="ExecutionId">The idempotency key: the same id twice executes once.</param>
/// <param name="Market">The market, listed under the same id on both venues.</param>
/// <param name="First">One venue's quotes.</param>
/// <param name="Second">The other venue's quotes.</param>
/// <param name="MaxSize">The most contracts per leg the strategy wants.</param>
/// <param name="DryRun">Run every check but place nothing (the market still cools down).</param>
public sealed record ExecuteArbitrage(ExecutionId ExecutionId, MarketId Market, VenueQuote First, VenueQuote Second, Quantity MaxSize, bool DryRun = false) : IMarketCommand;

/// <summary>Place one order (single-leg strategies, hedges, auto-close). Its client order id is the idempotency key.</summary>
/// <param name="Intent">The order's terms.</param>
/// <param name="CompletePartialFill">
/// When the order ends with part of it unfilled (an IOC/FAK remainder), place follow-up orders for
/// the remainder on the same terms (client ids suffixed <c>.c1</c>, <c>.c2</c>, …, at most
/// <c>MaxCompletionAttempts</c>); the reply covers them all.
/// </param>
public sealed record PlaceOrder(OrderIntent Intent, bool CompletePartialFill = false) : IMarketCommand
{
    /// <inheritdoc />
    public MarketId Market => Intent.Market;
}

/// <summary>Cancel an order (its unfilled remainder) by client order id.</summary>
public sealed record CancelOrder(MarketId Market, ClientOrderId ClientOrderId) : IMarketCommand;

/// <summary>Cancel every open order of a market.</summary>
public sealed record CancelAll(MarketId Market) : IMarketCommand;

/// <summary>A perp/spot pair hedged against each other; <see cref="Key"/> names it and is the market its execution runs under.</summary>
/// <param name="Key">The hedge's id (the market key its actor owns), e.g. <c>hedge:ETH</c>.</param>
/// <param name="PerpVenue">Where the perpetual trades.</param>
/// <param name="PerpMarket">The perpetual's market.</param>
/// <param name="SpotVenue">Where the spot trades.</param>
/// <param name="SpotMarket">The spot market.</param>
public sealed record HedgePair(MarketId Key, VenueId PerpVenue, MarketId PerpMarket, VenueId SpotVenue, MarketId SpotMarket);

/// <summary>Enter (or add to) a hedge: short the perp and buy the spot, the same size, at once; slippage is validated on both books first.</summary>
public sealed record EnterHedge(ExecutionId ExecutionId, HedgePair Pair, Quantity Size) : IMarketCommand
{
    /// <inheritdoc />
    public MarketId Market => Pair.Key;
}

/// <summary>Exit a hedge: sell the spot, then buy back the perp, then verify both positions flat at the venues.</summary>
public sealed record ExitHedge(ExecutionId ExecutionId, HedgePair Pair) : IMarketCommand
{
    /// <inheritdoc />
    public MarketId Market => Pair.Key;
}

/// <summary>Measure the hedge's drift at current prices and trade the perp back to neutral when it exceeds the threshold.</summary>
public sealed record CorrectHedgeDrift(ExecutionId ExecutionId, HedgePair Pair) : IMarketCommand
{
    /// <inheritdoc />
    public MarketId Market => Pair.Key;
}

/// <summary>What an execution is.</summary>
public enum ExecutionKind
{
    /// <summary>A two-leg binary arbitrage.</summary>
    Arbitrage,
    /// <summary>One order (with its completion follow-ups).</summary>
    Order,
    /// <summary>A cancel request.</summary>
    Cancel,
    /// <summary>Entering a perp/spot hedge.</summary>
    HedgeEntry,
    /// <summary>Exiting a perp/spot hedge.</summary>
    HedgeExit,
    /// <summary>A drift correction of a hedge.</summary>
    HedgeCorrection,
}

/// <summary>Why an execution failed or was refused: a stable SCREAMING_CODE, a sentence, and key=value facts.</summary>
public sealed record ExecutionError(string Code, string Message, IReadOnlyDictionary<string, string> Context)
{
    /// <inheritdoc />
    public override string ToString()
        => Context.Count == 0 ? $"{Code}: {Message}" : $"{Code}: {Message} ({string.Join(", ", Context.Select(kv => $"{kv.Key}={kv.Value}"))})";
}

/// <summary>One order of an execution, as it stood when the result was sent.</summary>
public sealed record LegResult(
    ClientOrderId ClientOrderId,
    VenueId Venue,
    MarketId Market,
    Side Side,
    Outcome? Outcome,
    OrderStatus Status,
    Quantity Size,
    Quantity Filled,
    Price? AveragePrice,
    decimal Fees,
    IReadOnlyList<Fill> Fills)
{
    /// <summary>The leg of <paramref name="order"/> as it stands.</summary>
    public static LegResult Of(Order order) => new(
        order.Intent.ClientOrderId, order.Intent.Venue, order.Intent.Market, order.Intent.Side, order.Intent.Outcome,
        order.Status, order.Intent.Size, order.Filled, order.AverageFillPrice, order.Fees, order.Fills);
}

/// <summary>
/// The reply to every strategy command. <see cref="Success"/> means the intent was carried out as asked
/// (for an arbitrage: both legs filled the same size); otherwise <see cref="Error"/> says why.
/// </summary>
/// <param name="Id">The execution id, or the client order id for single orders and cancels.</param>
/// <param name="Market">The market.</param>
/// <param name="Kind">What was executed.</param>
/// <param name="Success">True when it was carried out as asked.</param>
/// <param name="Legs">The orders involved, as they stood.</param>
/// <param name="Profit">Expected profit of an arbitrage at its fill prices net of fees; null otherwise.</param>
/// <param name="Latency">From the command's arrival at the market to this result.</param>
/// <param name="Error">Why it failed or was refused.</param>
/// <param name="Duplicate">True when this answers an id seen before (nothing was placed again).</param>
public sealed record ExecutionResult(
    string Id,
    MarketId Market,
    ExecutionKind Kind,
    bool Success,
    IReadOnlyList<LegResult> Legs,
    decimal? Profit,
    TimeSpan Latency,
    ExecutionError? Error,
    bool Duplicate = false)
{
    /// <summary>Contracts filled over all legs.</summary>
    public decimal TotalFilled => Legs.Sum(l => l.Filled.Value);

    /// <inheritdoc />
    public override string ToString()
        => $"{Kind} {Id} on {Market}: {(Success ? "OK" : Error?.ToString() ?? "failed")}{(Duplicate ? " (duplicate)" : "")}, legs [{string.Join("; ", Legs.Select(l => $"{l.ClientOrderId} {l.Status} {l.Filled}/{l.Size}"))}]";
}
