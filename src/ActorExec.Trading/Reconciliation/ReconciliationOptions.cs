using System.Globalization;

namespace ActorExec.Trading.Reconciliation;

/// <summary>Defaults of <see cref="ReconciliationOptions"/>, in one place.</summary>
public static class ReconciliationDefaults
{
    /// <summary>
    /// Position differences up to 0.01 contracts are noise (venues that report sizes through floats
    /// round them); anything larger is a real discrepancy.
    /// </summary>
    public const decimal PositionTolerance = 0.01m;

    /// <summary>The same allowance for an order's size and filled quantity, for the same reason.</summary>
    public const decimal OrderQuantityTolerance = 0.01m;
}

/// <summary>How strictly our records are compared with a venue's.</summary>
public sealed record ReconciliationOptions
{
    /// <summary>Largest |venue − ours| position difference, in contracts, that still counts as a match; not negative.</summary>
    public decimal PositionTolerance { get; init; } = ReconciliationDefaults.PositionTolerance;

    /// <summary>Largest |venue − ours| difference of an order's size or filled quantity that still counts as a match; not negative.</summary>
    public decimal OrderQuantityTolerance { get; init; } = ReconciliationDefaults.OrderQuantityTolerance;

    /// <summary>Throws when an option is out of range; the message names the option and its value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        if (PositionTolerance < 0)
            throw new ArgumentOutOfRangeException(nameof(PositionTolerance), PositionTolerance,
                $"ReconciliationOptions.PositionTolerance must not be negative, got {PositionTolerance.ToString(CultureInfo.InvariantCulture)}");
        if (OrderQuantityTolerance < 0)
            throw new ArgumentOutOfRangeException(nameof(OrderQuantityTolerance), OrderQuantityTolerance,
                $"ReconciliationOptions.OrderQuantityTolerance must not be negative, got {OrderQuantityTolerance.ToString(CultureInfo.InvariantCulture)}");
    }
}
