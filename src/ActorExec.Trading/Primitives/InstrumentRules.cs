using System.Globalization;

namespace ActorExec.Trading;

/// <summary>
/// What a venue accepts for one instrument: price tick and bounds, size increment and bounds.
/// Prices and quantities built through these rules are valid for that venue by construction.
/// </summary>
public sealed record InstrumentRules
{
    /// <summary>A binary market quoted in cents: 1¢ ticks between 1¢ and 99¢, whole contracts (Kalshi-like).</summary>
    public static readonly InstrumentRules BinaryCents = new(tickSize: 0.01m, sizeIncrement: 1m, minPrice: 0.01m, maxPrice: 0.99m, minQuantity: 1m);

    /// <summary>Creates and validates a rule set.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is not positive, or a bound is inconsistent.</exception>
    public InstrumentRules(decimal tickSize, decimal sizeIncrement, decimal minPrice, decimal maxPrice, decimal minQuantity, decimal? maxQuantity = null)
    {
        if (tickSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(tickSize), tickSize, "tickSize must be positive");
        if (sizeIncrement <= 0)
            throw new ArgumentOutOfRangeException(nameof(sizeIncrement), sizeIncrement, "sizeIncrement must be positive");
        if (minPrice <= 0 || minPrice % tickSize != 0)
            throw new ArgumentOutOfRangeException(nameof(minPrice), minPrice, "minPrice must be positive and a multiple of tickSize");
        if (maxPrice < minPrice || maxPrice % tickSize != 0)
            throw new ArgumentOutOfRangeException(nameof(maxPrice), maxPrice, "maxPrice must be at least minPrice and a multiple of tickSize");
        if (minQuantity <= 0 || minQuantity % sizeIncrement != 0)
            throw new ArgumentOutOfRangeException(nameof(minQuantity), minQuantity, "minQuantity must be positive and a multiple of sizeIncrement");
        if (maxQuantity is { } max && (max < minQuantity || max % sizeIncrement != 0))
            throw new ArgumentOutOfRangeException(nameof(maxQuantity), maxQuantity, "maxQuantity must be at least minQuantity and a multiple of sizeIncrement");
        TickSize = tickSize;
        SizeIncrement = sizeIncrement;
        MinPrice = minPrice;
        MaxPrice = maxPrice;
        MinQuantity = minQuantity;
        MaxQuantity = maxQuantity;
    }

    /// <summary>Prices are multiples of this.</summary>
    public decimal TickSize { get; }

    /// <summary>Quantities are multiples of this.</summary>
    public decimal SizeIncrement { get; }

    /// <summary>The lowest price accepted.</summary>
    public decimal MinPrice { get; }

    /// <summary>The highest price accepted.</summary>
    public decimal MaxPrice { get; }

    /// <summary>The smallest order size accepted.</summary>
    public decimal MinQuantity { get; }

    /// <summary>The largest order size accepted, if the venue has one.</summary>
    public decimal? MaxQuantity { get; }

    /// <summary>True when <paramref name="price"/> is within bounds and on the tick grid.</summary>
    public bool IsValidPrice(decimal price) => price >= MinPrice && price <= MaxPrice && price % TickSize == 0;

    /// <summary>True when <paramref name="quantity"/> is within bounds and a multiple of the size increment.</summary>
    public bool IsValidQuantity(decimal quantity)
        => quantity >= MinQuantity && (MaxQuantity is null || quantity <= MaxQuantity) && quantity % SizeIncrement == 0;

    /// <summary>A price valid under these rules.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Out of bounds or off the tick grid; the message names the field, the value and the rule.</exception>
    public Price Price(decimal value, string field = "price")
    {
        if (value < MinPrice || value > MaxPrice)
            throw new ArgumentOutOfRangeException(field, value, $"{field} {Text(value)} is outside [{Text(MinPrice)}, {Text(MaxPrice)}]");
        if (value % TickSize != 0)
            throw new ArgumentOutOfRangeException(field, value, $"{field} {Text(value)} is not a multiple of the tick size {Text(TickSize)}");
        return new Price(value, field);
    }

    /// <summary>An order size valid under these rules.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Out of bounds or not a multiple of the size increment.</exception>
    public Quantity Quantity(decimal value, string field = "quantity")
    {
        if (value < MinQuantity)
            throw new ArgumentOutOfRangeException(field, value, $"{field} {Text(value)} is below the minimum {Text(MinQuantity)}");
        if (MaxQuantity is { } max && value > max)
            throw new ArgumentOutOfRangeException(field, value, $"{field} {Text(value)} is above the maximum {Text(max)}");
        if (value % SizeIncrement != 0)
            throw new ArgumentOutOfRangeException(field, value, $"{field} {Text(value)} is not a multiple of the size increment {Text(SizeIncrement)}");
        return new Quantity(value, field);
    }

    /// <summary>The largest multiple of the size increment not above <paramref name="value"/>.</summary>
    public decimal RoundDownToIncrement(decimal value) => Math.Floor(value / SizeIncrement) * SizeIncrement;

    /// <summary>The largest tick not above <paramref name="value"/>.</summary>
    public decimal RoundDownToTick(decimal value) => Math.Floor(value / TickSize) * TickSize;

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
