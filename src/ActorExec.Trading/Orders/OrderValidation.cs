using System.Globalization;

namespace ActorExec.Trading.Orders;

/// <summary>What is wrong with an order intent.</summary>
public enum OrderValidationCode
{
    /// <summary>An identifier is missing (a default value).</summary>
    MissingId,
    /// <summary>The size is below the venue's minimum or above its maximum.</summary>
    SizeOutOfBounds,
    /// <summary>The size is not a multiple of the venue's size increment.</summary>
    SizeNotOnIncrement,
    /// <summary>A limit or post-only order without a price.</summary>
    PriceRequired,
    /// <summary>A market order carrying a price.</summary>
    PriceNotAllowed,
    /// <summary>The price is outside the venue's bounds.</summary>
    PriceOutOfBounds,
    /// <summary>The price is not on the venue's tick grid.</summary>
    PriceNotOnTick,
    /// <summary>A market order that could rest (it must be IOC, FOK or FAK).</summary>
    MarketOrderMustBeImmediate,
    /// <summary>A post-only order with a time in force that never rests.</summary>
    PostOnlyMustRest,
    /// <summary>A GTD order without an expiry.</summary>
    ExpiryRequired,
    /// <summary>An expiry on an order that is not GTD.</summary>
    ExpiryNotAllowed,
    /// <summary>A GTD expiry that is not in the future.</summary>
    ExpiryNotInFuture,
}

/// <summary>One problem with an intent: a stable code, the field it concerns and a sentence naming the value.</summary>
public sealed record OrderValidationError(OrderValidationCode Code, string Field, string Message)
{
    /// <summary>The stable SCREAMING_SNAKE code.</summary>
    public string CodeName => ReasonCodes.Of(Code);

    /// <inheritdoc />
    public override string ToString() => $"{CodeName} ({Field}): {Message}";
}

/// <summary>Checks an order intent against a venue's instrument rules before it is submitted.</summary>
public static class OrderValidation
{
    /// <summary>Every problem with <paramref name="intent"/> (empty when it is valid).</summary>
    /// <param name="intent">The order to check.</param>
    /// <param name="rules">The venue's rules for the instrument.</param>
    /// <param name="now">The current time, for GTD expiries.</param>
    public static IReadOnlyList<OrderValidationError> Validate(OrderIntent intent, InstrumentRules rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(rules);
        var errors = new List<OrderValidationError>();
        void Add(OrderValidationCode code, string field, string message) => errors.Add(new(code, field, message));

        if (intent.OrderId.Value is null)
            Add(OrderValidationCode.MissingId, nameof(intent.OrderId), "the order id is missing");
        if (intent.ClientOrderId.Value is null)
            Add(OrderValidationCode.MissingId, nameof(intent.ClientOrderId), "the client order id (idempotency key) is missing");
        if (intent.Venue.Value is null)
            Add(OrderValidationCode.MissingId, nameof(intent.Venue), "the venue is missing");
        if (intent.Market.Value is null)
            Add(OrderValidationCode.MissingId, nameof(intent.Market), "the market is missing");

        var size = intent.Size.Value;
        if (size < rules.MinQuantity || (rules.MaxQuantity is { } max && size > max))
            Add(OrderValidationCode.SizeOutOfBounds, nameof(intent.Size), $"size {Text(size)} is outside [{Text(rules.MinQuantity)}, {(rules.MaxQuantity is { } m ? Text(m) : "∞")}]");
        else if (size % rules.SizeIncrement != 0)
            Add(OrderValidationCode.SizeNotOnIncrement, nameof(intent.Size), $"size {Text(size)} is not a multiple of {Text(rules.SizeIncrement)}");

        if (intent.Type == OrderType.Market)
        {
            if (intent.LimitPrice is { } price)
                Add(OrderValidationCode.PriceNotAllowed, nameof(intent.LimitPrice), $"a market order must not carry a price (got {price})");
            if (!intent.TimeInForce.IsImmediate())
                Add(OrderValidationCode.MarketOrderMustBeImmediate, nameof(intent.TimeInForce), $"a market order must be IOC, FOK or FAK, not {intent.TimeInForce}");
        }
        else if (intent.LimitPrice is not { } limit)
        {
            Add(OrderValidationCode.PriceRequired, nameof(intent.LimitPrice), $"a {intent.Type} order needs a limit price");
        }
        else if (limit.Value < rules.MinPrice || limit.Value > rules.MaxPrice)
        {
            Add(OrderValidationCode.PriceOutOfBounds, nameof(intent.LimitPrice), $"price {limit} is outside [{Text(rules.MinPrice)}, {Text(rules.MaxPrice)}]");
        }
        else if (limit.Value % rules.TickSize != 0)
        {
            Add(OrderValidationCode.PriceNotOnTick, nameof(intent.LimitPrice), $"price {limit} is not a multiple of the tick size {Text(rules.TickSize)}");
        }

        if (intent.Type == OrderType.PostOnly && intent.TimeInForce.IsImmediate())
            Add(OrderValidationCode.PostOnlyMustRest, nameof(intent.TimeInForce), $"a post-only order must be able to rest, not {intent.TimeInForce}");

        if (intent.TimeInForce == TimeInForce.Gtd)
        {
            if (intent.ExpiresAt is not { } expiry)
                Add(OrderValidationCode.ExpiryRequired, nameof(intent.ExpiresAt), "a GTD order needs an expiry");
            else if (expiry <= now)
                Add(OrderValidationCode.ExpiryNotInFuture, nameof(intent.ExpiresAt), $"expiry {expiry:O} is not after now ({now:O})");
        }
        else if (intent.ExpiresAt is { } expiry)
        {
            Add(OrderValidationCode.ExpiryNotAllowed, nameof(intent.ExpiresAt), $"only GTD orders expire; this one is {intent.TimeInForce} with expiry {expiry:O}");
        }
        return errors;
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
