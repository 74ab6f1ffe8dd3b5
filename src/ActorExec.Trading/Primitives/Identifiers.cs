namespace ActorExec.Trading;

/// <summary>Shared validation of identifier text: what a venue, a journal and a log line can all carry.</summary>
internal static class Identifier
{
    public const int MaxLength = 128;

    /// <exception cref="ArgumentException">The value is empty, too long, or contains whitespace or control characters.</exception>
    public static string Validate(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
            throw new ArgumentException($"{field} must not be empty", field);
        if (value.Length > MaxLength)
            throw new ArgumentException($"{field} '{value[..16]}…' is {value.Length} characters long; at most {MaxLength} are allowed", field);
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
                throw new ArgumentException($"{field} '{value}' contains a whitespace or control character", field);
        }
        return value;
    }
}

/// <summary>A trading venue, e.g. <c>kalshi</c>, <c>polymarket</c>, <c>paper-a</c>.</summary>
public readonly record struct VenueId
{
    /// <exception cref="ArgumentException">The value is empty, too long or contains whitespace.</exception>
    public VenueId(string value) => Value = Identifier.Validate(value, nameof(VenueId));

    /// <summary>The identifier text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>A market as the strategy knows it (one event, possibly listed on several venues).</summary>
public readonly record struct MarketId
{
    /// <exception cref="ArgumentException">The value is empty, too long or contains whitespace.</exception>
    public MarketId(string value) => Value = Identifier.Validate(value, nameof(MarketId));

    /// <summary>The identifier text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Our identity for an order, stable across retries, restarts and failovers.</summary>
public readonly record struct OrderId
{
    /// <exception cref="ArgumentException">The value is empty, too long or contains whitespace.</exception>
    public OrderId(string value) => Value = Identifier.Validate(value, nameof(OrderId));

    /// <summary>The identifier text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>
/// The idempotency key sent to the venue with an order: the same intent always carries the same
/// key, so a venue (and our journal) can recognise a retry instead of placing the order twice.
/// </summary>
public readonly record struct ClientOrderId
{
    /// <summary>Venues limit client order ids; 64 characters of [A-Za-z0-9-_.:] fit all of ours.</summary>
    public const int MaxLength = 64;

    /// <exception cref="ArgumentException">The value is empty, longer than 64 characters or has a character outside [A-Za-z0-9-_.:].</exception>
    public ClientOrderId(string value)
    {
        Identifier.Validate(value, nameof(ClientOrderId));
        if (value.Length > MaxLength)
            throw new ArgumentException($"{nameof(ClientOrderId)} '{value}' is {value.Length} characters long; venues accept at most {MaxLength}", nameof(value));
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.' or ':'))
                throw new ArgumentException($"{nameof(ClientOrderId)} '{value}' contains '{c}'; only letters, digits and - _ . : are allowed", nameof(value));
        }
        Value = value;
    }

    /// <summary>The identifier text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>The venue's own id for an order, known once the venue acknowledged it.</summary>
public readonly record struct VenueOrderId
{
    /// <exception cref="ArgumentException">The value is empty, too long or contains whitespace.</exception>
    public VenueOrderId(string value) => Value = Identifier.Validate(value, nameof(VenueOrderId));

    /// <summary>The identifier text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>The venue's id for one fill (trade); fills are deduplicated by it.</summary>
public readonly record struct FillId
{
    /// <exception cref="ArgumentException">The value is empty, too long or contains whitespace.</exception>
    public FillId(string value) => Value = Identifier.Validate(value, nameof(FillId));

    /// <summary>The identifier text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value;
}
