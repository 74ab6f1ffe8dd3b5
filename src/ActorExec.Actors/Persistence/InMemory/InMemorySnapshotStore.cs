using ActorExec.Actors.Persistence.Serialization;

namespace ActorExec.Actors.Persistence.InMemory;

/// <summary>A snapshot store in process memory, serializing like the SQL store; for tests and benchmarks.</summary>
public sealed class InMemorySnapshotStore(IEventSerializer serializer) : ISnapshotStore
{
    private readonly object _gate = new();
    private readonly Dictionary<(string PersistenceId, long SequenceNr), (SnapshotMetadata Metadata, SerializedEvent Stored)> _snapshots = [];

    /// <inheritdoc />
    public Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        (SnapshotMetadata Metadata, SerializedEvent Stored)? best;
        lock (_gate)
        {
            best = _snapshots.Values
                .Where(s => s.Metadata.PersistenceId == persistenceId && criteria.Matches(s.Metadata))
                .OrderByDescending(s => s.Metadata.SequenceNr)
                .Select(s => ((SnapshotMetadata, SerializedEvent)?)s)
                .FirstOrDefault();
        }
        if (best is not { } found)
            return Task.FromResult<SelectedSnapshot?>(null);
        try
        {
            return Task.FromResult<SelectedSnapshot?>(new SelectedSnapshot(found.Metadata, serializer.Deserialize(found.Stored.Manifest, found.Stored.Payload)));
        }
        catch (Exception e)
        {
            return Task.FromException<SelectedSnapshot?>(new EventDeserializationException(persistenceId, found.Metadata.SequenceNr, found.Stored.Manifest, e.Message, e));
        }
    }

    /// <inheritdoc />
    public Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken = default)
    {
        SerializedEvent stored;
        try
        {
            stored = serializer.Serialize(snapshot);
        }
        catch (EventSerializationException e)
        {
            return Task.FromException(e);
        }
        lock (_gate)
            _snapshots[(metadata.PersistenceId, metadata.SequenceNr)] = (metadata, stored);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            _snapshots.Remove((metadata.PersistenceId, metadata.SequenceNr));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            foreach (var key in _snapshots.Where(s => s.Key.PersistenceId == persistenceId && criteria.Matches(s.Value.Metadata)).Select(s => s.Key).ToList())
                _snapshots.Remove(key);
        }
        return Task.CompletedTask;
    }
}
