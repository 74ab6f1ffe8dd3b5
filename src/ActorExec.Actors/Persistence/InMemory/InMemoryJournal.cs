using System.Runtime.CompilerServices;
using ActorExec.Actors.Persistence.Serialization;

namespace ActorExec.Actors.Persistence.InMemory;

/// <summary>
/// A journal in process memory, for tests and benchmarks. Events are serialized like the SQL
/// journals do, so unknown manifests and unserializable events fail the same way; nothing survives
/// the process.
/// </summary>
public sealed class InMemoryJournal(IEventSerializer serializer) : IJournal, IJournalQueries
{
    private readonly object _gate = new();
    private readonly Dictionary<string, SortedList<long, Row>> _byActor = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _highest = new(StringComparer.Ordinal);
    private readonly List<Row> _all = [];

    /// <summary>Checks fenced writes: null when the fence holds, else why not. Without one, fenced writes fail.</summary>
    public Func<WriteFence, string?>? FenceCheck { get; init; }

    /// <summary>Receipts stored with writes, in order (the in-memory stand-in for an inbox cursor table).</summary>
    public IReadOnlyList<WriteReceipt> Receipts
    {
        get
        {
            lock (_gate)
                return [.. _receipts];
        }
    }

    private readonly List<WriteReceipt> _receipts = [];

    private sealed record Row(long Ordering, string PersistenceId, long SequenceNr, SerializedEvent Event, DateTimeOffset Timestamp, string[] Tags)
    {
        public bool Deleted { get; set; }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var results = new WriteResult[writes.Count];
        for (var i = 0; i < writes.Count; i++)
            results[i] = Write(writes[i]);
        return Task.FromResult<IReadOnlyList<WriteResult>>(results);
    }

    private WriteResult Write(AtomicWrite write)
    {
        SerializedEvent[] serialized;
        try
        {
            serialized = [.. write.Events.Select(e => serializer.Serialize(e.Payload))];
            foreach (var e in write.Events)
                JournalTags.Join(e);
        }
        catch (Exception e) when (e is EventSerializationException or ArgumentException)
        {
            return new WriteResult.Rejected(e);
        }

        if (write.Fence is { } fence)
        {
            if (FenceCheck is null)
                return new WriteResult.Failed(new InvalidOperationException($"write of '{write.PersistenceId}' is fenced by {fence.Describe()} but this in-memory journal has no FenceCheck"));
            if (FenceCheck(fence) is { } reason)
                return new WriteResult.Failed(new FencedWriteException(write.PersistenceId, write.LowestSequenceNr, fence, reason));
        }

        lock (_gate)
        {
            if (!_byActor.TryGetValue(write.PersistenceId, out var rows))
                _byActor[write.PersistenceId] = rows = [];
            foreach (var e in write.Events)
            {
                // Deleted rows stay (flagged), so a reused sequence number collides as in the SQL journals.
                if (rows.ContainsKey(e.SequenceNr))
                    return new WriteResult.Failed(new ConcurrentWriterException(write.PersistenceId, e.SequenceNr));
            }
            for (var i = 0; i < write.Events.Count; i++)
            {
                var e = write.Events[i];
                var row = new Row(_all.Count + 1, e.PersistenceId, e.SequenceNr, serialized[i], e.Timestamp, [.. e.Tags]);
                rows.Add(e.SequenceNr, row);
                _all.Add(row);
            }
            _highest[write.PersistenceId] = Math.Max(_highest.GetValueOrDefault(write.PersistenceId), write.HighestSequenceNr);
            if (write.Receipt is { } receipt)
                _receipts.Add(receipt);
        }
        return WriteResult.Success;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PersistentRepresentation> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var envelope in EventsByPersistenceIdAsync(persistenceId, fromSequenceNr, toSequenceNr, cancellationToken).Take(max < int.MaxValue ? (int)Math.Max(0, max) : int.MaxValue).ConfigureAwait(false))
            yield return new PersistentRepresentation(envelope.PersistenceId, envelope.SequenceNr, envelope.Event, envelope.Timestamp, envelope.Tags);
    }

    /// <inheritdoc />
    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(_highest.GetValueOrDefault(persistenceId));
    }

    /// <inheritdoc />
    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_byActor.TryGetValue(persistenceId, out var rows))
            {
                foreach (var row in rows.Values.TakeWhile(r => r.SequenceNr <= toSequenceNr))
                    row.Deleted = true;
            }
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<string> AllPersistenceIdsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return _highest.Keys.Order(StringComparer.Ordinal).ToList().ToAsyncEnumerable();
    }

    /// <inheritdoc />
    public IAsyncEnumerable<EventEnvelope> EventsByTagAsync(string tag, long afterOrdering, long max, CancellationToken cancellationToken = default)
    {
        List<Row> rows;
        lock (_gate)
            rows = [.. _all.Skip((int)Math.Clamp(afterOrdering, 0, int.MaxValue)).Where(r => !r.Deleted && r.Tags.Contains(tag)).Take((int)Math.Clamp(max, 0, int.MaxValue))];
        return rows.Select(Envelope).ToAsyncEnumerable();
    }

    /// <inheritdoc />
    public IAsyncEnumerable<EventEnvelope> EventsByPersistenceIdAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        List<Row> rows;
        lock (_gate)
        {
            rows = _byActor.TryGetValue(persistenceId, out var all)
                ? [.. all.Values.Where(r => !r.Deleted && r.SequenceNr >= fromSequenceNr && r.SequenceNr <= toSequenceNr)]
                : [];
        }
        return rows.Select(Envelope).ToAsyncEnumerable();
    }

    private EventEnvelope Envelope(Row row)
    {
        object payload;
        try
        {
            payload = serializer.Deserialize(row.Event.Manifest, row.Event.Payload);
        }
        catch (Exception e)
        {
            throw new EventDeserializationException(row.PersistenceId, row.SequenceNr, row.Event.Manifest, e.Message, e);
        }
        return new EventEnvelope(row.Ordering, row.PersistenceId, row.SequenceNr, payload, row.Timestamp, row.Tags);
    }
}
