using ActorExec.Actors.Internal;

namespace ActorExec.Actors;

/// <summary>One typed entry of a <see cref="ReceiveActor"/>'s behaviour.</summary>
internal abstract class MessageHandler
{
    public abstract bool TryHandle(object message, ActorCell cell);
}

internal sealed class SyncHandler<T>(Action<T> handler, Predicate<T>? shouldHandle) : MessageHandler
{
    public override bool TryHandle(object message, ActorCell cell)
    {
        if (message is not T typed || (shouldHandle is not null && !shouldHandle(typed)))
            return false;
        handler(typed);
        return true;
    }
}

internal sealed class AsyncHandler<T>(Func<T, Task> handler, Predicate<T>? shouldHandle) : MessageHandler
{
    public override bool TryHandle(object message, ActorCell cell)
    {
        if (message is not T typed || (shouldHandle is not null && !shouldHandle(typed)))
            return false;
        cell.RunAsyncHandler(handler, typed);
        return true;
    }
}
