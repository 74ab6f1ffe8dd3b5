using System.Collections.Immutable;

namespace ActorExec.Trading.AutoClose;

/// <summary>
/// Pauses markets whose arbitrage legs keep filling unevenly: once a market has
/// <see cref="AutoCloseOptions.MismatchThreshold"/> mismatches within
/// <see cref="AutoCloseOptions.MismatchWindow"/>, it is blacklisted for
/// <see cref="AutoCloseOptions.BlacklistDuration"/>. Immutable: every change returns a new instance.
/// </summary>
/// <remarks>
/// A mismatch exactly one window old still counts; a blacklisting ends exactly at its end time.
/// Mismatch history is not cleared by a blacklisting: a market that mismatches again soon after its
/// pause is still within the window and goes straight back on the blacklist.
/// </remarks>
public sealed class MismatchBlacklist
{
    private readonly ImmutableDictionary<MarketId, ImmutableList<DateTimeOffset>> _mismatches;
    private readonly ImmutableDictionary<MarketId, DateTimeOffset> _blacklistedUntil;

    private MismatchBlacklist(
        AutoCloseOptions options,
        ImmutableDictionary<MarketId, ImmutableList<DateTimeOffset>> mismatches,
        ImmutableDictionary<MarketId, DateTimeOffset> blacklistedUntil)
    {
        Options = options;
        _mismatches = mismatches;
        _blacklistedUntil = blacklistedUntil;
    }

    /// <summary>A blacklist with no mismatches recorded, after validating <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static MismatchBlacklist Empty(AutoCloseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new MismatchBlacklist(options, ImmutableDictionary<MarketId, ImmutableList<DateTimeOffset>>.Empty, ImmutableDictionary<MarketId, DateTimeOffset>.Empty);
    }

    /// <summary>The thresholds this blacklist applies.</summary>
    public AutoCloseOptions Options { get; }

    /// <summary>
    /// A blacklist that also holds a mismatch of <paramref name="market"/> at <paramref name="at"/>;
    /// if that brings the market's mismatches within the window to the threshold, the market is
    /// blacklisted until the newest mismatch plus the blacklist duration (never shortening an existing one).
    /// </summary>
    public MismatchBlacklist RecordMismatch(MarketId market, DateTimeOffset at)
    {
        var times = _mismatches.GetValueOrDefault(market, ImmutableList<DateTimeOffset>.Empty);
        // Reports from two legs can arrive out of order: keep the list sorted, count back from the newest.
        var index = times.BinarySearch(at);
        times = times.Insert(index < 0 ? ~index : index, at);
        var newest = times[^1];
        times = times.RemoveAll(t => newest - t > Options.MismatchWindow);

        var blacklistedUntil = _blacklistedUntil;
        if (times.Count >= Options.MismatchThreshold)
        {
            var until = newest + Options.BlacklistDuration;
            if (!blacklistedUntil.TryGetValue(market, out var current) || current < until)
                blacklistedUntil = blacklistedUntil.SetItem(market, until);
        }

        return new MismatchBlacklist(Options, _mismatches.SetItem(market, times), blacklistedUntil);
    }

    /// <summary>True when <paramref name="market"/> must not be traded at <paramref name="now"/>.</summary>
    public bool IsBlacklisted(MarketId market, DateTimeOffset now)
        => _blacklistedUntil.TryGetValue(market, out var until) && now < until;

    /// <summary>When the market's current or last blacklisting ends, or null if it was never blacklisted.</summary>
    public DateTimeOffset? BlacklistedUntil(MarketId market)
        => _blacklistedUntil.TryGetValue(market, out var until) ? until : null;

    /// <summary>The market's mismatches that count at <paramref name="now"/>: not after it and at most one window before it.</summary>
    public int MismatchCount(MarketId market, DateTimeOffset now)
    {
        if (!_mismatches.TryGetValue(market, out var times))
            return 0;
        var count = 0;
        foreach (var t in times)
        {
            if (t <= now && now - t <= Options.MismatchWindow)
                count++;
        }
        return count;
    }

    /// <summary>
    /// A blacklist without the mismatches that no longer count at <paramref name="now"/> and without
    /// ended blacklistings, so a long-running process does not accumulate every market it ever traded.
    /// </summary>
    public MismatchBlacklist Prune(DateTimeOffset now)
    {
        var mismatches = _mismatches;
        foreach (var (market, times) in _mismatches)
        {
            var kept = times.RemoveAll(t => now - t > Options.MismatchWindow);
            mismatches = kept.IsEmpty ? mismatches.Remove(market) : mismatches.SetItem(market, kept);
        }

        var blacklistedUntil = _blacklistedUntil;
        foreach (var (market, until) in _blacklistedUntil)
        {
            if (until <= now)
                blacklistedUntil = blacklistedUntil.Remove(market);
        }

        return new MismatchBlacklist(Options, mismatches, blacklistedUntil);
    }
}
