namespace ActorExec.Venues.Paper.Internal;

/// <summary>
/// A call that waits on the venue's clock: the request is processed in the timer callback that
/// marks its arrival, and the answer is released by a second timer when the call times out. Doing
/// the work in the callbacks (rather than in an <c>await</c> continuation, which a test's
/// synchronization context may postpone to the thread pool) pins every effect to its exact virtual
/// time: once <c>Advance</c> returns, what was due has happened.
/// </summary>
internal sealed class DelayedCall<T>
{
    private readonly TaskCompletionSource<VenueResult<T>> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeProvider _time;
    private readonly Func<(VenueResult<T> Result, TimeSpan Delay)>? _process;
    private readonly CancellationToken _cancellationToken;
    private CancellationTokenRegistration _registration;
    private ITimer? _timer;
    private VenueResult<T> _result;

    private DelayedCall(TimeProvider time, Func<(VenueResult<T>, TimeSpan)>? process, CancellationToken cancellationToken)
    {
        _time = time;
        _process = process;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Processes the call once <paramref name="latency"/> has passed, then answers (after the processing's own delay, if any).</summary>
    public static ValueTask<VenueResult<T>> After(TimeProvider time, TimeSpan latency, Func<(VenueResult<T>, TimeSpan)> process, CancellationToken cancellationToken)
    {
        var call = new DelayedCall<T>(time, process, cancellationToken);
        call.Start(static state => ((DelayedCall<T>)state!).Arrive(), latency);
        return new ValueTask<VenueResult<T>>(call._completion.Task);
    }

    /// <summary>Answers an already processed call after <paramref name="delay"/>.</summary>
    public static ValueTask<VenueResult<T>> Answer(TimeProvider time, VenueResult<T> result, TimeSpan delay, CancellationToken cancellationToken)
    {
        var call = new DelayedCall<T>(time, null, cancellationToken) { _result = result };
        call.Start(static state => ((DelayedCall<T>)state!).Release(), delay);
        return new ValueTask<VenueResult<T>>(call._completion.Task);
    }

    private void Start(TimerCallback callback, TimeSpan due)
    {
        if (_cancellationToken.CanBeCanceled)
            _registration = _cancellationToken.Register(static state => ((DelayedCall<T>)state!).Cancel(), this);
        lock (_completion)
        {
            if (!_completion.Task.IsCompleted)
                _timer = _time.CreateTimer(callback, this, due, Timeout.InfiniteTimeSpan);
        }
    }

    private void Arrive()
    {
        lock (_completion)
        {
            if (_completion.Task.IsCompleted)
                return;
            var (result, delay) = _process!();
            if (delay <= TimeSpan.Zero)
            {
                Complete(result);
                return;
            }
            _result = result;
            _timer = _time.CreateTimer(static state => ((DelayedCall<T>)state!).Release(), this, delay, Timeout.InfiniteTimeSpan);
        }
    }

    private void Release()
    {
        lock (_completion)
            Complete(_result);
    }

    private void Cancel()
    {
        lock (_completion)
        {
            _timer?.Dispose();
            _completion.TrySetCanceled(_cancellationToken);
        }
    }

    private void Complete(VenueResult<T> result)
    {
        _registration.Dispose();
        _completion.TrySetResult(result);
    }
}
