using System.Globalization;
using ActorExec.Trading.Orders;

namespace ActorExec.Venues.Paper.Internal;

/// <summary>Placing, cancelling and amending our orders.</summary>
internal sealed partial class PaperExchange
{
    public VenueResult<VenueOrderReport> Place(OrderIntent intent, DateTimeOffset now)
    {
        Begin(now);
        if (_byClientId.ContainsKey(intent.ClientOrderId))
        {
            _records.AddDuplicate(new PaperDuplicateAttempt(intent.ClientOrderId, now));
            return new VenueRejected($"paper: ClientOrderId '{intent.ClientOrderId}' was already used by an accepted order", PaperRejectCodes.DuplicateClientOrderId);
        }
        if (!_markets.TryGetValue(intent.Market, out var market))
            return UnknownMarket(intent.Market);
        Touch(market, now);
        if (IntentChecks.Check(intent, market, _capabilities, _venue, now) is { } refusal)
            return refusal;
        if (intent.Type == OrderType.PostOnly && intent.LimitPrice is { } price)
        {
            var isBid = PaperOrder.IsYesBid(intent);
            var yesPrice = intent.Outcome == Outcome.No ? 1m - price.Value : price.Value;
            if (market.Book.IsMarketable(isBid, yesPrice))
                return new VenueRejected($"paper: post-only LimitPrice {price} would take liquidity", PaperRejectCodes.PostOnlyWouldCross);
        }

        var id = new VenueOrderId(_orderIdPrefix + (++_orderCount).ToString(CultureInfo.InvariantCulture));
        var order = new PaperOrder(intent, id, _orderCount, market, now);
        _orders.Add(id, order);
        _byClientId.Add(intent.ClientOrderId, order);
        _records.AddPlacement(new PaperPlacement(intent.ClientOrderId, id, intent, now));
        Work(order, now);
        if (order.Resting is not null && intent.ExpiresAt is { } expiry)
            market.Expiries.Enqueue(order, expiry);
        return Report(order, now);
    }

    public VenueResult<VenueOrderReport> Cancel(VenueOrderId id, DateTimeOffset now)
    {
        Begin(now);
        if (!_orders.TryGetValue(id, out var order))
            return OrderNotFound($"'{id}'");
        Touch(order.Market, now);
        if (order.Phase == OrderPhase.Working)
            CancelRemainder(order, "cancelled by request", now);
        return Report(order, now);
    }

    /// <summary>
    /// Amends a resting order: a smaller size keeps its time priority; a new price or a larger size
    /// re-enters the book at the back of its level and may trade at once (as a taker).
    /// </summary>
    public VenueResult<VenueOrderReport> Modify(VenueOrderId id, Price? newPrice, Quantity? newSize, DateTimeOffset now)
    {
        Begin(now);
        if (!_capabilities.SupportsModify)
            return new VenueRejected($"paper: {_venue} does not amend orders; cancel and place instead", PaperRejectCodes.ModifyNotSupported);
        if (!_orders.TryGetValue(id, out var order))
            return OrderNotFound($"'{id}'");
        Touch(order.Market, now);
        if (order.Phase != OrderPhase.Working || order.Resting is not { } resting)
            return new VenueRejected($"paper: order '{id}' is {Report(order, now).Status}; only resting orders can be amended", PaperRejectCodes.OrderNotOpen);
        if (newPrice is null && newSize is null)
            return new VenueRejected("paper: an amendment needs a newPrice or a newSize", PaperRejectCodes.InvalidModify);

        var rules = order.Market.Rules;
        var price = newPrice ?? order.LimitPrice!.Value;
        if (newPrice is { } p && !rules.IsValidPrice(p.Value))
            return new VenueRejected($"paper: newPrice {p} is outside [{Text(rules.MinPrice)}, {Text(rules.MaxPrice)}] or not a multiple of the tick size {Text(rules.TickSize)}", PaperRejectCodes.InvalidPrice);
        var size = newSize?.Value ?? order.Size;
        // A size equal to what already filled is allowed (it completes the order) even off the rules' minimum.
        if (newSize is { } s && (s.Value < order.Filled || !(rules.IsValidQuantity(s.Value) || (s.Value == order.Filled && order.Filled > 0))))
            return new VenueRejected($"paper: newSize {s} must be a valid size (min {Text(rules.MinQuantity)}, increment {Text(rules.SizeIncrement)}) and at least the {Text(order.Filled)} already filled", PaperRejectCodes.InvalidSize);

        if (size == order.Filled)
        {
            // Cut down to what already filled: nothing is left to work, so the order is complete.
            order.Size = size;
            Complete(order, now);
            return Report(order, now);
        }
        var priceChanged = price != order.LimitPrice;
        if (!priceChanged && size <= order.Size)
        {
            resting.Level!.Resize(resting, size - order.Filled);
            order.Size = size;
            order.UpdatedAt = now;
            return Report(order, now);
        }
        if (order.Intent.Type == OrderType.PostOnly && order.Market.Book.IsMarketable(order.IsBid, order.ToYes(price.Value)))
            return new VenueRejected($"paper: post-only newPrice {price} would take liquidity", PaperRejectCodes.PostOnlyWouldCross);

        Unrest(order);
        order.Size = size;
        order.LimitPrice = price;
        order.UpdatedAt = now;
        Work(order, now);
        return Report(order, now);
    }
}
