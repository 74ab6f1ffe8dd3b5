namespace ActorExec.Actors.Internal;

/// <summary>
/// Async handlers: while the task of a <c>ReceiveAsync</c> handler runs, user messages wait and its
/// continuations run inside the actor (posted as system messages), so Context and Sender stay valid.
/// </summary>
internal sealed partial class ActorCell
{
    /// <summary>Runs an async handler; user messages wait until its task completes.</summary>
    public void RunAsyncHandler<T>(Func<T, Task> handler, T message) => AwaitInActor(StartInActor(() => handler(message)));

    /// <summary>
    /// Starts async work with the actor's synchronisation context in place, so every continuation
    /// after an <c>await</c> runs inside the actor. Does not make the actor wait for it.
    /// </summary>
    public Task StartInActor(Func<Task> start)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(Extras.SynchronizationContext ??= new ActorSynchronizationContext(this));
        try
        {
            return start();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    /// <summary>
    /// Holds user messages until <paramref name="task"/> completes (system messages still flow);
    /// a fault is a failure of the actor. Must be called on the actor's own turn.
    /// </summary>
    public void AwaitInActor(Task task)
    {
        if (task.IsCompletedSuccessfully)
            return;
        if (task.IsCompleted)
            Rethrow(task);

        var extras = Extras;
        extras.AwaitedTask = task;
        extras.AwaitedMessage = _currentMessage;
        extras.AwaitedSender = _currentSender;
        _gate |= UserGate.AwaitingTask;
        task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(() => SendSystemMessage(new AsyncHandlerCompleted(task)));
    }

    /// <summary>Sets the sender a handler sees (a persist handler runs with the sender of the command that persisted).</summary>
    public void SetCurrentSender(IActorRef? sender) => _currentSender = sender;

    /// <summary>Reports a failure from work the actor did outside a message handler (e.g. a persist handler after a write).</summary>
    public void ReportFailure(Exception cause) => HandleInvokeFailure(cause, message: null);

    /// <summary>Replaces the actor instance with a fresh one (as a Restart directive would) that handles <paramref name="redeliver"/> first.</summary>
    public void RestartSelf(Exception cause, Envelope? redeliver) => SendSystemMessage(new Recreate(cause, redeliver));

    /// <summary>True while user messages wait for an async task of the actor.</summary>
    public bool IsAwaitingTask => (_gate & UserGate.AwaitingTask) != 0;

    private void RunAsyncContinuation(RunContinuation continuation)
    {
        if (_lifecycle is Lifecycle.Terminating or Lifecycle.Terminated)
            return;
        var extras = Extras;
        _currentSender = extras.AwaitedSender;
        _currentMessage = extras.AwaitedMessage;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(extras.SynchronizationContext);
        try
        {
            continuation.Callback(continuation.State);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
            _currentMessage = null;
        }
    }

    private void AsyncHandlerFinished(Task task)
    {
        var extras = _extras;
        if (extras is null || !ReferenceEquals(extras.AwaitedTask, task))
            return; // from an instance that was restarted or stopped meanwhile
        var message = extras.AwaitedMessage;
        extras.AwaitedTask = null;
        extras.AwaitedMessage = null;
        extras.AwaitedSender = null;
        _gate &= ~UserGate.AwaitingTask;
        if (!task.IsCompletedSuccessfully)
            HandleInvokeFailure(task.Exception?.InnerException ?? new TaskCanceledException(task), message);
    }
}

/// <summary>Posts continuations back into the actor's mailbox so they run on the actor's turn.</summary>
internal sealed class ActorSynchronizationContext(ActorCell cell) : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state) => cell.SendSystemMessage(new RunContinuation(d, state));

    public override void Send(SendOrPostCallback d, object? state)
        => throw new NotSupportedException("Synchronous Send into an actor would deadlock; use Post");

    public override SynchronizationContext CreateCopy() => this;
}
