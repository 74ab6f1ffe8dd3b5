namespace ActorExec.Trading.Risk;

/// <summary>
/// The order may not go out at any size: a stable reason plus key=value context, meant to be
/// published as an event and counted in <c>exec.risk_rejections</c>.
/// </summary>
/// <param name="Reason">Why.</param>
/// <param name="Context">The facts behind it: market, venue, side, requested size, the limit and the values that hit it.</param>
public sealed record RiskDenial(RiskReason Reason, IReadOnlyDictionary<string, string> Context) : RiskDecision
{
    /// <summary>The stable SCREAMING_SNAKE code of <see cref="Reason"/>, e.g. <c>DAILY_LOSS_LIMIT</c>.</summary>
    public string Code => ReasonCodes.Of(Reason);

    /// <inheritdoc />
    public override string ToString() => $"{Code} ({Context})";
}
