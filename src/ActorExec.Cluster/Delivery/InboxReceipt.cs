using System.Globalization;
using ActorExec.Actors.Persistence;

namespace ActorExec.Cluster.Delivery;

/// <summary>"The inbox of <paramref name="Target"/> is consumed up to <paramref name="Position"/>": stored with the journal write the message at that position caused.</summary>
public sealed record InboxReceipt(InboxTarget Target, long Position) : WriteReceipt
{
    /// <inheritdoc />
    public override string Describe() => $"inbox {Target} consumed to {Position.ToString(CultureInfo.InvariantCulture)}";
}
