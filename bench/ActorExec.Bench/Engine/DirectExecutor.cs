using ActorExec.Engine;
using ActorExec.Actors.Persistence;
using ActorExec.Engine.Markets;
using ActorExec.Engine.Orders;
using ActorExec.Engine.Venues;
using ActorExec.Trading;
using ActorExec.Trading.Execution;
using ActorExec.Trading.Orders;
using ActorExec.Trading.Risk;

namespace ActorExec.Bench.Engine;

/// <summary>
/// The baseline: what one arbitrage execution costs without actors. The same checks (in-flight slot,
/// venue and market lookup, profit and liquidity, pre-trade risk), the same journal writes (the
/// execution, each leg's write-ahead, each leg's venue outcome, the release) and the same venue calls
/// (both legs at once), made directly from the caller's task.
/// </summary>
internal sealed class DirectExecutor(EngineOptions options, VenueDirectory venues, IJournal journal)
{
    private readonly RiskPolicy _risk = new(options.Risk);
    private readonly Dictionary<MarketId, InFlightSlot> _slots = [];
    private readonly Dictionary<string, long> _sequenceNrs = [];
    private readonly Lock _gate = new();

    public async Task<bool> ExecuteAsync(ExecuteArbitrage command)
    {
        var now = DateTimeOffset.UtcNow;
        var market = command.Market;
        InFlightSlot claimed;
        lock (_gate)
        {
            var slot = _slots.GetValueOrDefault(market) ?? InFlightSlot.Idle(market);
            if (slot.TryClaim(now) is ClaimResult.Refused)
                return false;
            claimed = _slots[market] = InFlightSlot.InFlight(market, now);
        }
        var first = QuoteOf(command.First, market);
        var second = QuoteOf(command.Second, market);
        if (Arbitrage.Check(new ArbitrageRequest(market, first, second, command.MaxSize), options.Arbitrage) is not ArbitrageOpportunity opportunity)
            return Release(claimed, ReleaseReason.ProfitBelowThreshold, now);
        var snapshot = new RiskSnapshot(TradingState.Active, [], 0m, 0);
        foreach (var leg in new[] { opportunity.YesLeg, opportunity.NoLeg })
        {
            var rules = (leg.Venue == first.Venue ? first : second).Rules;
            if (_risk.Check(new RiskRequest(leg.Venue, market, Side.Buy, leg.Size, leg.Price, rules), snapshot) is RiskDenial)
                return Release(claimed, ReleaseReason.ExecutionFailed, now);
        }
        var legs = new[] { Intent(command.ExecutionId.Leg("yes"), market, opportunity.YesLeg, opportunity.Size), Intent(command.ExecutionId.Leg("no"), market, opportunity.NoLeg, opportunity.Size) };
        await WriteAsync(MarketActor.PersistenceIdOf(market), [new ExecutionStarted(command.ExecutionId, ExecutionKind.Arbitrage, legs, null, null, now)]);

        var outcomes = await Task.WhenAll(legs.Select(PlaceLegAsync));
        var success = outcomes.All(o => o);
        await WriteAsync(MarketActor.PersistenceIdOf(market), [new ExecutionFinished(command.ExecutionId, success, null, null, null, ReleaseReason.Success, DateTimeOffset.UtcNow)]);
        return Release(claimed, ReleaseReason.Success, now) || success;
    }

    private async Task<bool> PlaceLegAsync(OrderIntent intent)
    {
        var now = DateTimeOffset.UtcNow;
        var persistenceId = OrderActor.PersistenceIdOf(intent.ClientOrderId);
        OrderEvent[] writeAhead = [new OrderSubmitted(intent, now), new OrderSent(1, now)];
        await WriteAsync(persistenceId, writeAhead);
        var order = Order.Replay(writeAhead);
        var report = await venues.Find(intent.Venue)!.Adapter.PlaceAsync(intent);
        if (!report.IsSuccess)
            return false;
        var (events, updated, _) = VenueReportTranslator.DecideAll(order, VenueReportTranslator.Translate(order, report.Value, DateTimeOffset.UtcNow), OrderRules.Default);
        if (events.Count > 0)
            await WriteAsync(persistenceId, events);
        return updated.Filled.Value == intent.Size.Value;
    }

    private ArbitrageQuote QuoteOf(VenueQuote quote, MarketId market)
    {
        var venue = venues.Find(quote.Venue) ?? throw new InvalidOperationException($"unknown venue {quote.Venue}");
        var listed = venue.OpenMarket(market) ?? throw new InvalidOperationException($"{quote.Venue} does not list {market}");
        return new ArbitrageQuote(quote.Venue, listed.Rules, venue.Capabilities.TakerFees, quote.YesAsk, quote.NoAsk);
    }

    private OrderIntent Intent(ClientOrderId id, MarketId market, OpportunityLeg leg, Quantity size)
        => new(new OrderId(id.Value), id, leg.Venue, market, Side.Buy, leg.Outcome, OrderType.Limit, options.ArbitrageLegTimeInForce, size, leg.Price);

    private bool Release(InFlightSlot claimed, ReleaseReason reason, DateTimeOffset now)
    {
        lock (_gate)
            _slots[claimed.Market] = claimed.Release(reason, now, options.InFlight.Cooldown) is ReleaseResult.Released released ? released.Slot : InFlightSlot.Idle(claimed.Market);
        return false;
    }

    private async Task WriteAsync<TEvent>(string persistenceId, IReadOnlyList<TEvent> events) where TEvent : notnull
    {
        long first;
        lock (_gate)
        {
            first = _sequenceNrs.GetValueOrDefault(persistenceId) + 1;
            _sequenceNrs[persistenceId] = first + events.Count - 1;
        }
        var now = DateTimeOffset.UtcNow;
        var representations = events.Select((e, i) => new PersistentRepresentation(persistenceId, first + i, e, now, [])).ToList();
        var results = await journal.WriteAsync([new AtomicWrite(representations)]);
        if (results[0] is not WriteResult.Stored)
            throw new InvalidOperationException($"journal refused the write of {persistenceId}: {results[0]}");
    }
}
