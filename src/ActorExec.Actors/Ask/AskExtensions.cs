using ActorExec.Actors.Internal;

namespace ActorExec.Actors;

/// <summary>Request/response and graceful stop on top of Tell.</summary>
public static class AskExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> and completes with the first reply. A <see cref="Status.Failure"/>
    /// reply fails the task with its cause; no reply within <paramref name="timeout"/> fails it with an
    /// <see cref="AskTimeoutException"/> that names the target.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is not positive (use Timeout.InfiniteTimeSpan for none).</exception>
    public static Task<T> Ask<T>(this IActorRef target, object message, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "An Ask timeout must be positive");
        if (target is IInternalActorRef { IsTerminated: true })
            return Task.FromException<T>(new AskTimeoutException($"Recipient [{target.Path}] had already been terminated (message type {message.GetType().Name})"));
        if (cancellationToken.IsCancellationRequested)
            return Task.FromCanceled<T>(cancellationToken);

        var promise = new PromiseActorRef<T>(target, message, timeout);
        promise.Start(TimeOf(target), cancellationToken);
        target.Tell(message, promise);
        return promise.Task;
    }

    /// <summary>Ask for a reply of any type.</summary>
    public static Task<object> Ask(this IActorRef target, object message, TimeSpan timeout, CancellationToken cancellationToken = default)
        => target.Ask<object>(message, timeout, cancellationToken);

    /// <summary>
    /// Sends <paramref name="stopMessage"/> (a <see cref="PoisonPill"/> by default) and waits for the
    /// actor to stop: true when it stopped within <paramref name="timeout"/>, false otherwise.
    /// </summary>
    public static async Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout, object? stopMessage = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target is not IInternalActorRef watched)
            throw new NotSupportedException($"GracefulStop is not supported for {target.GetType().Name} ({target.Path})");
        var watcher = new TerminationWatcher(watched);
        watched.SendSystemMessage(new Watch(watched, watcher));
        target.Tell(stopMessage ?? PoisonPill.Instance, null);
        try
        {
            await watcher.Stopped.WaitAsync(timeout, TimeOf(target)).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            watched.SendSystemMessage(new Unwatch(watched, watcher));
            return false;
        }
    }

    private static TimeProvider TimeOf(IActorRef target)
        => target is LocalActorRef local ? local.Cell.System.TimeProvider : TimeProvider.System;

    /// <summary>A watcher that is not an actor: completes a task when the watched actor stops.</summary>
    private sealed class TerminationWatcher(IInternalActorRef watched) : IInternalActorRef
    {
        private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Stopped => _stopped.Task;

        public ActorPath Path { get; } = ActorPath.Root.Child("temp").Child("$stop-" + watched.Path.Name);

        public bool IsTerminated => _stopped.Task.IsCompleted;

        public void Tell(object message, IActorRef? sender) { }

        public void SendSystemMessage(SystemMessage message)
        {
            if (message is DeathWatchNotification)
                _stopped.TrySetResult();
        }
    }
}
