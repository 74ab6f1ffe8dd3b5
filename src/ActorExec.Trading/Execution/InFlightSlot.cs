namespace ActorExec.Trading.Execution;

/// <summary>Where a market is in the in-flight dedupe cycle.</summary>
public enum InFlightPhase
{
    /// <summary>Nothing runs on the market; it can be claimed.</summary>
    Idle,

    /// <summary>One execution owns the market; every other claim is refused.</summary>
    InFlight,

    /// <summary>Recently released; claims are refused until the cooldown ends.</summary>
    CoolingDown,
}

/// <summary>
/// The in-flight state of one market: idle, in flight since an instant, or cooling down until an
/// instant. Immutable: claiming and releasing return new slots inside their results. Expiry is
/// evaluated against the <c>now</c> passed in, never against a clock.
/// </summary>
/// <remarks>
/// A cooldown covers <c>[release, Until)</c>: at exactly <see cref="Until"/> the market is claimable
/// again, so a 10 s cooldown means "the 10 s are over", not "the 10 s and one more tick".
/// </remarks>
public sealed record InFlightSlot
{
    private InFlightSlot(MarketId market, InFlightPhase phase, DateTimeOffset? since, DateTimeOffset? until)
    {
        if (market.Value is null)
            throw new ArgumentException("market must be a constructed MarketId, not default(MarketId)", nameof(market));
        Market = market;
        Phase = phase;
        Since = since;
        Until = until;
    }

    /// <summary>The market this slot guards.</summary>
    public MarketId Market { get; }

    /// <summary>The phase as stored; a cooldown that has ended still reads CoolingDown here (see <see cref="PhaseAt"/>).</summary>
    public InFlightPhase Phase { get; }

    /// <summary>When the running execution claimed the market; set only while in flight.</summary>
    public DateTimeOffset? Since { get; }

    /// <summary>The first instant the market is claimable again; set only while cooling down.</summary>
    public DateTimeOffset? Until { get; }

    /// <summary>A slot for a market nothing runs on.</summary>
    /// <exception cref="ArgumentException">The market id is default.</exception>
    public static InFlightSlot Idle(MarketId market) => new(market, InFlightPhase.Idle, null, null);

    /// <summary>A slot owned by an execution that claimed it at <paramref name="since"/>.</summary>
    /// <exception cref="ArgumentException">The market id is default.</exception>
    public static InFlightSlot InFlight(MarketId market, DateTimeOffset since) => new(market, InFlightPhase.InFlight, since, null);

    /// <summary>A slot that becomes claimable at <paramref name="until"/>.</summary>
    /// <exception cref="ArgumentException">The market id is default.</exception>
    public static InFlightSlot CoolingDown(MarketId market, DateTimeOffset until) => new(market, InFlightPhase.CoolingDown, null, until);

    /// <summary>The phase in effect at <paramref name="now"/>: an ended cooldown counts as idle.</summary>
    public InFlightPhase PhaseAt(DateTimeOffset now)
        => Phase == InFlightPhase.CoolingDown && now >= Until!.Value ? InFlightPhase.Idle : Phase;

    /// <summary>True when a claim at <paramref name="now"/> would succeed.</summary>
    public bool IsClaimableAt(DateTimeOffset now) => PhaseAt(now) == InFlightPhase.Idle;

    /// <summary>Claims the market for one execution, or says why it cannot be claimed now.</summary>
    public ClaimResult TryClaim(DateTimeOffset now) => PhaseAt(now) switch
    {
        InFlightPhase.Idle => new ClaimResult.Claimed(InFlight(Market, now)),
        InFlightPhase.InFlight => new ClaimResult.AlreadyInFlight(Market, Since!.Value),
        _ => new ClaimResult.CoolingDown(Market, Until!.Value),
    };

    /// <summary>
    /// Gives the market back: idle at once for <see cref="ReleaseReason.ProfitBelowThreshold"/>,
    /// <see cref="ReleaseReason.BreakerOpen"/> and <see cref="ReleaseReason.ExecutionFailed"/>; cooling
    /// down until <paramref name="now"/> + <paramref name="cooldown"/> for the other reasons. Releasing a
    /// market that is not in flight is refused as a value, because a late or duplicate release is an
    /// expected race between an execution and its timeout, not a bug.
    /// </summary>
    /// <param name="reason">Why the execution ended.</param>
    /// <param name="now">When it ended.</param>
    /// <param name="cooldown">How long to cool down; <see cref="InFlightDefaults.Cooldown"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The reason is undefined or the cooldown is negative.</exception>
    public ReleaseResult Release(ReleaseReason reason, DateTimeOffset now, TimeSpan? cooldown = null)
    {
        var startsCooldown = reason.StartsCooldown();
        var length = cooldown ?? InFlightDefaults.Cooldown;
        if (length < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(cooldown), cooldown, $"cooldown must not be negative, got {cooldown}");

        var phase = PhaseAt(now);
        if (phase != InFlightPhase.InFlight)
            return new ReleaseResult.NotInFlight(Market, reason, phase, phase == InFlightPhase.CoolingDown ? Until : null);

        var released = startsCooldown && length > TimeSpan.Zero ? CoolingDown(Market, now + length) : Idle(Market);
        return new ReleaseResult.Released(released, reason);
    }
}
