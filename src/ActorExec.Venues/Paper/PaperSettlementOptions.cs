using System.Globalization;

namespace ActorExec.Venues.Paper;

/// <summary>
/// The on-chain settlement of fully matched orders (used only when the venue settles on chain):
/// Filled at the match, Mined after <see cref="MineDelay"/>, Confirmed after a further
/// <see cref="ConfirmDelay"/>, or Failed from the mining time with probability <see cref="FailureRate"/>.
/// </summary>
public sealed record PaperSettlementOptions
{
    /// <summary>Delay from the full match to mining; default <see cref="PaperVenueDefaults.MineDelay"/>.</summary>
    public TimeSpan MineDelay { get; init; } = PaperVenueDefaults.MineDelay;

    /// <summary>Delay from mining to confirmation; default <see cref="PaperVenueDefaults.ConfirmDelay"/>.</summary>
    public TimeSpan ConfirmDelay { get; init; } = PaperVenueDefaults.ConfirmDelay;

    /// <summary>Probability in [0, 1] that a settlement reverts and voids the order's fills; default <see cref="PaperVenueDefaults.SettlementFailureRate"/>.</summary>
    public double FailureRate { get; init; } = PaperVenueDefaults.SettlementFailureRate;

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it and its value.</exception>
    public void Validate()
    {
        if (MineDelay < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(MineDelay), MineDelay, $"PaperSettlementOptions.MineDelay must not be negative, got {MineDelay}");
        if (ConfirmDelay < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(ConfirmDelay), ConfirmDelay, $"PaperSettlementOptions.ConfirmDelay must not be negative, got {ConfirmDelay}");
        if (!(FailureRate is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(FailureRate), FailureRate, $"PaperSettlementOptions.FailureRate must be within [0, 1], got {FailureRate.ToString(CultureInfo.InvariantCulture)}");
    }
}
