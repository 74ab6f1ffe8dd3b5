using ActorExec.Engine.Positions;

namespace ActorExec.Engine;

/// <summary>
/// Where the engine's markets live. <see cref="SingleNode"/>: one region on this node, journaled as
/// <c>market-region</c>. In a cluster, <see cref="Region"/> creates the cluster's region (at
/// <c>/user/markets</c>) from the <see cref="MarketShards"/> it is given, and each node keeps its positions
/// read model's snapshots under its own <see cref="PositionsPersistenceId"/>.
/// </summary>
/// <param name="Region">Creates the region; null for the single-node region.</param>
/// <param name="PositionsPersistenceId">The persistence id of this node's positions read model (its snapshots).</param>
public sealed record EngineHosting(MarketRegionFactory? Region, string PositionsPersistenceId)
{
    /// <summary>Everything on this node.</summary>
    public static EngineHosting SingleNode { get; } = new(null, PositionsActor.PositionsPersistenceId);
}
