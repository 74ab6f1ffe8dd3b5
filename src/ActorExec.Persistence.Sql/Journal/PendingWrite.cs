using ActorExec.Actors.Persistence;
using ActorExec.Actors.Persistence.Serialization;

namespace ActorExec.Persistence.Sql.Journal;

/// <summary>An atomic write waiting in the group-commit queue, already serialized.</summary>
internal sealed class PendingWrite(AtomicWrite write, SerializedEvent[] events, string[] tags)
{
    private readonly TaskCompletionSource<WriteResult> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AtomicWrite Write { get; } = write;

    /// <summary>The stored form of each event, in sequence order.</summary>
    public SerializedEvent[] Events { get; } = events;

    /// <summary>Each event's tags joined with ',' (empty for none).</summary>
    public string[] Tags { get; } = tags;

    public Task<WriteResult> Result => _done.Task;

    public void Complete(WriteResult result) => _done.TrySetResult(result);
}
