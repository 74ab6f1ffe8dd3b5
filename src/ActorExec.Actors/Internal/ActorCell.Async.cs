namespace ActorExec.Actors.Internal;

/// <summary>
/// Async handlers: while the task of a <c>ReceiveAsync</c> handler runs, user messages wait and its
/// continuations run inside the actor (posted as system messages), so Context and Sender stay valid.
/// </summary>
internal sealed partial class ActorCell
{
    /// <summary>Runs an async handler with the actor's synchronisation context in place.</summary>
    public void RunAsyncHandler<T>(Func<T, Task> handler, T message)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(Extras.SynchronizationContext ??= new ActorSynchronizationContext(this));
        Task task;
        try
        {
            task = handler(message);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

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
