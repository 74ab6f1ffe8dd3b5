using System.Runtime.CompilerServices;
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

    /// <summary>
    /// Type test for a handler's message type: an exact type comparison when the type is sealed
    /// (most messages are sealed records), which avoids the runtime's generic cast helper.
    /// </summary>
    protected static bool Matches<T>(object message, out T typed)
    {
        if (TypeFacts<T>.IsSealedClass)
        {
            if (message.GetType() == typeof(T))
            {
                typed = Unsafe.As<object, T>(ref message);
                return true;
            }
            typed = default!;
            return false;
        }
        if (message is T match)
        {
            typed = match;
            return true;
        }
        typed = default!;
        return false;
    }

    private static class TypeFacts<T>
    {
        public static readonly bool IsSealedClass = typeof(T).IsSealed && !typeof(T).IsValueType;
    }

    /// <summary>Appends <paramref name="handler"/> to the chain starting at <paramref name="first"/>.</summary>
    public static void Append(ref MessageHandler? first, MessageHandler handler)
    {
        // Walking to the end costs only at construction; a tail field would cost every actor 8 bytes.
        if (first is null)
        {
            first = handler;
            return;
        }
        var last = first;
        while (last.Next is not null)
            last = last.Next;
        last.Next = handler;
    }

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
        if (!Matches(message, out T typed) || (shouldHandle is not null && !shouldHandle(typed)))
            return false;
        handler(typed);
        return true;
    }
}

internal sealed class AsyncHandler<T>(Func<T, Task> handler, Predicate<T>? shouldHandle) : MessageHandler
{
    public override bool TryHandle(object message, ActorCell cell)
    {
        if (!Matches(message, out T typed) || (shouldHandle is not null && !shouldHandle(typed)))
            return false;
        cell.RunAsyncHandler(handler, typed);
        return true;
    }
}
