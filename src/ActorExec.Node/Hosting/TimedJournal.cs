using System.Diagnostics;
using System.Diagnostics.Metrics;
using ActorExec.Actors.Persistence;

namespace ActorExec.Node.Hosting;

/// <summary>The journal, with each write's latency (submit to commit) recorded as <c>journal.write_latency_ms</c>.</summary>
internal sealed class TimedJournal(IJournal inner, Histogram<double> latency) : IJournal
{
    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var results = await inner.WriteAsync(writes, cancellationToken).ConfigureAwait(false);
        latency.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return results;
    }

    public IAsyncEnumerable<PersistentRepresentation> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken = default)
        => inner.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, max, cancellationToken);

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default)
        => inner.ReadHighestSequenceNrAsync(persistenceId, cancellationToken);

    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
        => inner.DeleteMessagesToAsync(persistenceId, toSequenceNr, cancellationToken);
}
