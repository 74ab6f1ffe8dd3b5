namespace ActorExec.Actors.Persistence;

/// <summary>Delivered to the recovery handlers once every event has been replayed; commands flow after it.</summary>
public sealed class RecoveryCompleted
{
    /// <summary>The single instance.</summary>
    public static readonly RecoveryCompleted Instance = new();
    private RecoveryCompleted() { }
}

/// <summary>Delivered to the recovery handlers first when a snapshot was found; the events after it follow.</summary>
public sealed record SnapshotOffer(SnapshotMetadata Metadata, object Snapshot);

/// <summary>Reply to <c>SaveSnapshot</c>: stored.</summary>
public sealed record SaveSnapshotSuccess(SnapshotMetadata Metadata);

/// <summary>Reply to <c>SaveSnapshot</c>: not stored.</summary>
public sealed record SaveSnapshotFailure(SnapshotMetadata Metadata, Exception Cause);

/// <summary>Reply to <c>DeleteSnapshot</c>: deleted.</summary>
public sealed record DeleteSnapshotSuccess(SnapshotMetadata Metadata);

/// <summary>Reply to <c>DeleteSnapshot</c>: not deleted.</summary>
public sealed record DeleteSnapshotFailure(SnapshotMetadata Metadata, Exception Cause);

/// <summary>Reply to <c>DeleteSnapshots</c>: deleted.</summary>
public sealed record DeleteSnapshotsSuccess(SnapshotSelectionCriteria Criteria);

/// <summary>Reply to <c>DeleteSnapshots</c>: not deleted.</summary>
public sealed record DeleteSnapshotsFailure(SnapshotSelectionCriteria Criteria, Exception Cause);

/// <summary>Reply to <c>DeleteMessages</c>: events up to the sequence number deleted.</summary>
public sealed record DeleteMessagesSuccess(long ToSequenceNr);

/// <summary>Reply to <c>DeleteMessages</c>: not deleted.</summary>
public sealed record DeleteMessagesFailure(long ToSequenceNr, Exception Cause);

/// <summary>The stores a system's persistent actors use.</summary>
/// <param name="Journal">Where events go.</param>
/// <param name="SnapshotStore">Where snapshots go; null when snapshots are not used.</param>
public sealed record PersistenceOptions(IJournal Journal, ISnapshotStore? SnapshotStore = null);
