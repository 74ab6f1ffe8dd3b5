using System.Globalization;
using ActorExec.Venues.Paper.Internal;

namespace ActorExec.Venues.Paper;

/// <summary>
/// Faults injected into a paper venue at run time, next to the random rates of
/// <see cref="PaperFaultOptions"/>. Thread-safe (shares the venue's lock). Per call the venue decides,
/// in order: outage → <see cref="FailNext"/> queue → server-error rate → timeout rate → (placements)
/// <see cref="RejectNextPlacements"/> then reject rate → process → (placements)
/// <see cref="LoseNextAcks"/> then lost-ack rate.
/// </summary>
public sealed class PaperFaultController
{
    private static readonly int[] ServerErrorStatuses = [500, 502, 503];

    private readonly Lock _gate;
    private readonly TimeProvider _time;
    private readonly PaperFaultOptions _options;
    private readonly Random _random;
    private readonly List<(DateTimeOffset From, DateTimeOffset Until)> _outages = [];
    private readonly List<(VenueError Error, int Count)> _failNext = [];
    private readonly List<(string Reason, int Count)> _rejectNext = [];
    private int _lostAcks;

    internal PaperFaultController(Lock gate, TimeProvider time, PaperFaultOptions options, int seed)
    {
        _gate = gate;
        _time = time;
        _options = options;
        _random = new Random(Seeds.Derive(seed, Seeds.Faults));
    }

    /// <summary>True while an outage window covers the venue's current time.</summary>
    public bool IsInOutage
    {
        get
        {
            lock (_gate)
                return OutageUntil(_time.GetUtcNow()) is not null;
        }
    }

    /// <summary>Takes the venue down from now for <paramref name="duration"/>: every call answers <see cref="VenueUnavailable"/> (503) and health reports Down.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is not positive.</exception>
    public void StartOutage(TimeSpan duration) => StartOutage(_time.GetUtcNow(), duration);

    /// <summary>Schedules an outage from <paramref name="from"/> (past, present or future) for <paramref name="duration"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is not positive.</exception>
    public void StartOutage(DateTimeOffset from, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        lock (_gate)
            _outages.Add((from, from + duration));
    }

    /// <summary>Ends the current outage and cancels any scheduled one.</summary>
    public void EndOutage()
    {
        lock (_gate)
            _outages.Clear();
    }

    /// <summary>
    /// The next <paramref name="count"/> placements that reach processing are processed (a valid order is
    /// placed and may fill; an invalid one is refused) but answered with <see cref="VenueTimeout"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative.</exception>
    public void LoseNextAcks(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
            _lostAcks += count;
    }

    /// <summary>The next <paramref name="count"/> calls of any kind answer <paramref name="error"/> at once, without being processed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative.</exception>
    /// <exception cref="ArgumentNullException">The error is null.</exception>
    public void FailNext(int count, VenueError error)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(error);
        if (count == 0)
            return;
        lock (_gate)
            _failNext.Add((error, count));
    }

    /// <summary>The next <paramref name="count"/> placements are refused with <paramref name="reason"/> (code <see cref="PaperRejectCodes.InjectedRejection"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative.</exception>
    /// <exception cref="ArgumentException">The reason is empty.</exception>
    public void RejectNextPlacements(int count, string reason)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (count == 0)
            return;
        lock (_gate)
            _rejectNext.Add((reason, count));
    }

    /// <summary>Forgets every scripted fault (outages, queued failures, rejections, lost acknowledgements); the random rates stay.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _outages.Clear();
            _failNext.Clear();
            _rejectNext.Clear();
            _lostAcks = 0;
        }
    }

    // The members below are called by the venue with its lock held.

    /// <summary>The end of the outage covering <paramref name="now"/>, if any.</summary>
    internal DateTimeOffset? OutageUntil(DateTimeOffset now)
    {
        DateTimeOffset? until = null;
        foreach (var (from, end) in _outages)
        {
            if (from <= now && now < end && (until is null || end > until))
                until = end;
        }
        return until;
    }

    /// <summary>The fault that stops this call before processing, or null; <paramref name="delay"/> is how long the caller waits for it.</summary>
    internal VenueError? BeforeProcessing(CallKind kind, DateTimeOffset now, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        // Health reports an outage as a Down status rather than failing.
        if (kind != CallKind.Health && _outages.Count > 0 && OutageUntil(now) is { } until)
            return new VenueUnavailable($"paper: venue is down (outage until {until.ToString("O", CultureInfo.InvariantCulture)})", 503);
        if (_failNext.Count > 0)
            return TakeFirst(_failNext);
        if (_options.ServerErrorRate > 0 && _random.NextDouble() < _options.ServerErrorRate)
        {
            var status = ServerErrorStatuses[_random.Next(ServerErrorStatuses.Length)];
            return new VenueUnavailable($"paper: server error {status}", status);
        }
        if (_options.TimeoutRate > 0 && _random.NextDouble() < _options.TimeoutRate)
        {
            delay = _options.TimeoutAfter;
            return new VenueTimeout($"paper: no answer within {_options.TimeoutAfter}", _options.TimeoutAfter);
        }
        if (kind != CallKind.Place)
            return null;
        if (_rejectNext.Count > 0)
            return new VenueRejected(TakeFirst(_rejectNext), PaperRejectCodes.InjectedRejection);
        if (_options.RejectRate > 0 && _random.NextDouble() < _options.RejectRate)
            return new VenueRejected("paper: random rejection", PaperRejectCodes.RandomRejection);
        return null;
    }

    /// <summary>True when the answer to a processed placement is lost (it then times out after <paramref name="delay"/>).</summary>
    internal bool LosesAck(out TimeSpan delay)
    {
        delay = _options.TimeoutAfter;
        if (_lostAcks > 0)
        {
            _lostAcks--;
            return true;
        }
        return _options.LostAckRate > 0 && _random.NextDouble() < _options.LostAckRate;
    }

    /// <summary>Uses one of the counted entries at the head of <paramref name="queue"/>, dropping it when spent.</summary>
    private static T TakeFirst<T>(List<(T Value, int Count)> queue)
    {
        var (value, count) = queue[0];
        if (count == 1)
            queue.RemoveAt(0);
        else
            queue[0] = (value, count - 1);
        return value;
    }
}
