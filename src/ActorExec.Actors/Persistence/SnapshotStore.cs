namespace ActorExec.Actors.Persistence;

/// <summary>Identifies a snapshot: whose state, after which event, taken when.</summary>
public sealed record SnapshotMetadata(string PersistenceId, long SequenceNr, DateTimeOffset Timestamp);

/// <summary>A snapshot loaded from the store.</summary>
public sealed record SelectedSnapshot(SnapshotMetadata Metadata, object Snapshot);

/// <summary>Which snapshots qualify: sequence number and timestamp bounds, all inclusive.</summary>
public sealed record SnapshotSelectionCriteria(
    long MaxSequenceNr = long.MaxValue,
    DateTimeOffset? MaxTimestamp = null,
    long MinSequenceNr = 0,
    DateTimeOffset? MinTimestamp = null)
{
    /// <summary>The newest snapshot there is.</summary>
    public static SnapshotSelectionCriteria Latest { get; } = new();

    /// <summary>No snapshot at all (recovery replays every event).</summary>
    public static SnapshotSelectionCriteria None { get; } = new(MaxSequenceNr: 0, MinSequenceNr: 1);

    /// <summary>True when no snapshot can match (e.g. <see cref="None"/>): recovery does not even ask the store.</summary>
    public bool ExcludesAll => MaxSequenceNr < MinSequenceNr || MaxTimestamp < MinTimestamp;

    /// <summary>True when <paramref name="metadata"/> falls within the bounds.</summary>
    public bool Matches(SnapshotMetadata metadata)
        => metadata.SequenceNr <= MaxSequenceNr && metadata.SequenceNr >= MinSequenceNr
           && (MaxTimestamp is null || metadata.Timestamp <= MaxTimestamp)
           && (MinTimestamp is null || metadata.Timestamp >= MinTimestamp);
}

/// <summary>Where persistent actors keep snapshots of their state, to bound recovery.</summary>
public interface ISnapshotStore
{
    /// <summary>The snapshot with the highest sequence number that matches, or null.</summary>
    /// <exception cref="EventDeserializationException">The snapshot cannot be read back.</exception>
    Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default);

    /// <summary>Stores a snapshot; one at the same persistence id and sequence number is replaced.</summary>
    Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken = default);

    /// <summary>Deletes the snapshot at the metadata's persistence id and sequence number.</summary>
    Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken = default);

    /// <summary>Deletes every snapshot of the actor that matches.</summary>
    Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default);
}
