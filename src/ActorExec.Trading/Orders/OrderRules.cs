namespace ActorExec.Trading.Orders;

/// <summary>Defaults of <see cref="OrderRules"/>.</summary>
public static class OrderRulesDefaults
{
    /// <summary>"Not found" answers in a row after which a placed order is declared lost.</summary>
    public const int LostAfterConsecutiveNotFound = 3;
}

/// <summary>Tunable rules of the order lifecycle.</summary>
public sealed record OrderRules
{
    /// <summary>The defaults.</summary>
    public static readonly OrderRules Default = new();

    /// <summary>"Not found" answers in a row after which a placed or partially filled order fails as lost.</summary>
    public int LostAfterConsecutiveNotFound { get; init; } = OrderRulesDefaults.LostAfterConsecutiveNotFound;

    /// <summary>Throws if a rule is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A rule is out of range.</exception>
    public OrderRules Validate()
    {
        if (LostAfterConsecutiveNotFound < 1)
            throw new ArgumentOutOfRangeException(nameof(LostAfterConsecutiveNotFound), LostAfterConsecutiveNotFound, "OrderRules.LostAfterConsecutiveNotFound must be at least 1");
        return this;
    }
}
