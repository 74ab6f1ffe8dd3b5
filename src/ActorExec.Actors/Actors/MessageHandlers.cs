using ActorExec.Actors.Internal;

namespace ActorExec.Actors;

/// <summary>
/// One typed entry of a <see cref="ReceiveActor"/>'s behaviour. Entries are chained rather than
/// kept in an array: one object fewer per actor, and dispatch walks them just as fast.
/// </summary>
internal abstract class MessageHandler
{
    public MessageHandler? Next;

    public abstract bool TryHandle(object message, ActorCell cell);

    /// <summary>Offers the message to each handler of the chain in registration order.</summary>
    public static bool Dispatch(MessageHandler? first, object message, ActorCell cell)
    {
        for (var handler = first; handler is not null; handler = handler.Next)
        {
            if (handler.TryHandle(message, cell))
                return true;
        }
        return false;
    }
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
