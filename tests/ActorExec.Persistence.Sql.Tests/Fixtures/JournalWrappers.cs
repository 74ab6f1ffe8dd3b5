namespace ActorExec.Persistence.Sql.Tests.Fixtures;

/// <summary>Passes everything through, but holds writes while closed: a write stays "in flight" as long as a test needs. Counts reads.</summary>
public sealed class GatedJournal(IJournal inner) : IJournal
{
    private TaskCompletionSource _open = OpenGate();
    private int _reads;

    /// <summary>Replays and highest-sequence-number reads so far.</summary>
    public int Reads => Volatile.Read(ref _reads);

    public void Close() => _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _open.TrySetResult();

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default)
    {
        await _open.Task.ConfigureAwait(false);
        return await inner.WriteAsync(writes, cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<PersistentRepresentation> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        return inner.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, max, cancellationToken);
    }

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        return inner.ReadHighestSequenceNrAsync(persistenceId, cancellationToken);
    }

    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
        => inner.DeleteMessagesToAsync(persistenceId, toSequenceNr, cancellationToken);

    private static TaskCompletionSource OpenGate()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}

/// <summary>Passes everything through, but fails the next writes when told to (as a dropped connection would).</summary>
public sealed class FlakyJournal(IJournal inner) : IJournal
{
    private int _failures;

    public void FailNextWrites(int count) => Interlocked.Exchange(ref _failures, count);

    public Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Decrement(ref _failures) >= 0)
            return Task.FromException<IReadOnlyList<WriteResult>>(new IOException("connection reset by the test"));
        return inner.WriteAsync(writes, cancellationToken);
    }

    public IAsyncEnumerable<PersistentRepresentation> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken = default)
        => inner.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, max, cancellationToken);

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default)
        => inner.ReadHighestSequenceNrAsync(persistenceId, cancellationToken);

    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
        => inner.DeleteMessagesToAsync(persistenceId, toSequenceNr, cancellationToken);
}
