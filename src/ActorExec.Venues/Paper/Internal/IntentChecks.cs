using ActorExec.Trading.Orders;

namespace ActorExec.Venues.Paper.Internal;

/// <summary>The venue-side checks of a new order: each refusal names the field and the value, with a <see cref="PaperRejectCodes"/> code.</summary>
internal static class IntentChecks
{
    /// <summary>The first reason to refuse <paramref name="intent"/> in <paramref name="market"/>, or null when it is acceptable.</summary>
    public static VenueRejected? Check(OrderIntent intent, MarketState market, VenueCapabilities capabilities, VenueId venue, DateTimeOffset now)
    {
        if (intent.Venue != venue)
            return new VenueRejected($"paper: Venue '{intent.Venue}' is not this venue '{venue}'", PaperRejectCodes.WrongVenue);
        if (!market.IsOpen)
            return new VenueRejected($"paper: Market '{market.Id}' is closed", PaperRejectCodes.MarketClosed);
        if (!capabilities.OrderTypes.Contains(intent.Type))
            return new VenueRejected($"paper: Type {intent.Type} is not supported by {venue} (supported: {string.Join(", ", capabilities.OrderTypes.Order())})", PaperRejectCodes.UnsupportedOrderType);
        if (!capabilities.TimesInForce.Contains(intent.TimeInForce))
            return new VenueRejected($"paper: TimeInForce {intent.TimeInForce} is not supported by {venue} (supported: {string.Join(", ", capabilities.TimesInForce.Order())})", PaperRejectCodes.UnsupportedTimeInForce);
        if (market.IsBinary && intent.Outcome is null)
            return new VenueRejected($"paper: Outcome is required on binary market '{market.Id}'", PaperRejectCodes.InvalidOutcome);
        if (!market.IsBinary && intent.Outcome is { } outcome)
            return new VenueRejected($"paper: Outcome must be null on linear market '{market.Id}', got {outcome}", PaperRejectCodes.InvalidOutcome);

        var errors = OrderValidation.Validate(intent, market.Rules, now);
        if (errors.Count == 0)
            return null;
        var error = errors[0];
        return new VenueRejected($"paper: {error.Field}: {error.Message}", CodeOf(error.Code));
    }

    private static string CodeOf(OrderValidationCode code) => code switch
    {
        OrderValidationCode.SizeOutOfBounds or OrderValidationCode.SizeNotOnIncrement => PaperRejectCodes.InvalidSize,
        OrderValidationCode.PriceRequired or OrderValidationCode.PriceNotAllowed
            or OrderValidationCode.PriceOutOfBounds or OrderValidationCode.PriceNotOnTick => PaperRejectCodes.InvalidPrice,
        OrderValidationCode.MarketOrderMustBeImmediate or OrderValidationCode.PostOnlyMustRest => PaperRejectCodes.InvalidTimeInForce,
        OrderValidationCode.ExpiryRequired or OrderValidationCode.ExpiryNotAllowed or OrderValidationCode.ExpiryNotInFuture => PaperRejectCodes.InvalidExpiry,
        // Missing ids are caught as argument errors before the venue sees the intent.
        _ => ReasonCodes.Of(code).ToLowerInvariant(),
    };
}
