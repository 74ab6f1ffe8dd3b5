using System.Globalization;

namespace ActorExec.Venues.Paper;

/// <summary>
/// The simulated liquidity provider: per market, a fair value following a seeded mean-reverting
/// random walk, and a ladder of bids and asks around it, replaced at every requote.
/// </summary>
public sealed record PaperLiquidityOptions
{
    /// <summary>False leaves every book empty, for tests that seed their own orders; default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Price levels quoted on each side; default <see cref="PaperVenueDefaults.Levels"/>.</summary>
    public int Levels { get; init; } = PaperVenueDefaults.Levels;

    /// <summary>Distance between best bid and best ask, in ticks; default <see cref="PaperVenueDefaults.SpreadTicks"/>.</summary>
    public int SpreadTicks { get; init; } = PaperVenueDefaults.SpreadTicks;

    /// <summary>Smallest level size (rounded to the market's size increment); default <see cref="PaperVenueDefaults.MinLevelSize"/>.</summary>
    public decimal MinLevelSize { get; init; } = PaperVenueDefaults.MinLevelSize;

    /// <summary>Largest level size (rounded to the market's size increment); default <see cref="PaperVenueDefaults.MaxLevelSize"/>.</summary>
    public decimal MaxLevelSize { get; init; } = PaperVenueDefaults.MaxLevelSize;

    /// <summary>Time between two fair-value steps and requotes; default <see cref="PaperVenueDefaults.RequoteInterval"/>.</summary>
    public TimeSpan RequoteInterval { get; init; } = PaperVenueDefaults.RequoteInterval;

    /// <summary>
    /// Standard deviation of one fair-value step: absolute on binary markets (0.004 = 0.4¢), a
    /// fraction of the price on linear ones; default <see cref="PaperVenueDefaults.Volatility"/>.
    /// </summary>
    public double Volatility { get; init; } = PaperVenueDefaults.Volatility;

    /// <summary>Fraction of the distance to the anchor recovered per step, in [0, 1]; default <see cref="PaperVenueDefaults.MeanReversion"/>.</summary>
    public double MeanReversion { get; init; } = PaperVenueDefaults.MeanReversion;

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it and its value.</exception>
    public void Validate()
    {
        if (Levels < 1)
            throw new ArgumentOutOfRangeException(nameof(Levels), Levels, $"PaperLiquidityOptions.Levels must be at least 1, got {Levels}");
        if (SpreadTicks < 1)
            throw new ArgumentOutOfRangeException(nameof(SpreadTicks), SpreadTicks, $"PaperLiquidityOptions.SpreadTicks must be at least 1, got {SpreadTicks}");
        if (MinLevelSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(MinLevelSize), MinLevelSize, $"PaperLiquidityOptions.MinLevelSize must be positive, got {Text(MinLevelSize)}");
        if (MaxLevelSize < MinLevelSize)
            throw new ArgumentOutOfRangeException(nameof(MaxLevelSize), MaxLevelSize, $"PaperLiquidityOptions.MaxLevelSize must be at least MinLevelSize {Text(MinLevelSize)}, got {Text(MaxLevelSize)}");
        if (RequoteInterval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(RequoteInterval), RequoteInterval, $"PaperLiquidityOptions.RequoteInterval must be positive, got {RequoteInterval}");
        if (!(Volatility >= 0) || double.IsInfinity(Volatility))
            throw new ArgumentOutOfRangeException(nameof(Volatility), Volatility, $"PaperLiquidityOptions.Volatility must be a finite non-negative number, got {Volatility.ToString(CultureInfo.InvariantCulture)}");
        if (!(MeanReversion is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(MeanReversion), MeanReversion, $"PaperLiquidityOptions.MeanReversion must be within [0, 1], got {MeanReversion.ToString(CultureInfo.InvariantCulture)}");
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
