namespace ActorExec.Cluster.Membership;

/// <summary>
/// One life of a node process: the node id it was configured with and the incarnation number the
/// database gave it when it joined (globally increasing; a restart gets a new one).
/// </summary>
/// <param name="NodeId">The configured node id, stable across restarts.</param>
/// <param name="Incarnation">Unique to this life of the node; owns shards and is fenced by it.</param>
public sealed record MemberIncarnation(string NodeId, long Incarnation)
{
    /// <summary>Orders by node id (ordinal), then incarnation: the tie-break of every deterministic choice.</summary>
    public static readonly IComparer<MemberIncarnation> Order = Comparer<MemberIncarnation>.Create(static (a, b) =>
    {
        var byNode = string.CompareOrdinal(a.NodeId, b.NodeId);
        return byNode != 0 ? byNode : a.Incarnation.CompareTo(b.Incarnation);
    });

    /// <inheritdoc />
    public override string ToString() => $"{NodeId}#{Incarnation}";
}
