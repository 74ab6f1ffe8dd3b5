using System.Threading.RateLimiting;

namespace ActorExec.Engine.Venues;

/// <summary>
/// The one gate to a venue. Every call is rate-limited by token buckets (writes and reads apart, queued
/// in arrival order, never dropped), passes the venue's circuit breaker, is retried with exponential
/// backoff and jitter when that is safe, and is answered exactly once with a <see cref="VenueReply"/>.
/// The adapter runs in a child actor restarted with backoff when it crashes.
/// </summary>
internal sealed partial class VenueSupervisor : ReceiveActor, IWithTimers
{
    private readonly VenueEntry _venue;
    private readonly VenueSupervisorOptions _options;
    private readonly CircuitBreaker _breaker;
    private readonly TokenBucketRateLimiter _writes;
    private readonly TokenBucketRateLimiter _reads;
    private readonly Queue<PendingCall> _writeQueue = new();
    private readonly Queue<PendingCall> _readQueue = new();
    private readonly Dictionary<long, PendingCall> _outstanding = [];
    private readonly HashSet<long> _throttled = [];
    private readonly Random _jitter;
    private IActorRef? _adapter;
    private IActorRef _adapterHost = null!;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private long _nextId;

    public VenueSupervisor(VenueEntry venue)
    {
        _venue = venue;
        _options = venue.Options;
        _breaker = new CircuitBreaker(venue.Venue.Value, _options.BreakerFailureThreshold, _options.BreakerOpenDuration);
        _writes = Bucket(_options.WritesPerSecond, _options.WriteBurst);
        _reads = Bucket(_options.ReadsPerSecond, _options.ReadBurst);
        _jitter = new Random(_options.Seed);

        Receive<VenueRequest>(OnRequest);
        Receive<AdapterOutcome>(OnOutcome);
        Receive<AdapterStarted>(started =>
        {
            _adapter = started.Adapter;
            Pump();
        });
        Receive<AdapterStopped>(OnAdapterStopped);
        Receive<Replenish>(_ => OnReplenish());
        Receive<RetryDue>(retry =>
        {
            Enqueue(retry.Call);
            Pump();
        });
        Receive<Sweep>(_ => SweepTimedOut());
        Receive<ResumeAfterPause>(_ => Pump());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private DateTimeOffset Now => Context.System.TimeProvider.GetUtcNow();

    protected override void PreStart()
    {
        var child = Props.Create(() => new VenueAdapterActor(_venue.Adapter, _venue.MarketData, Self));
        _adapterHost = Context.ActorOf(
            BackoffSupervisor.Props(new BackoffOptions(child, "adapter", _options.AdapterRestartMinBackoff, _options.AdapterRestartMaxBackoff, 0.2)
            {
                Random = new Random(_options.Seed),
                ResetBackoffAfter = _options.AdapterRestartMaxBackoff * 3,
            }),
            "adapter-supervisor");
        Timers.StartPeriodicTimer(Replenish.Instance, Replenish.Instance, _options.ReplenishmentPeriod);
        Timers.StartPeriodicTimer(Sweep.Instance, Sweep.Instance, TimeSpan.FromTicks(Math.Max(_options.CallTimeout.Ticks / 4, TimeSpan.TicksPerMillisecond)));
    }

    protected override void PostStop()
    {
        _writes.Dispose();
        _reads.Dispose();
    }

    private void OnRequest(VenueRequest request)
    {
        var call = new PendingCall(++_nextId, Sender, request, Attempt: 1, Now);
        if (!_breaker.WouldPass(Now))
        {
            Answer(call, null, new BreakerOpenError(_venue.Venue, _breaker.OpenUntil));
            return;
        }
        Enqueue(call);
        Pump();
    }

    private void Enqueue(PendingCall call) => (call.Request.Call.IsWrite ? _writeQueue : _readQueue).Enqueue(call);

    private void Pump()
    {
        if (_adapter is null)
            return;
        var now = Now;
        if (now < _pausedUntil)
        {
            Timers.StartSingleTimer(ResumeAfterPause.Instance, ResumeAfterPause.Instance, _pausedUntil - now);
            return;
        }
        Drain(_writeQueue, _writes, now);
        Drain(_readQueue, _reads, now);
    }

    private void Drain(Queue<PendingCall> queue, TokenBucketRateLimiter bucket, DateTimeOffset now)
    {
        while (queue.TryPeek(out var call))
        {
            if (!_breaker.WouldPass(now))
            {
                queue.Dequeue();
                Answer(call, null, new BreakerOpenError(_venue.Venue, _breaker.OpenUntil));
                continue;
            }
            using var lease = bucket.AttemptAcquire(1);
            if (!lease.IsAcquired)
            {
                if (_throttled.Add(call.Id))
                    EngineMetrics.RateLimitHits.Add(1, new KeyValuePair<string, object?>("venue", _venue.Venue.Value));
                return; // the call keeps its place at the head; the next refill sends it
            }
            _throttled.Remove(call.Id);
            queue.Dequeue();
            if (!_breaker.TryPass(now, out var change))
            {
                Answer(call, null, new BreakerOpenError(_venue.Venue, _breaker.OpenUntil));
                continue;
            }
            Publish(change);
            _outstanding[call.Id] = call with { SentAt = now };
            _adapter!.Tell(new AdapterCall(call.Id, call.Request.Call, Self), Self);
        }
    }

    private void OnOutcome(AdapterOutcome outcome)
    {
        if (!_outstanding.Remove(outcome.Id, out var call))
            return; // answered already (timed out or lost with a crashed adapter)
        var now = Now;
        var error = outcome.Error;
        Publish(error is { IsVenueFault: true } ? _breaker.OnFailure(now, error.ToString()) : _breaker.OnSuccess(now));

        if (error is VenueRateLimited limited)
        {
            var pause = limited.RetryAfter ?? Backoff(call.Attempt);
            if (now + pause > _pausedUntil)
                _pausedUntil = now + pause;
            EngineMetrics.RateLimitHits.Add(1, new KeyValuePair<string, object?>("venue", _venue.Venue.Value));
            LogVenueThrottled(Context.Logger, _venue.Venue.Value, pause.TotalMilliseconds);
        }
        if (error is not null && ShouldRetry(call, error))
        {
            var delay = error is VenueRateLimited { RetryAfter: { } after } ? after : Backoff(call.Attempt);
            Timers.StartSingleTimer(new RetryKey(call.Id), new RetryDue(call with { Attempt = call.Attempt + 1 }), delay);
        }
        else
        {
            Answer(call, outcome.Value, error);
        }
        Pump();
    }

    private bool ShouldRetry(PendingCall call, VenueError error)
        => error.IsRetryable
           && call.Attempt <= _options.MaxRetries
           && (call.Request.Call.IsIdempotent || !error.MayHaveTakenEffect)
           && _breaker.WouldPass(Now + Backoff(call.Attempt));

    private TimeSpan Backoff(int attempt)
    {
        var exponent = Math.Min(attempt - 1, 20);
        var baseDelay = Math.Min(_options.RetryBaseDelay.Ticks * (double)(1L << exponent), _options.RetryMaxDelay.Ticks);
        return TimeSpan.FromTicks((long)(baseDelay * (1 + _options.RetryJitter * _jitter.NextDouble())));
    }

    private void OnAdapterStopped(AdapterStopped stopped)
    {
        if (!Equals(stopped.Adapter, _adapter))
            return;
        _adapter = null;
        _breaker.OnAbandoned();
        LogAdapterCrashed(Context.Logger, _venue.Venue.Value, _outstanding.Count);
        foreach (var call in _outstanding.Values.OrderBy(c => c.Id).ToList())
        {
            _outstanding.Remove(call.Id);
            Answer(call, null, new VenueUnavailable($"the {_venue.Venue} adapter crashed while the call was running; its outcome is unknown"));
        }
    }

    private void SweepTimedOut()
    {
        if (_outstanding.Count == 0)
            return;
        var now = Now;
        foreach (var call in _outstanding.Values.Where(c => now - c.SentAt >= _options.CallTimeout).ToList())
        {
            _outstanding.Remove(call.Id);
            Publish(_breaker.OnFailure(now, "call timed out"));
            Answer(call, null, new VenueTimeout($"no answer from {_venue.Venue} within {_options.CallTimeout}", _options.CallTimeout));
        }
    }

    private void OnReplenish()
    {
        _writes.TryReplenish();
        _reads.TryReplenish();
        if (_writeQueue.Count > 0 || _readQueue.Count > 0)
            Pump();
    }

    private void Answer(PendingCall call, object? value, VenueError? error)
        => call.Caller.Tell(new VenueReply(call.Request.CorrelationId, call.Request.Call, value, error, call.Attempt), Self);

    private void Publish(BreakerStateChanged? change)
    {
        _venue.Status.Publish(change?.To ?? _venue.Status.Breaker.State, _breaker.OpenUntil, _breaker.ConsecutiveFailures);
        if (change is null)
            return;
        Context.System.EventStream.Publish(change);
        EngineMetrics.BreakerState.Record((int)change.To, new KeyValuePair<string, object?>("breaker", change.Name));
        LogBreakerChanged(Context.Logger, change.Name, change.From, change.To, change.Reason);
    }

    private TokenBucketRateLimiter Bucket(double perSecond, int burst) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = burst,
        TokensPerPeriod = (int)Math.Round(perSecond * _options.ReplenishmentPeriod.TotalSeconds),
        ReplenishmentPeriod = _options.ReplenishmentPeriod,
        AutoReplenishment = false,
        QueueLimit = 0,
    });

    private sealed record PendingCall(long Id, IActorRef Caller, VenueRequest Request, int Attempt, DateTimeOffset SentAt);

    private sealed record RetryDue(PendingCall Call);

    private sealed record RetryKey(long Id);

    private sealed class Replenish
    {
        public static readonly Replenish Instance = new();
    }

    private sealed class Sweep
    {
        public static readonly Sweep Instance = new();
    }

    private sealed class ResumeAfterPause
    {
        public static readonly ResumeAfterPause Instance = new();
    }

    [LoggerMessage(EventId = 2001, EventName = "breaker_state_changed", Level = LogLevel.Warning,
        Message = "Breaker {breaker} {from} -> {to}: {reason}")]
    private static partial void LogBreakerChanged(ILogger logger, string breaker, BreakerState from, BreakerState to, string reason);

    [LoggerMessage(EventId = 2002, EventName = "venue_rate_limited", Level = LogLevel.Warning,
        Message = "Venue {venue} throttled us; pausing calls for {pause_ms} ms")]
    private static partial void LogVenueThrottled(ILogger logger, string venue, double pause_ms);

    [LoggerMessage(EventId = 2003, EventName = "venue_adapter_crashed", Level = LogLevel.Error,
        Message = "Adapter of venue {venue} crashed with {outstanding} calls running; they are answered as outcome unknown and the adapter restarts with backoff")]
    private static partial void LogAdapterCrashed(ILogger logger, string venue, int outstanding);
}
