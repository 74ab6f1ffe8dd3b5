using System.Globalization;

namespace ActorExec.Trading.Execution;

/// <summary>Documented defaults of <see cref="ArbitrageOptions"/>.</summary>
public static class ArbitrageDefaults
{
    /// <summary>$0.01 per contract after fees: one tick of edge on a cent-quoted binary, below which leg risk is not paid for.</summary>
    public const decimal MinProfitPerContract = 0.01m;

    /// <summary>1 contract: a best ask smaller than one whole contract is treated as no liquidity.</summary>
    public const decimal MinLiquidityContracts = 1m;
}

/// <summary>Thresholds of the cross-venue binary arbitrage check (<see cref="Arbitrage.Check"/>).</summary>
public sealed record ArbitrageOptions
{
    /// <summary>The smallest profit per contract, after fees, that is accepted (inclusive: exactly this much is accepted).</summary>
    public decimal MinProfitPerContract { get; init; } = ArbitrageDefaults.MinProfitPerContract;

    /// <summary>The size each best ask must show (inclusive) for its leg to count as liquid.</summary>
    public decimal MinLiquidityContracts { get; init; } = ArbitrageDefaults.MinLiquidityContracts;

    /// <summary>Throws if an option is out of range; call once at start-up.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The profit threshold is negative or the liquidity minimum is not positive.</exception>
    public ArbitrageOptions Validate()
    {
        if (MinProfitPerContract < 0)
            throw new ArgumentOutOfRangeException(nameof(MinProfitPerContract), MinProfitPerContract,
                $"{nameof(ArbitrageOptions)}.{nameof(MinProfitPerContract)} must not be negative (a negative threshold accepts losing trades), got {Text(MinProfitPerContract)}");
        if (MinLiquidityContracts <= 0)
            throw new ArgumentOutOfRangeException(nameof(MinLiquidityContracts), MinLiquidityContracts,
                $"{nameof(ArbitrageOptions)}.{nameof(MinLiquidityContracts)} must be positive, got {Text(MinLiquidityContracts)}");
        return this;
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
