namespace ActorExec.Actors.Persistence;

/// <summary>
/// A condition the journal checks in the same transaction as a write, for instance "this node still
/// holds shard 17 at epoch 4". A write whose fence no longer holds stores nothing and fails with
/// <see cref="FencedWriteException"/>, so an owner that lost its entities (paused, partitioned) cannot
/// write after another took them over. Set with <see cref="Props.WithWriteFence"/>; descendants inherit it.
/// </summary>
public abstract record WriteFence
{
    /// <summary>Says what the fence guards, for errors and logs (e.g. <c>shard 17 at epoch 4</c>).</summary>
    public abstract string Describe();
}
