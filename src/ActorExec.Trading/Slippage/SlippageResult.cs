namespace ActorExec.Trading.Slippage;

/// <summary>Why the slippage guard rejected an order; <see cref="SlippageResult.Rejected.Code"/> gives the stable code.</summary>
public enum SlippageRejectionReason
{
    /// <summary>The book side cannot fill the whole size (including an empty side).</summary>
    InsufficientLiquidity,

    /// <summary>The side can fill the size but shows less than the required multiple of it.</summary>
    LiquidityBelowMultiple,

    /// <summary>The volume-weighted price is worse than intended by more than the maximum.</summary>
    SlippageAboveMax,
}

/// <summary>
/// The verdict of <see cref="SlippageGuard.Check"/>: Ok, Warn (accepted, but worth a log line) or
/// Rejected, with the effective (volume-weighted) price and the slippage in bps (positive = worse for us).
/// </summary>
public abstract record SlippageResult
{
    private SlippageResult(Price? effectivePrice, decimal? slippageBps)
    {
        EffectivePrice = effectivePrice;
        SlippageBps = slippageBps;
    }

    /// <summary>The volume-weighted price of the whole size; null when the book cannot fill it.</summary>
    public Price? EffectivePrice { get; }

    /// <summary>How much worse than intended the effective price is, in basis points (negative = better); null when unknown.</summary>
    public decimal? SlippageBps { get; }

    /// <summary>True for Ok and Warn: the order may go out.</summary>
    public bool IsAccepted => this is not Rejected;

    /// <summary>Accepted: slippage below the warning threshold.</summary>
    public sealed record Ok : SlippageResult
    {
        /// <summary>Creates the verdict.</summary>
        public Ok(Price effectivePrice, decimal slippageBps)
            : base(effectivePrice, slippageBps)
        {
        }
    }

    /// <summary>Accepted: slippage at or above the warning threshold and at or below the maximum.</summary>
    public sealed record Warn : SlippageResult
    {
        /// <summary>Creates the verdict.</summary>
        public Warn(Price effectivePrice, decimal slippageBps)
            : base(effectivePrice, slippageBps)
        {
        }
    }

    /// <summary>Refused, with a stable reason and the numbers behind it.</summary>
    public sealed record Rejected : SlippageResult
    {
        /// <summary>Creates the verdict.</summary>
        public Rejected(SlippageRejectionReason reason, IReadOnlyDictionary<string, string> context, Price? effectivePrice, decimal? slippageBps)
            : base(effectivePrice, slippageBps)
        {
            Reason = reason;
            Context = context;
        }

        /// <summary>Why.</summary>
        public SlippageRejectionReason Reason { get; }

        /// <summary>The stable SCREAMING_SNAKE code of <see cref="Reason"/>, e.g. <c>SLIPPAGE_ABOVE_MAX</c>.</summary>
        public string Code => ReasonCodes.Of(Reason);

        /// <summary>The facts behind it: side, size, intended and effective price, bps, thresholds, visible size.</summary>
        public IReadOnlyDictionary<string, string> Context { get; }
    }
}
