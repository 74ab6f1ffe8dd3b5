using System.Globalization;
using ActorExec.Actors.Persistence;

namespace ActorExec.Cluster.Fencing;

/// <summary>
/// "Node incarnation <paramref name="Incarnation"/> holds shard <paramref name="ShardId"/> at epoch
/// <paramref name="Epoch"/>": the fence on every journal write of the shard's entities. It breaks the
/// moment another acquisition bumps the epoch, so a zombie owner's next write is refused.
/// </summary>
public sealed record ShardFence(int ShardId, long Epoch, long Incarnation) : WriteFence
{
    /// <inheritdoc />
    public override string Describe()
        => string.Create(CultureInfo.InvariantCulture, $"the lease of shard {ShardId} at epoch {Epoch} held by incarnation {Incarnation}");
}
