namespace ActorExec.Actors.Persistence;

/// <summary>
/// Another writer already stored an event at this persistence id and sequence number. Two live
/// instances of the same entity is a bug or a split brain; the unique constraint stops the second.
/// </summary>
public sealed class ConcurrentWriterException(string persistenceId, long sequenceNr, Exception? inner = null)
    : Exception($"Another writer already stored event {sequenceNr} of '{persistenceId}'; this writer must stop", inner)
{
    /// <summary>The entity written concurrently.</summary>
    public string PersistenceId { get; } = persistenceId;

    /// <summary>The sequence number both writers claimed.</summary>
    public long SequenceNr { get; } = sequenceNr;
}

/// <summary>An event or snapshot could not be turned into or out of its stored form.</summary>
public sealed class EventDeserializationException(string persistenceId, long sequenceNr, string manifest, string reason, Exception? inner = null)
    : Exception($"Cannot read event {sequenceNr} of '{persistenceId}' (manifest '{manifest}'): {reason}", inner)
{
    /// <summary>Whose event it is.</summary>
    public string PersistenceId { get; } = persistenceId;

    /// <summary>Which event.</summary>
    public long SequenceNr { get; } = sequenceNr;

    /// <summary>Its manifest.</summary>
    public string Manifest { get; } = manifest;
}

/// <summary>An event cannot be stored because the serializer does not know or cannot write it.</summary>
public sealed class EventSerializationException(Type eventType, string reason, Exception? inner = null)
    : Exception($"Cannot serialize {eventType.FullName}: {reason}", inner)
{
    /// <summary>The event's type.</summary>
    public Type EventType { get; } = eventType;
}

/// <summary>Recovery of a persistent actor failed; the actor stops.</summary>
public sealed class RecoveryFailedException(string persistenceId, long sequenceNr, Exception inner)
    : Exception($"Recovery of '{persistenceId}' failed at sequence number {sequenceNr}: {inner.Message}", inner)
{
    /// <summary>The actor that could not recover.</summary>
    public string PersistenceId { get; } = persistenceId;

    /// <summary>The sequence number being recovered when it failed (0 while loading the snapshot).</summary>
    public long SequenceNr { get; } = sequenceNr;
}

/// <summary>
/// A persistent actor started as presumed new (no journal reads), but its first write found history
/// already stored under its persistence id: the instance is replaced by one that recovers in full and
/// handles the command again. A restart cause, not an error.
/// </summary>
public sealed class PresumedNewRefutedException(string persistenceId, Exception? inner = null)
    : Exception($"'{persistenceId}' was presumed new but the journal already holds its history; it recovers and handles the command again", inner)
{
    /// <summary>The actor whose history was found.</summary>
    public string PersistenceId { get; } = persistenceId;
}

/// <summary>The journal refused a write because its fence no longer holds (e.g. the shard's lease moved on); nothing was stored.</summary>
public sealed class FencedWriteException(string persistenceId, long sequenceNr, WriteFence fence, string reason)
    : Exception($"Write of event {sequenceNr} of '{persistenceId}' refused: {fence.Describe()} no longer holds ({reason}); this writer must stop")
{
    /// <summary>The entity whose write was refused.</summary>
    public string PersistenceId { get; } = persistenceId;

    /// <summary>The first sequence number of the refused write.</summary>
    public long SequenceNr { get; } = sequenceNr;

    /// <summary>The fence that failed.</summary>
    public WriteFence Fence { get; } = fence;
}
