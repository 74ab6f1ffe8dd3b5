namespace ActorExec.Engine;

/// <summary>
/// A strategy's idempotency key for one execution (an arbitrage, a hedge entry or exit). The legs'
/// client order ids are derived from it, so the same execution sent twice never places twice.
/// Letters, digits and <c>- _ . :</c>, at most <see cref="MaxLength"/> characters (leaving room for
/// the leg suffixes within a venue's 64-character client order id).
/// </summary>
public readonly record struct ExecutionId
{
    /// <summary>The longest execution id accepted.</summary>
    public const int MaxLength = 48;

    /// <summary>Validates and wraps <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">Empty, too long, or a character outside the allowed set.</exception>
    public ExecutionId(string value)
    {
        if (string.IsNullOrEmpty(value))
            throw new ArgumentException("ExecutionId must not be empty", nameof(value));
        if (value.Length > MaxLength)
            throw new ArgumentException($"ExecutionId '{value}' is {value.Length} characters long; at most {MaxLength} are allowed", nameof(value));
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.' or ':'))
                throw new ArgumentException($"ExecutionId '{value}' contains '{c}'; only letters, digits and - _ . : are allowed", nameof(value));
        }
        Value = value;
    }

    /// <summary>The id.</summary>
    public string Value { get; }

    /// <summary>The client order id of one of this execution's orders: the id, a dot, the suffix.</summary>
    public ClientOrderId Leg(string suffix) => new($"{Value}.{suffix}");

    /// <inheritdoc />
    public override string ToString() => Value;
}
