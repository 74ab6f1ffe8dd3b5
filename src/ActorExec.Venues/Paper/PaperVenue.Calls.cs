using ActorExec.Venues.Paper.Internal;

namespace ActorExec.Venues.Paper;

/// <summary>The path of every call: latency, fault decisions, processing under the lock, lost acknowledgements.</summary>
public sealed partial class PaperVenue
{
    /// <summary>
    /// Runs <paramref name="work"/> as a venue call. Zero latency and no timeout: synchronous, no
    /// allocation beyond the result. Otherwise the call is processed when the latency has passed on
    /// the venue's clock, and a timed-out answer is released when its delay has passed.
    /// </summary>
    private ValueTask<VenueResult<T>> Call<TArg, T>(CallKind kind, TArg arg, Func<PaperExchange, TArg, DateTimeOffset, VenueResult<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var latency = NextLatency();
        if (latency > TimeSpan.Zero)
            return DelayedCall<T>.After(_time, latency, () => Process(kind, arg, work), cancellationToken);
        var (result, delay) = Process(kind, arg, work);
        return delay > TimeSpan.Zero ? DelayedCall<T>.Answer(_time, result, delay, cancellationToken) : new ValueTask<VenueResult<T>>(result);
    }

    /// <summary>Fault decisions, then the work, under the venue's lock at the clock's current time.</summary>
    private (VenueResult<T> Result, TimeSpan Delay) Process<TArg, T>(CallKind kind, TArg arg, Func<PaperExchange, TArg, DateTimeOffset, VenueResult<T>> work)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            Count(kind);
            if (Faults.BeforeProcessing(kind, now, out var faultDelay) is { } fault)
                return (VenueResult<T>.Failure(fault), faultDelay);
            var result = work(_exchange, arg, now);
            if (kind == CallKind.Place && Faults.LosesAck(out var lostDelay))
                return (new VenueTimeout("paper: the acknowledgement was lost (the request was processed)", lostDelay), lostDelay);
            return (result, TimeSpan.Zero);
        }
    }

    private void Count(CallKind kind)
    {
        switch (kind)
        {
            case CallKind.Place:
                Records.CountPlace();
                break;
            case CallKind.Cancel:
                Records.CountCancel();
                break;
            case CallKind.Modify:
                Records.CountModify();
                break;
            case CallKind.Query:
                Records.CountQuery();
                break;
        }
    }

    private TimeSpan NextLatency()
    {
        if (_latency.Jitter == TimeSpan.Zero)
            return _latency.Base;
        lock (_gate)
            return _latency.Base + TimeSpan.FromTicks((long)(_latencyRandom.NextDouble() * _latency.Jitter.Ticks));
    }
}
