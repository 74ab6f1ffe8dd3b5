namespace ActorExec.Actors;

/// <summary>
/// Supervises one child and recreates it after exponentially growing delays (with jitter) when it
/// fails or stops, so a crashing dependency is not hammered. Messages sent to the supervisor are
/// forwarded to the child; while there is none they become dead letters.
/// </summary>
public sealed class BackoffSupervisor : ReceiveActor, IWithTimers
{
    private readonly BackoffOptions _options;
    private IActorRef? _child;
    private int _restartCount;
    private int _incarnation;

    /// <summary>Props for a backoff supervisor.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public static Props Props(BackoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Actors.Props.Create(() => new BackoffSupervisor(options));
    }

    private BackoffSupervisor(BackoffOptions options)
    {
        _options = options;
        Receive<Terminated>(OnChildTerminated, t => t.ActorRef.Equals(_child));
        Receive<StartChild>(_ => StartChildNow());
        Receive<ResetRestartCount>(OnResetRestartCount);
        Receive<GetCurrentChild>(_ => Sender.Tell(new CurrentChild(_child), Self));
        Receive<GetRestartCount>(_ => Sender.Tell(new RestartCount(_restartCount), Self));
        Receive<Reset>(_ => _restartCount = 0);
        ReceiveAny(message =>
        {
            if (_child is not null)
                _child.Forward(message);
            else
                Context.System.DeadLetters.Tell(message, Sender);
        });
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <inheritdoc />
    protected override void PreStart() => StartChildNow();

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy() => _options.Mode == BackoffMode.OnFailure
        ? Actors.SupervisorStrategy.StoppingStrategy
        : Actors.SupervisorStrategy.Default;

    private void StartChildNow()
    {
        if (_child is not null)
            return;
        _child = Context.ActorOf(_options.ChildProps, _options.ChildName);
        Context.Watch(_child);
        _incarnation++;
        if (_options.ResetBackoffAfter is { } stable)
            Timers.StartSingleTimer(ResetKey, new ResetRestartCount(_incarnation), stable);
    }

    private void OnChildTerminated(Terminated terminated)
    {
        _child = null;
        Timers.Cancel(ResetKey);
        if (_options.MaxNrOfRetries is { } max && _restartCount >= max)
        {
            Context.Stop(Self);
            return;
        }
        var delay = _options.BaseDelay(_restartCount);
        var jitter = 1 + _options.Random.NextDouble() * _options.RandomFactor;
        _restartCount++;
        Timers.StartSingleTimer(StartKey, StartChild.Instance, TimeSpan.FromTicks((long)(delay.Ticks * jitter)));
    }

    private void OnResetRestartCount(ResetRestartCount reset)
    {
        if (reset.Incarnation == _incarnation)
            _restartCount = 0;
    }

    private static readonly object StartKey = "start-child";
    private static readonly object ResetKey = "reset-backoff";

    private sealed class StartChild
    {
        public static readonly StartChild Instance = new();
    }

    private sealed record ResetRestartCount(int Incarnation);

    /// <summary>Asks for the current child; answered with <see cref="CurrentChild"/>.</summary>
    public sealed class GetCurrentChild
    {
        /// <summary>The single instance.</summary>
        public static readonly GetCurrentChild Instance = new();
        private GetCurrentChild() { }
    }

    /// <summary>The current child, or null between a stop and the recreation.</summary>
    public sealed record CurrentChild(IActorRef? Ref);

    /// <summary>Asks for the number of recreations since the last reset; answered with <see cref="RestartCount"/>.</summary>
    public sealed class GetRestartCount
    {
        /// <summary>The single instance.</summary>
        public static readonly GetRestartCount Instance = new();
        private GetRestartCount() { }
    }

    /// <summary>Recreations since the last reset.</summary>
    public sealed record RestartCount(int Count);

    /// <summary>Resets the backoff to the minimum delay.</summary>
    public sealed class Reset
    {
        /// <summary>The single instance.</summary>
        public static readonly Reset Instance = new();
        private Reset() { }
    }
}
