using System.Globalization;

namespace ActorExec.Trading;

/// <summary>
/// A positive price in the venue's quote currency (dollars per contract on prediction markets).
/// Only positive values can be constructed; <c>default(Price)</c> is zero and means "no price".
/// </summary>
public readonly record struct Price : IComparable<Price>
{
    /// <summary>Creates a price.</summary>
    /// <param name="value">The price; must be positive.</param>
    /// <param name="field">What the value is, for the error message (e.g. <c>limitPrice</c>).</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public Price(decimal value, string field = "price")
    {
        if (value <= 0)
            throw new ArgumentOutOfRangeException(field, value, $"{field} must be a positive price, got {value.ToString(CultureInfo.InvariantCulture)}");
        Value = value;
    }

    /// <summary>The price as a decimal.</summary>
    public decimal Value { get; }

    /// <inheritdoc />
    public int CompareTo(Price other) => Value.CompareTo(other.Value);

    /// <summary>Compares two prices.</summary>
    public static bool operator <(Price left, Price right) => left.Value < right.Value;

    /// <summary>Compares two prices.</summary>
    public static bool operator >(Price left, Price right) => left.Value > right.Value;

    /// <summary>Compares two prices.</summary>
    public static bool operator <=(Price left, Price right) => left.Value <= right.Value;

    /// <summary>Compares two prices.</summary>
    public static bool operator >=(Price left, Price right) => left.Value >= right.Value;

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// A non-negative number of contracts (or units of the base asset). Order sizes are positive; filled
/// and remaining quantities may be zero. Subtraction below zero throws rather than going negative.
/// </summary>
public readonly record struct Quantity : IComparable<Quantity>
{
    /// <summary>No contracts.</summary>
    public static readonly Quantity Zero = default;

    /// <summary>Creates a quantity.</summary>
    /// <param name="value">The quantity; must not be negative.</param>
    /// <param name="field">What the value is, for the error message (e.g. <c>size</c>).</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public Quantity(decimal value, string field = "quantity")
    {
        if (value < 0)
            throw new ArgumentOutOfRangeException(field, value, $"{field} must not be negative, got {value.ToString(CultureInfo.InvariantCulture)}");
        Value = value;
    }

    /// <summary>The quantity as a decimal.</summary>
    public decimal Value { get; }

    /// <summary>True for zero.</summary>
    public bool IsZero => Value == 0;

    /// <summary>The smaller of two quantities.</summary>
    public static Quantity Min(Quantity a, Quantity b) => a.Value <= b.Value ? a : b;

    /// <summary>The larger of two quantities.</summary>
    public static Quantity Max(Quantity a, Quantity b) => a.Value >= b.Value ? a : b;

    /// <inheritdoc />
    public int CompareTo(Quantity other) => Value.CompareTo(other.Value);

    /// <summary>Adds two quantities.</summary>
    public static Quantity operator +(Quantity left, Quantity right) => new(left.Value + right.Value);

    /// <summary>Subtracts; throws if the result would be negative.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The result would be negative.</exception>
    public static Quantity operator -(Quantity left, Quantity right) => new(left.Value - right.Value, "difference");

    /// <summary>Compares two quantities.</summary>
    public static bool operator <(Quantity left, Quantity right) => left.Value < right.Value;

    /// <summary>Compares two quantities.</summary>
    public static bool operator >(Quantity left, Quantity right) => left.Value > right.Value;

    /// <summary>Compares two quantities.</summary>
    public static bool operator <=(Quantity left, Quantity right) => left.Value <= right.Value;

    /// <summary>Compares two quantities.</summary>
    public static bool operator >=(Quantity left, Quantity right) => left.Value >= right.Value;

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
