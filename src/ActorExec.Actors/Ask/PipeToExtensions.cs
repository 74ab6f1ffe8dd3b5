namespace ActorExec.Actors;

/// <summary>Delivers the outcome of a task to an actor as a message, so actors never block on I/O.</summary>
public static class PipeToExtensions
{
    /// <summary>
    /// When <paramref name="task"/> completes, tells <paramref name="recipient"/> the value mapped by
    /// <paramref name="success"/> (the value itself by default) or the exception mapped by
    /// <paramref name="failure"/> (a <see cref="Status.Failure"/> by default). A task that has already
    /// completed is delivered at once, without scheduling a continuation.
    /// </summary>
    public static Task PipeTo<T>(
        this Task<T> task, IActorRef recipient, IActorRef? sender = null,
        Func<T, object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        if (task.IsCompleted)
        {
            Deliver(task, recipient, sender, success, failure);
            return Task.CompletedTask;
        }
        return task.ContinueWith(
            static (completed, state) =>
            {
                var (recipient, sender, success, failure) = ((IActorRef, IActorRef?, Func<T, object>?, Func<Exception, object>?))state!;
                Deliver(completed, recipient, sender, success, failure);
            },
            (recipient, sender, success, failure),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>As <see cref="PipeTo{T}(Task{T}, IActorRef, IActorRef?, Func{T, object}?, Func{Exception, object}?)"/>, for a value task; a completed one costs no allocation beyond the message.</summary>
    public static Task PipeTo<T>(
        this ValueTask<T> task, IActorRef recipient, IActorRef? sender = null,
        Func<T, object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        if (task.IsCompletedSuccessfully)
        {
            var value = task.Result;
            recipient.Tell(success is null ? value! : success(value), sender);
            return Task.CompletedTask;
        }
        return task.AsTask().PipeTo(recipient, sender, success, failure);
    }

    private static void Deliver<T>(Task<T> task, IActorRef recipient, IActorRef? sender, Func<T, object>? success, Func<Exception, object>? failure)
    {
        object message;
        if (task.IsCompletedSuccessfully)
        {
            message = success is null ? task.Result! : success(task.Result);
        }
        else
        {
            Exception cause = task.IsCanceled
                ? new TaskCanceledException(task)
                : task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
            message = failure is null ? new Status.Failure(cause) : failure(cause);
        }
        recipient.Tell(message, sender);
    }
}
