using System.Collections.Immutable;

namespace ActorExec.Trading.Execution;

/// <summary>
/// The in-flight dedupe for any number of markets: an immutable map from market to slot, where an
/// absent market is idle. Every operation returns a new table, so the owning actor swaps one
/// reference and readers (the inspection endpoint) never see a half-applied change.
/// </summary>
/// <remarks>
/// Idle markets are not stored and ended cooldowns are dropped when touched or by <see cref="Prune"/>,
/// so the table holds only markets with something to remember; there is no fixed capacity.
/// </remarks>
public sealed class InFlightTable
{
    private readonly ImmutableDictionary<MarketId, InFlightSlot> _slots;

    private InFlightTable(InFlightOptions options, ImmutableDictionary<MarketId, InFlightSlot> slots)
    {
        Options = options;
        _slots = slots;
    }

    /// <summary>An empty table with the default options (10 s cooldown).</summary>
    public static InFlightTable Empty { get; } = new(new InFlightOptions(), ImmutableDictionary<MarketId, InFlightSlot>.Empty);

    /// <summary>An empty table with the given options, validated here.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static InFlightTable Create(InFlightOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new InFlightTable(options.Validate(), ImmutableDictionary<MarketId, InFlightSlot>.Empty);
    }

    /// <summary>The options releases use.</summary>
    public InFlightOptions Options { get; }

    /// <summary>How many markets are stored (in flight, or cooling down including ended cooldowns not yet pruned).</summary>
    public int Count => _slots.Count;

    /// <summary>The slot of <paramref name="market"/>: its stored slot, or idle when nothing is stored.</summary>
    /// <exception cref="ArgumentException">The market id is default.</exception>
    public InFlightSlot SlotOf(MarketId market)
        => _slots.TryGetValue(market, out var slot) ? slot : InFlightSlot.Idle(market);

    /// <summary>The phase of <paramref name="market"/> in effect at <paramref name="now"/>.</summary>
    /// <exception cref="ArgumentException">The market id is default.</exception>
    public InFlightPhase PhaseAt(MarketId market, DateTimeOffset now) => SlotOf(market).PhaseAt(now);

    /// <summary>The markets in flight or cooling down at <paramref name="now"/>, ordered by market id for stable output.</summary>
    public IReadOnlyList<InFlightSlot> ActiveAt(DateTimeOffset now)
        => _slots.Values
            .Where(slot => slot.PhaseAt(now) != InFlightPhase.Idle)
            .OrderBy(slot => slot.Market.Value, StringComparer.Ordinal)
            .ToArray();

    /// <summary>Claims <paramref name="market"/> at <paramref name="now"/>; the table is unchanged when the claim is refused.</summary>
    /// <exception cref="ArgumentException">The market id is default.</exception>
    public (InFlightTable Table, ClaimResult Result) TryClaim(MarketId market, DateTimeOffset now)
    {
        var result = SlotOf(market).TryClaim(now);
        return result is ClaimResult.Claimed claimed
            ? (With(claimed.Slot), result)
            : (this, result);
    }

    /// <summary>
    /// Releases <paramref name="market"/> for <paramref name="reason"/> at <paramref name="now"/>, with
    /// this table's cooldown; the table is unchanged when the market was not in flight.
    /// </summary>
    /// <exception cref="ArgumentException">The market id is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The reason is undefined.</exception>
    public (InFlightTable Table, ReleaseResult Result) Release(MarketId market, ReleaseReason reason, DateTimeOffset now)
    {
        var result = SlotOf(market).Release(reason, now, Options.Cooldown);
        return result is ReleaseResult.Released released
            ? (With(released.Slot), result)
            : (this, result);
    }

    /// <summary>A table without the cooldowns that have ended by <paramref name="now"/>; the same instance when none has.</summary>
    public InFlightTable Prune(DateTimeOffset now)
    {
        var ended = _slots.Values.Where(slot => slot.PhaseAt(now) == InFlightPhase.Idle).Select(slot => slot.Market).ToArray();
        return ended.Length == 0 ? this : new InFlightTable(Options, _slots.RemoveRange(ended));
    }

    private InFlightTable With(InFlightSlot slot)
        => new(Options, slot.Phase == InFlightPhase.Idle ? _slots.Remove(slot.Market) : _slots.SetItem(slot.Market, slot));
}
