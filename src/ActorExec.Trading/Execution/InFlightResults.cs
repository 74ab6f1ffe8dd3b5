namespace ActorExec.Trading.Execution;

/// <summary>Why a claim on a market was refused; <see cref="ReasonCodes"/> gives the stable code.</summary>
public enum ClaimRefusalReason
{
    /// <summary>Another execution owns the market.</summary>
    AlreadyInFlight,

    /// <summary>The market was released recently and is cooling down.</summary>
    CoolingDown,
}

/// <summary>Why a release was refused; <see cref="ReasonCodes"/> gives the stable code.</summary>
public enum ReleaseRefusalReason
{
    /// <summary>The market is idle or cooling down: there is no execution to release (a late or duplicate release).</summary>
    NotInFlight,
}

/// <summary>The outcome of claiming a market: claimed, or refused with the reason and the instant that explains it.</summary>
public abstract record ClaimResult
{
    private ClaimResult()
    {
    }

    /// <summary>True when the caller now owns the market.</summary>
    public bool IsClaimed => this is Claimed;

    /// <summary>The caller owns the market until it releases it.</summary>
    /// <param name="Slot">The market's new slot, in flight since the claim.</param>
    public sealed record Claimed(InFlightSlot Slot) : ClaimResult;

    /// <summary>A refused claim, with a stable code and key=value context for logs and events.</summary>
    public abstract record Refused : ClaimResult
    {
        private protected Refused()
        {
        }

        /// <summary>Why the claim was refused.</summary>
        public abstract ClaimRefusalReason Reason { get; }

        /// <summary>The stable SCREAMING_SNAKE code of <see cref="Reason"/>, e.g. <c>COOLING_DOWN</c>.</summary>
        public string Code => ReasonCodes.Of(Reason);

        /// <summary>The facts behind the refusal (market and the relevant instant).</summary>
        public abstract IReadOnlyDictionary<string, string> Context { get; }
    }

    /// <summary>Another execution claimed the market at <paramref name="Since"/> and has not released it.</summary>
    /// <param name="Market">The market.</param>
    /// <param name="Since">When the running execution claimed it.</param>
    public sealed record AlreadyInFlight(MarketId Market, DateTimeOffset Since) : Refused
    {
        /// <inheritdoc />
        public override ClaimRefusalReason Reason => ClaimRefusalReason.AlreadyInFlight;

        /// <inheritdoc />
        public override IReadOnlyDictionary<string, string> Context
            => ReasonContext.Empty.With("market", Market.Value).With("in_flight_since", Since);
    }

    /// <summary>The market is cooling down and becomes claimable at <paramref name="Until"/>.</summary>
    /// <param name="Market">The market.</param>
    /// <param name="Until">The first instant a claim succeeds.</param>
    public sealed record CoolingDown(MarketId Market, DateTimeOffset Until) : Refused
    {
        /// <inheritdoc />
        public override ClaimRefusalReason Reason => ClaimRefusalReason.CoolingDown;

        /// <inheritdoc />
        public override IReadOnlyDictionary<string, string> Context
            => ReasonContext.Empty.With("market", Market.Value).With("cooling_down_until", Until);
    }
}

/// <summary>The outcome of releasing a market: released (idle or cooling down), or refused because it was not in flight.</summary>
public abstract record ReleaseResult
{
    private ReleaseResult()
    {
    }

    /// <summary>True when the release took effect.</summary>
    public bool IsReleased => this is Released;

    /// <summary>The execution gave the market back.</summary>
    /// <param name="Slot">The market's new slot: idle, or cooling down.</param>
    /// <param name="Reason">Why it was released.</param>
    public sealed record Released(InFlightSlot Slot, ReleaseReason Reason) : ReleaseResult;

    /// <summary>Nothing was in flight on the market, so nothing changed.</summary>
    /// <param name="Market">The market.</param>
    /// <param name="Reason">The reason the caller gave for its release.</param>
    /// <param name="Phase">The market's phase at the time of the release (idle or cooling down).</param>
    /// <param name="CoolingDownUntil">When the cooldown ends, if the market is cooling down.</param>
    public sealed record NotInFlight(MarketId Market, ReleaseReason Reason, InFlightPhase Phase, DateTimeOffset? CoolingDownUntil) : ReleaseResult
    {
        /// <summary>Always <see cref="ReleaseRefusalReason.NotInFlight"/>; present so the refusal reads like every other denial.</summary>
        public ReleaseRefusalReason Refusal => ReleaseRefusalReason.NotInFlight;

        /// <summary>The stable code, <c>NOT_IN_FLIGHT</c>.</summary>
        public string Code => ReasonCodes.Of(Refusal);

        /// <summary>The facts behind the refusal: market, requested reason, actual phase.</summary>
        public IReadOnlyDictionary<string, string> Context
        {
            get
            {
                var context = ReasonContext.Empty
                    .With("market", Market.Value)
                    .With("release_reason", ReasonContext.Text(Reason))
                    .With("phase", ReasonContext.Text(Phase));
                return CoolingDownUntil is { } until ? context.With("cooling_down_until", until) : context;
            }
        }
    }
}
