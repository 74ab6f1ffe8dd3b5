using ActorExec.Trading.Risk;

namespace ActorExec.Engine.Positions;

/// <summary>
/// The latest risk snapshot, published by the positions actor and read by market actors before every
/// execution without a message round trip. The snapshot is immutable; the reference is swapped whole.
/// </summary>
public sealed class RiskView
{
    private volatile RiskSnapshot _current = RiskSnapshot.Flat;

    /// <summary>The latest snapshot.</summary>
    public RiskSnapshot Current => _current;

    internal void Publish(RiskSnapshot snapshot) => _current = snapshot ?? throw new ArgumentNullException(nameof(snapshot));
}
