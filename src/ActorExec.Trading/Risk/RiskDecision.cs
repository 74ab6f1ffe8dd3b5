namespace ActorExec.Trading.Risk;

/// <summary>The outcome of <see cref="RiskPolicy.Check"/>: a <see cref="RiskApproval"/> or a <see cref="RiskDenial"/>.</summary>
public abstract record RiskDecision
{
    private protected RiskDecision()
    {
    }

    /// <summary>True when some quantity (possibly capped) may be sent.</summary>
    public bool IsApproved => this is RiskApproval;
}

/// <summary>
/// The order may go out with <see cref="Quantity"/> contracts: the requested size, or less when a
/// limit capped it (then <see cref="CapReason"/> says which one and <see cref="Context"/> the numbers).
/// </summary>
/// <param name="Quantity">The contracts approved; never more than requested.</param>
/// <param name="Requested">The contracts asked for.</param>
/// <param name="CapReason">The limit that bound the size, or null when the full size was approved.</param>
/// <param name="Context">The facts behind the cap (limit, position, amounts); empty when not capped.</param>
public sealed record RiskApproval(Quantity Quantity, Quantity Requested, RiskReason? CapReason, IReadOnlyDictionary<string, string> Context) : RiskDecision
{
    /// <summary>True when the approved quantity is below the requested one.</summary>
    public bool IsCapped => CapReason is not null;

    /// <summary>The stable code of <see cref="CapReason"/>, e.g. <c>MAX_NOTIONAL_PER_ORDER</c>; null when not capped.</summary>
    public string? CapCode => CapReason is { } reason ? ReasonCodes.Of(reason) : null;
}
