namespace ActorExec.Actors.Persistence;

/// <summary>One event of one persistent actor, as written to and read from a journal.</summary>
/// <param name="PersistenceId">The actor's stable identity.</param>
/// <param name="SequenceNr">Its position in that actor's history, from 1, without reuse.</param>
/// <param name="Payload">The event.</param>
/// <param name="Timestamp">When it was persisted.</param>
/// <param name="Tags">Labels for queries across actors (e.g. <c>order</c>, <c>market:m-42</c>).</param>
public sealed record PersistentRepresentation(string PersistenceId, long SequenceNr, object Payload, DateTimeOffset Timestamp, IReadOnlyList<string> Tags);

/// <summary>Events of one actor that are written all or nothing (one <c>Persist</c> or <c>PersistAll</c> call).</summary>
public sealed record AtomicWrite
{
    /// <summary>Creates and validates a write.</summary>
    /// <exception cref="ArgumentException">No events, events of several actors, or sequence numbers that do not follow each other.</exception>
    public AtomicWrite(IReadOnlyList<PersistentRepresentation> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
            throw new ArgumentException("An atomic write needs at least one event", nameof(events));
        PersistenceId = events[0].PersistenceId;
        for (var i = 1; i < events.Count; i++)
        {
            if (events[i].PersistenceId != PersistenceId)
                throw new ArgumentException($"An atomic write mixes persistence ids '{PersistenceId}' and '{events[i].PersistenceId}'", nameof(events));
            if (events[i].SequenceNr != events[i - 1].SequenceNr + 1)
                throw new ArgumentException($"An atomic write of '{PersistenceId}' has sequence numbers {events[i - 1].SequenceNr} then {events[i].SequenceNr}", nameof(events));
        }
        Events = events;
    }

    /// <summary>Whose events these are.</summary>
    public string PersistenceId { get; }

    /// <summary>The events, in sequence order.</summary>
    public IReadOnlyList<PersistentRepresentation> Events { get; }

    /// <summary>The first sequence number written.</summary>
    public long LowestSequenceNr => Events[0].SequenceNr;

    /// <summary>The last sequence number written.</summary>
    public long HighestSequenceNr => Events[^1].SequenceNr;

    /// <summary>Checked by the journal in the write's transaction; null for none.</summary>
    public WriteFence? Fence { get; init; }

    /// <summary>Recorded by the journal in the write's transaction; null for none.</summary>
    public WriteReceipt? Receipt { get; init; }
}

/// <summary>What became of one <see cref="AtomicWrite"/>.</summary>
public abstract record WriteResult
{
    private WriteResult() { }

    /// <summary>Stored.</summary>
    public static WriteResult Success { get; } = new Stored();

    /// <summary>Stored durably.</summary>
    public sealed record Stored : WriteResult;

    /// <summary>Refused before storage (e.g. an event that cannot be serialized); nothing was written and the actor may go on.</summary>
    public sealed record Rejected(Exception Cause) : WriteResult;

    /// <summary>Storage failed or was refused (e.g. <see cref="ConcurrentWriterException"/>); the actor must stop.</summary>
    public sealed record Failed(Exception Cause) : WriteResult;
}

/// <summary>An event read back for a query, with its global position in the journal.</summary>
/// <param name="Ordering">The journal-wide, increasing position: use it as the offset to continue a query.</param>
/// <param name="PersistenceId">Whose event it is.</param>
/// <param name="SequenceNr">Its position in that actor's history.</param>
/// <param name="Event">The event.</param>
/// <param name="Timestamp">When it was persisted.</param>
/// <param name="Tags">Its tags.</param>
public sealed record EventEnvelope(long Ordering, string PersistenceId, long SequenceNr, object Event, DateTimeOffset Timestamp, IReadOnlyList<string> Tags);

/// <summary>
/// Where persistent actors store their events. Each <see cref="AtomicWrite"/> is stored all or
/// nothing, and the writes of one persistence id take effect in the order they were submitted.
/// </summary>
public interface IJournal
{
    /// <summary>Stores the writes; returns one result per write, in the same order.</summary>
    /// <remarks>Throws only if the journal itself is unusable; per-write problems are results.</remarks>
    Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default);

    /// <summary>The stored, not deleted events of an actor with <paramref name="fromSequenceNr"/> ≤ sequence ≤ <paramref name="toSequenceNr"/>, at most <paramref name="max"/>, in order.</summary>
    /// <exception cref="EventDeserializationException">An event cannot be read back (unknown manifest, bad payload): names the persistence id and sequence number.</exception>
    IAsyncEnumerable<PersistentRepresentation> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken = default);

    /// <summary>The highest sequence number ever written for the actor (deleted events included), or 0.</summary>
    Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the actor's events up to and including <paramref name="toSequenceNr"/>; the highest sequence number is kept.</summary>
    Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default);
}

/// <summary>Reads across actors: for read models, operators and the CLI.</summary>
public interface IJournalQueries
{
    /// <summary>Every persistence id with at least one event ever written.</summary>
    IAsyncEnumerable<string> AllPersistenceIdsAsync(CancellationToken cancellationToken = default);

    /// <summary>Events carrying <paramref name="tag"/> with an ordering above <paramref name="afterOrdering"/>, oldest first, at most <paramref name="max"/>.</summary>
    IAsyncEnumerable<EventEnvelope> EventsByTagAsync(string tag, long afterOrdering, long max, CancellationToken cancellationToken = default);

    /// <summary>The not deleted events of one actor in a sequence range, with their orderings.</summary>
    IAsyncEnumerable<EventEnvelope> EventsByPersistenceIdAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, CancellationToken cancellationToken = default);
}
