using System.Globalization;

namespace ActorExec.Trading.Risk;

/// <summary>Documented defaults of <see cref="RiskLimits"/>: conservative, for a small account; production profiles set their own.</summary>
public static class RiskDefaults
{
    /// <summary>1,000 contracts (long or short) in any one market.</summary>
    public const decimal MaxPositionPerMarket = 1_000m;

    /// <summary>10,000 contracts summed over all markets, each counted by its absolute size.</summary>
    public const decimal MaxTotalPosition = 10_000m;

    /// <summary>$500 of price × quantity in one order: a fat-finger guard.</summary>
    public const decimal MaxNotionalPerOrder = 500m;

    /// <summary>$1,000 of loss in one trading day, counting the worst case of the order being checked.</summary>
    public const decimal DailyLossLimit = 1_000m;

    /// <summary>5 consecutive execution errors stop new orders until someone (or a success) resets the count.</summary>
    public const int MaxConsecutiveErrors = 5;
}

/// <summary>The pre-trade limits <see cref="RiskPolicy"/> enforces; quantities in contracts, amounts in quote currency.</summary>
public sealed record RiskLimits
{
    /// <summary>The largest absolute position allowed in one market.</summary>
    public decimal MaxPositionPerMarket { get; init; } = RiskDefaults.MaxPositionPerMarket;

    /// <summary>The largest sum of absolute positions over all markets.</summary>
    public decimal MaxTotalPosition { get; init; } = RiskDefaults.MaxTotalPosition;

    /// <summary>The largest price × quantity of a single order.</summary>
    public decimal MaxNotionalPerOrder { get; init; } = RiskDefaults.MaxNotionalPerOrder;

    /// <summary>The largest loss allowed today, including the worst case of the order being checked; reaching it stops trading.</summary>
    public decimal DailyLossLimit { get; init; } = RiskDefaults.DailyLossLimit;

    /// <summary>The count of consecutive errors at which every order is denied.</summary>
    public int MaxConsecutiveErrors { get; init; } = RiskDefaults.MaxConsecutiveErrors;

    /// <summary>Throws if a limit is out of range; call once at start-up.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is zero or negative.</exception>
    public RiskLimits Validate()
    {
        Positive(MaxPositionPerMarket, nameof(MaxPositionPerMarket));
        Positive(MaxTotalPosition, nameof(MaxTotalPosition));
        Positive(MaxNotionalPerOrder, nameof(MaxNotionalPerOrder));
        Positive(DailyLossLimit, nameof(DailyLossLimit));
        if (MaxConsecutiveErrors <= 0)
            throw new ArgumentOutOfRangeException(nameof(MaxConsecutiveErrors), MaxConsecutiveErrors,
                $"{nameof(RiskLimits)}.{nameof(MaxConsecutiveErrors)} must be positive, got {MaxConsecutiveErrors}");
        return this;
    }

    private static void Positive(decimal value, string name)
    {
        if (value <= 0)
            throw new ArgumentOutOfRangeException(name, value,
                $"{nameof(RiskLimits)}.{name} must be positive, got {value.ToString(CultureInfo.InvariantCulture)}");
    }
}
