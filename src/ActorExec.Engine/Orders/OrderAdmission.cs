using ActorExec.Engine.Venues;
using ActorExec.Trading.Orders;

namespace ActorExec.Engine.Orders;

/// <summary>Whether an intent may be accepted at all: a known venue, a listed open market, supported terms, valid prices and sizes.</summary>
public static class OrderAdmission
{
    /// <summary>Null when the intent can be accepted; otherwise why not, naming the field and value.</summary>
    public static ExecutionError? Check(OrderIntent intent, VenueDirectory venues, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(venues);
        var facts = ReasonContext.Empty
            .With("client_order_id", intent.ClientOrderId.Value)
            .With("venue", intent.Venue.Value)
            .With("market", intent.Market.Value);
        if (venues.Find(intent.Venue) is not { } venue)
            return ExecutionErrors.Of(ExecutionErrorCode.UnknownVenue, $"no venue '{intent.Venue}' is configured", facts);
        if (venue.OpenMarket(intent.Market) is not { } market)
            return ExecutionErrors.Of(ExecutionErrorCode.UnknownMarket, $"venue {intent.Venue} does not list an open market '{intent.Market}'", facts);
        if (!venue.Capabilities.Supports(intent.Type, intent.TimeInForce))
        {
            return ExecutionErrors.Of(ExecutionErrorCode.InvalidOrder,
                $"venue {intent.Venue} does not accept {intent.Type} {intent.TimeInForce} orders",
                facts.With("type", ReasonContext.Text(intent.Type)).With("time_in_force", ReasonContext.Text(intent.TimeInForce)));
        }
        if ((market.Kind == InstrumentKind.Binary) != intent.Outcome.HasValue)
        {
            return ExecutionErrors.Of(ExecutionErrorCode.InvalidOrder,
                market.Kind == InstrumentKind.Binary ? $"market {intent.Market} is binary: the order needs an outcome (Yes or No)" : $"market {intent.Market} is linear: the order must not name an outcome",
                facts);
        }
        var errors = OrderValidation.Validate(intent, market.Rules, now);
        if (errors.Count > 0)
        {
            var context = facts;
            foreach (var error in errors)
                context = context.With(error.Field, error.CodeName);
            return ExecutionErrors.Of(ExecutionErrorCode.InvalidOrder, string.Join("; ", errors.Select(e => e.ToString())), context);
        }
        return null;
    }
}
