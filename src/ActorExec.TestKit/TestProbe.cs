using System.Diagnostics;
using ActorExec.Actors;

namespace ActorExec.TestKit;

/// <summary>An extra test actor with its own inbox and expectations; pass <see cref="Ref"/> where an actor is needed.</summary>
public sealed class TestProbe : MessageExpectations
{
    internal TestProbe(ActorSystem system, string name, TestKitOptions options, Stopwatch clock) : base(options, clock)
    {
        Ref = system.SystemActorOf(Props.Create(() => new TestActor(Queue, clock)), name);
    }

    /// <inheritdoc />
    public override IActorRef Ref { get; }

    /// <summary>Sends <paramref name="message"/> to <paramref name="target"/> with this probe as the sender.</summary>
    public void Send(IActorRef target, object message) => target.Tell(message, Ref);

    /// <inheritdoc />
    public override string ToString() => $"TestProbe({Ref.Path})";
}
