namespace ActorExec.Actors.Internal;

/// <summary>
/// The temporary reply address of one Ask: completes its task with the first reply, fails it on
/// <see cref="Status.Failure"/>, a reply of the wrong type, timeout or cancellation.
/// </summary>
internal sealed class PromiseActorRef<T> : TaskCompletionSource<T>, IActorRef
{
    private static long s_counter;
    private readonly IActorRef _target;
    private readonly object _message;
    private readonly TimeSpan _timeout;
    private readonly long _id = Interlocked.Increment(ref s_counter);
    private ITimer? _timer;
    private CancellationTokenRegistration _cancellation;

    public PromiseActorRef(IActorRef target, object message, TimeSpan timeout)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        _target = target;
        _message = message;
        _timeout = timeout;
    }

    public ActorPath Path => ActorPath.Root.Child("temp").Child($"$ask{_id}");

    public void Start(TimeProvider time, CancellationToken cancellationToken)
    {
        if (_timeout != Timeout.InfiniteTimeSpan)
        {
            var timer = time.CreateTimer(static s => ((PromiseActorRef<T>)s!).OnTimeout(), this, _timeout, Timeout.InfiniteTimeSpan);
            Volatile.Write(ref _timer, timer);
            if (Task.IsCompleted)
                timer.Dispose(); // completed before the timer was stored: Cleanup could not see it
        }
        if (cancellationToken.CanBeCanceled)
            _cancellation = cancellationToken.UnsafeRegister(static (s, token) => ((PromiseActorRef<T>)s!).OnCancelled(token), this);
    }

    public void Tell(object message, IActorRef? sender)
    {
        var completed = message switch
        {
            Status.Failure failure => TrySetException(failure.Cause),
            T reply => TrySetResult(reply),
            _ => TrySetException(new InvalidCastException(
                $"Ask to {_target.Path} expected a reply of type {typeof(T).Name} but received {message.GetType().Name}")),
        };
        if (completed)
            Cleanup();
    }

    private void OnTimeout()
    {
        if (TrySetException(new AskTimeoutException(
                $"Ask timed out on [{_target.Path}] after {_timeout.TotalMilliseconds:0.###} ms (message type {_message.GetType().Name})")))
            Cleanup();
    }

    private void OnCancelled(CancellationToken token)
    {
        if (TrySetCanceled(token))
            Cleanup();
    }

    private void Cleanup()
    {
        Volatile.Read(ref _timer)?.Dispose();
        _cancellation.Dispose();
    }

    public override string ToString() => $"[{Path}]";
}
