using System.Globalization;

namespace ActorExec.Trading.AutoClose;

/// <summary>Defaults of <see cref="AutoCloseOptions"/>, in one place.</summary>
public static class AutoCloseDefaults
{
    /// <summary>Each retry asks 1¢ less: small enough to give up little edge, large enough to reach the bid within a second or two.</summary>
    public const decimal PriceStep = 0.01m;

    /// <summary>The walk never asks less than 1¢, the lowest price a binary venue quotes.</summary>
    public const decimal FloorPrice = 0.01m;

    /// <summary>Pause between two attempts of the walk.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Wait before the first attempt on an on-chain venue, so the bought tokens are in the wallet before we sell them.</summary>
    public static readonly TimeSpan SettlementWait = TimeSpan.FromSeconds(2);

    /// <summary>Mismatches within <see cref="MismatchWindow"/> that put a market on the blacklist.</summary>
    public const int MismatchThreshold = 3;

    /// <summary>How far back mismatches are counted.</summary>
    public static readonly TimeSpan MismatchWindow = TimeSpan.FromHours(1);

    /// <summary>How long a market stays blacklisted after reaching the threshold.</summary>
    public static readonly TimeSpan BlacklistDuration = TimeSpan.FromMinutes(5);
}

/// <summary>How the unhedged excess of a binary arbitrage is closed, and when a market that keeps mismatching is paused.</summary>
public sealed record AutoCloseOptions
{
    /// <summary>Price reduction per retry, in quote currency; positive.</summary>
    public decimal PriceStep { get; init; } = AutoCloseDefaults.PriceStep;

    /// <summary>The lowest price the walk asks; positive. Rounded up to the venue's tick and its minimum price.</summary>
    public decimal FloorPrice { get; init; } = AutoCloseDefaults.FloorPrice;

    /// <summary>Delay before every attempt after the first; not negative.</summary>
    public TimeSpan RetryInterval { get; init; } = AutoCloseDefaults.RetryInterval;

    /// <summary>Delay before the first attempt when the over-filled venue settles on chain; not negative.</summary>
    public TimeSpan SettlementWait { get; init; } = AutoCloseDefaults.SettlementWait;

    /// <summary>Mismatches within <see cref="MismatchWindow"/> that blacklist a market; at least 1.</summary>
    public int MismatchThreshold { get; init; } = AutoCloseDefaults.MismatchThreshold;

    /// <summary>How far back mismatches are counted; a mismatch exactly this old still counts. Positive.</summary>
    public TimeSpan MismatchWindow { get; init; } = AutoCloseDefaults.MismatchWindow;

    /// <summary>How long a blacklisting lasts, from the mismatch that triggered it; positive.</summary>
    public TimeSpan BlacklistDuration { get; init; } = AutoCloseDefaults.BlacklistDuration;

    /// <summary>Throws when an option is out of range; the message names the option and its value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        if (PriceStep <= 0)
            throw new ArgumentOutOfRangeException(nameof(PriceStep), PriceStep, $"AutoCloseOptions.PriceStep must be positive, got {Text(PriceStep)}");
        if (FloorPrice <= 0)
            throw new ArgumentOutOfRangeException(nameof(FloorPrice), FloorPrice, $"AutoCloseOptions.FloorPrice must be positive, got {Text(FloorPrice)}");
        if (RetryInterval < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(RetryInterval), RetryInterval, $"AutoCloseOptions.RetryInterval must not be negative, got {RetryInterval}");
        if (SettlementWait < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(SettlementWait), SettlementWait, $"AutoCloseOptions.SettlementWait must not be negative, got {SettlementWait}");
        if (MismatchThreshold < 1)
            throw new ArgumentOutOfRangeException(nameof(MismatchThreshold), MismatchThreshold, $"AutoCloseOptions.MismatchThreshold must be at least 1, got {MismatchThreshold}");
        if (MismatchWindow <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(MismatchWindow), MismatchWindow, $"AutoCloseOptions.MismatchWindow must be positive, got {MismatchWindow}");
        if (BlacklistDuration <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(BlacklistDuration), BlacklistDuration, $"AutoCloseOptions.BlacklistDuration must be positive, got {BlacklistDuration}");
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
