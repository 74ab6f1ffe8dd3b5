namespace ActorExec.Actors.Tests.Stash;

public sealed class StashSpec : TestKit.TestKit
{
    /// <summary>Stashes work until "open", then replays it; "close" stashes again.</summary>
    private sealed class Gate : ReceiveActor, IWithStash
    {
        public Gate()
        {
            Closed();
        }

        public IStash Stash { get; set; } = null!;

        private void Closed()
        {
            Receive<string>(s => s == "open", _ =>
            {
                Become(Open);
                Stash.UnstashAll();
            });
            Receive<string>(s => s == "stash-twice", _ =>
            {
                Stash.Stash();
                try
                {
                    Stash.Stash();
                }
                catch (IllegalActorStateException e)
                {
                    Sender.Tell(e.Message, Self);
                }
            });
            Receive<string>(s => s == "crash", _ => throw new InvalidOperationException("crash while closed"));
            ReceiveAny(_ => Stash.Stash());
        }

        private void Open()
        {
            Receive<string>(s => s == "close", _ => Become(Closed));
            ReceiveAny(m => Sender.Tell($"handled {m}", Self));
        }
    }

    [Fact]
    public void UnstashAll_AfterBecome_ReplaysStashedMessagesInOrderWithSenders()
    {
        var probe = CreateTestProbe();
        var gate = ActorOf(Props.Create<Gate>());
        probe.Send(gate, 1);
        gate.Tell(2);
        gate.Tell("open");
        gate.Tell(3);

        probe.ExpectMsg("handled 1");
        ExpectMsg("handled 2");
        ExpectMsg("handled 3");
    }

    [Fact]
    public void UnstashAll_ComesBeforeMessagesAlreadyInTheMailbox()
    {
        var gate = ActorOf(Props.Create<Gate>());
        gate.Tell("a");
        gate.Tell("b");
        gate.Tell("open");
        gate.Tell("c"); // likely already queued when "open" is processed

        ExpectMsg("handled a");
        ExpectMsg("handled b");
        ExpectMsg("handled c");
    }

    [Fact]
    public void Stash_SameMessageTwice_Throws()
    {
        ActorOf(Props.Create<Gate>()).Tell("stash-twice");
        ExpectMsg<string>(m => m.Contains("cannot be stashed twice", StringComparison.Ordinal));
    }

    [Fact]
    public void Stash_SameMessageObjectDeliveredTwice_CanBeStashedBothTimes()
    {
        var gate = ActorOf(Props.Create<Gate>());
        var shared = new object();
        gate.Tell(shared);
        gate.Tell(shared);
        gate.Tell("open");
        ExpectMsg<string>(m => m.StartsWith("handled System.Object", StringComparison.Ordinal));
        ExpectMsg<string>(m => m.StartsWith("handled System.Object", StringComparison.Ordinal));
    }

    [Fact]
    public void Restart_StashedMessagesGoBackToTheMailbox()
    {
        var gate = ActorOf(Props.Create<Gate>());
        gate.Tell("x");
        gate.Tell("y");
        gate.Tell("crash");  // restart: the new instance starts closed and stashes them again
        gate.Tell("open");

        ExpectMsg("handled x");
        ExpectMsg("handled y");
    }

    [Fact]
    public void Stop_StashedMessagesBecomeDeadLetters()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe<DeadLetter>(deadLetters.Ref);
        var gate = ActorOf(Props.Create<Gate>());
        gate.Tell("kept");
        gate.Tell(PoisonPill.Instance);

        deadLetters.ExpectMsg<DeadLetter>(d => Equals(d.Message, "kept"));
    }
}
