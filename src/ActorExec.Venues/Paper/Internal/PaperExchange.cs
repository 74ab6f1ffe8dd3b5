using System.Globalization;
using ActorExec.Trading.Execution;

namespace ActorExec.Venues.Paper.Internal;

/// <summary>
/// The state and rules of one paper venue: markets, books, our orders, fills and positions. Not
/// thread-safe: <see cref="PaperVenue"/> calls it under its lock, passing the time of the call.
/// Every entry point first applies what the clock says has happened (settlement reversals; in the
/// markets it touches, GTD expiries then liquidity requotes).
/// </summary>
internal sealed partial class PaperExchange
{
    private readonly VenueId _venue;
    private readonly VenueCapabilities _capabilities;
    private readonly PaperVenueRecords _records;
    private readonly PaperFaultController _faults;
    private readonly FeeSchedule _takerFees;
    private readonly FeeSchedule _makerFees;
    private readonly Settlement _settlement;
    private readonly AccountLedger _ledger = new();
    private readonly Dictionary<MarketId, MarketState> _markets = [];
    private readonly List<MarketState> _listing = [];
    private readonly Dictionary<VenueOrderId, PaperOrder> _orders = [];
    private readonly Dictionary<ClientOrderId, PaperOrder> _byClientId = [];
    private readonly List<Execution> _executions = [];
    private readonly List<Quote> _quotes = [];
    private readonly string _orderIdPrefix;
    private readonly string _fillIdPrefix;
    private long _sequence;
    private long _orderCount;
    private long _fillCount;

    public PaperExchange(PaperVenueOptions options, VenueCapabilities capabilities, PaperVenueRecords records, PaperFaultController faults, DateTimeOffset start)
    {
        _venue = options.Venue;
        _capabilities = capabilities;
        _records = records;
        _faults = faults;
        _takerFees = options.TakerFees;
        _makerFees = options.MakerFees;
        _settlement = new Settlement(options.SettlesOnChain, options.Settlement, options.Venue, options.Seed);
        _orderIdPrefix = options.Venue.Value + "-o";
        _fillIdPrefix = options.Venue.Value + "-f";
        foreach (var definition in options.Markets)
        {
            var rules = definition.Rules ?? options.DefaultRules;
            var provider = options.Liquidity.Enabled ? new LiquidityProvider(definition, rules, options.Liquidity, options.Seed, start) : null;
            var market = new MarketState(definition, rules, provider);
            _markets.Add(market.Id, market);
            _listing.Add(market);
        }
    }

    /// <summary>Applies settlement reversals that fell due; every entry point calls it first.</summary>
    private void Begin(DateTimeOffset now) => _settlement.ApplyDue(now, _ledger);

    /// <summary>Brings a market up to the clock: expires due GTD orders, then steps and requotes the liquidity provider.</summary>
    private void Touch(MarketState market, DateTimeOffset now)
    {
        while (market.Expiries.TryPeek(out var order, out var expiry) && expiry <= now)
        {
            market.Expiries.Dequeue();
            if (order.Phase != OrderPhase.Working || order.Resting is null)
                continue;
            Unrest(order);
            order.Phase = OrderPhase.Expired;
            order.Detail = $"GTD order expired at {expiry.ToString("O", CultureInfo.InvariantCulture)}";
            order.UpdatedAt = expiry;
        }
        if (market.Provider is { } provider && provider.Advance(now))
            Requote(market, now);
    }

    private void TouchAll(DateTimeOffset now)
    {
        foreach (var market in _listing)
            Touch(market, now);
    }

    /// <summary>Matches our order against the book, then rests its remainder or cancels it per its time in force.</summary>
    private void Work(PaperOrder order, DateTimeOffset now)
    {
        var market = order.Market;
        var limit = order.YesLimit;
        var timeInForce = order.Intent.TimeInForce;
        if (timeInForce == TimeInForce.Fok)
        {
            var available = market.Book.Available(order.IsBid, limit, order.Remaining);
            if (available < order.Remaining)
            {
                CancelRemainder(order, $"FOK: only {Text(available)} of {Text(order.Remaining)} available at or better than the limit; nothing filled", now);
                return;
            }
        }

        _executions.Clear();
        market.Book.Match(order.IsBid, limit, order.Remaining, _executions);
        Settle(order, now);
        if (order.Phase != OrderPhase.Working)
            return;
        if (timeInForce.IsImmediate() || limit is null)
        {
            CancelRemainder(order, $"{timeInForce.ToString().ToUpperInvariant()}: unfilled remainder of {Text(order.Remaining)} cancelled", now);
            return;
        }
        var resting = new BookOrder(++_sequence, order.IsBid, limit.Value, order.Remaining, order);
        market.Book.Rest(resting);
        order.Resting = resting;
        market.OpenOrders.Add(order);
    }

    /// <summary>Turns the executions of the last match into fills: <paramref name="taker"/> is our incoming order (null for the liquidity provider).</summary>
    private void Settle(PaperOrder? taker, DateTimeOffset now)
    {
        foreach (var execution in _executions)
        {
            if (taker is not null)
                Fill(taker, execution.Quantity, execution.Price, isMaker: false, now);
            if (execution.Maker.Owner is { } maker)
                Fill(maker, execution.Quantity, execution.Price, isMaker: true, now);
        }
        _executions.Clear();
    }

    private void Fill(PaperOrder order, decimal quantity, decimal yesPrice, bool isMaker, DateTimeOffset now)
    {
        var price = order.ToYes(yesPrice);
        var fee = (isMaker ? _makerFees : _takerFees).FeeFor(quantity, price);
        var id = new FillId(_fillIdPrefix + (++_fillCount).ToString(CultureInfo.InvariantCulture));
        var intent = order.Intent;
        var fill = new VenueFill(id, order.Id, intent.ClientOrderId, intent.Market, intent.Side, intent.Outcome, new Quantity(quantity), new Price(price), fee, isMaker, now);
        order.AddFill(fill);
        _ledger.Record(fill);
        if (order.Remaining == 0)
            Complete(order, now);
    }

    /// <summary>A fully matched order leaves the book and starts settling.</summary>
    private void Complete(PaperOrder order, DateTimeOffset now)
    {
        if (order.Resting is { IsResting: true })
            Unrest(order);
        order.Resting = null;
        order.Market.OpenOrders.Remove(order);
        _settlement.OnMatched(order, now);
    }

    private void CancelRemainder(PaperOrder order, string detail, DateTimeOffset now)
    {
        if (order.Resting is not null)
            Unrest(order);
        order.Phase = OrderPhase.Cancelled;
        order.Detail = detail;
        order.UpdatedAt = now;
    }

    private static void Unrest(PaperOrder order)
    {
        if (order.Resting is { IsResting: true } resting)
            order.Market.Book.Remove(resting);
        order.Resting = null;
        order.Market.OpenOrders.Remove(order);
    }

    private VenueOrderReport Report(PaperOrder order, DateTimeOffset now) => _settlement.Report(order, now);

    private VenueNotFound OrderNotFound(string what) => new($"paper: order {what} is unknown at {_venue}");

    private VenueRejected UnknownMarket(MarketId market) => new($"paper: Market '{market}' is not listed on {_venue}", PaperRejectCodes.UnknownMarket);

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
