using System.Diagnostics;
using ActorExec.Actors;

namespace ActorExec.TestKit;

/// <summary>The actor behind the kit's TestActor and every probe: it records what it receives.</summary>
internal sealed class TestActor(ReceiveQueue queue, Stopwatch clock) : UntypedActor
{
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case WatchRequest watch:
                Context.Watch(watch.Target);
                break;
            case UnwatchRequest unwatch:
                Context.Unwatch(unwatch.Target);
                break;
            default:
                queue.Enqueue(new ReceivedMessage(message, Sender, clock.Elapsed));
                break;
        }
    }

    internal sealed record WatchRequest(IActorRef Target);

    internal sealed record UnwatchRequest(IActorRef Target);
}
