using System.Globalization;

namespace ActorExec.Trading.Execution;

/// <summary>
/// A venue's trading fee as data: which model, with which rate. <see cref="FeeFor"/> gives the fee
/// of one order of <c>contracts</c> at <c>price</c>, in quote currency (dollars).
/// </summary>
/// <remarks>
/// The fee is computed per order, not per contract, because rounding models (Kalshi's) charge
/// <c>ceil(total)</c>: 1 contract at 50¢ costs 2¢ of fee, 100 contracts cost $1.75, not $2.00.
/// </remarks>
public abstract record FeeSchedule
{
    private FeeSchedule()
    {
    }

    /// <summary>No fee at all (paper venues, fee-free markets).</summary>
    public static FeeSchedule Free { get; } = new FlatPerContract(0m);

    /// <summary>Kalshi's taker rate (0.07) under the Kalshi formula.</summary>
    public static FeeSchedule KalshiTaker { get; } = new KalshiStyle(0.07m);

    /// <summary>Kalshi's maker rate (0.0175, a quarter of the taker rate) under the Kalshi formula.</summary>
    public static FeeSchedule KalshiMaker { get; } = new KalshiStyle(0.0175m);

    /// <summary>The fee of one order of <paramref name="contracts"/> at <paramref name="price"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Contracts are negative, or the price is outside what the model accepts.</exception>
    public decimal FeeFor(decimal contracts, decimal price)
    {
        if (contracts < 0)
            throw new ArgumentOutOfRangeException(nameof(contracts), contracts, $"contracts must not be negative, got {Text(contracts)}");
        if (price <= 0)
            throw new ArgumentOutOfRangeException(nameof(price), price, $"price must be positive, got {Text(price)}");
        return contracts == 0 ? 0m : Compute(contracts, price);
    }

    private protected abstract decimal Compute(decimal contracts, decimal price);

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static decimal NonNegative(decimal value, string field)
        => value >= 0 ? value : throw new ArgumentOutOfRangeException(field, value, $"{field} must not be negative, got {Text(value)}");

    /// <summary>A fixed amount per contract, whatever the price: <c>fee = amount × contracts</c>.</summary>
    public sealed record FlatPerContract : FeeSchedule
    {
        /// <summary>Creates the schedule.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The amount is negative.</exception>
        public FlatPerContract(decimal amountPerContract) => AmountPerContract = NonNegative(amountPerContract, nameof(amountPerContract));

        /// <summary>Dollars charged per contract.</summary>
        public decimal AmountPerContract { get; }

        private protected override decimal Compute(decimal contracts, decimal price) => AmountPerContract * contracts;
    }

    /// <summary>A fraction of the notional, unrounded: <c>fee = rate × contracts × price</c>.</summary>
    public sealed record ProportionalToNotional : FeeSchedule
    {
        /// <summary>Creates the schedule.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The rate is negative.</exception>
        public ProportionalToNotional(decimal rate) => Rate = NonNegative(rate, nameof(rate));

        /// <summary>The fraction of notional charged, e.g. 0.002 for 20 bps.</summary>
        public decimal Rate { get; }

        private protected override decimal Compute(decimal contracts, decimal price) => Rate * contracts * price;
    }

    /// <summary>
    /// Kalshi's formula for binary contracts: <c>fee = ceil_to_cent(rate × contracts × P × (1 − P))</c>,
    /// largest at P = 0.50 and vanishing towards 0 and 1.
    /// </summary>
    /// <remarks>
    /// Looked up (docs/pages search, "Kalshi fee schedule trading fee formula"): third-party guides
    /// quoting Kalshi's fee schedule give <c>ceil(0.07 × C × P × (1 − P))</c> for takers and rate 0.0175
    /// for makers, rounded up to the next cent (e.g. 100 at $0.05 → $0.34; 1 at $0.50 → $0.02).
    /// Kalshi's own "Fee Rounding" page (docs.kalshi.com/getting_started/fee_rounding) now rounds the
    /// trade fee up to $0.0001 and adds a rounding fee that brings non-direct members' balances to
    /// whole cents (with a per-order rebate accumulator); for a single fill that nets to the whole-cent
    /// ceiling used here, which is the conservative (never under-estimating) choice for an arbitrage check.
    /// </remarks>
    public sealed record KalshiStyle : FeeSchedule
    {
        /// <summary>Creates the schedule.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The rate is negative.</exception>
        public KalshiStyle(decimal rate) => Rate = NonNegative(rate, nameof(rate));

        /// <summary>The multiplier of <c>contracts × P × (1 − P)</c>: 0.07 for Kalshi takers, 0.0175 for makers.</summary>
        public decimal Rate { get; }

        private protected override decimal Compute(decimal contracts, decimal price)
        {
            if (price >= 1)
                throw new ArgumentOutOfRangeException(nameof(price), price, $"price must be below 1 for a binary contract, got {Text(price)}");
            var raw = Rate * contracts * price * (1 - price);
            return Math.Ceiling(raw * 100m) / 100m;
        }
    }
}
