namespace ActorExec.Actors.Tests.Mailbox;

public sealed class MailboxSpec : TestKit.TestKit
{
    private sealed record Numbered(int Sender, int Sequence);

    /// <summary>Checks that each sender's sequence numbers arrive in order and counts everything.</summary>
    private sealed class OrderChecker : ReceiveActor
    {
        private readonly int[] _next;
        private int _received;
        private int _violations;

        public OrderChecker(int senders, int expected)
        {
            _next = new int[senders];
            Receive<Numbered>(m =>
            {
                if (m.Sequence != _next[m.Sender])
                    _violations++;
                _next[m.Sender] = m.Sequence + 1;
                if (++_received == expected)
                    Context.Parent.Tell(new Done(_received, _violations), Self);
            });
        }
    }

    private sealed record Done(int Received, int Violations);

    private sealed class Relay : ReceiveActor
    {
        public Relay(IActorRef reportTo, int senders, int expected)
        {
            var checker = Context.ActorOf(Props.Create(() => new OrderChecker(senders, expected)), "checker");
            Receive<Done>(done => reportTo.Tell(done, Self));
            Receive<string>(_ => Sender.Tell(checker, Self));
        }
    }

    [Fact]
    public void Tell_EightConcurrentSenders_EachSendersOrderIsKept()
    {
        const int senders = 8;
        const int perSender = 100_000;
        var relay = ActorOf(Props.Create(() => new Relay(TestActor, senders, senders * perSender)));
        relay.Tell("checker?");
        var checker = ExpectMsg<IActorRef>();

        var threads = Enumerable.Range(0, senders).Select(s => new Thread(() =>
        {
            for (var i = 0; i < perSender; i++)
                checker.Tell(new Numbered(s, i), null);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        ExpectMsg(new Done(senders * perSender, 0), TimeSpan.FromSeconds(30));
    }

    /// <summary>Announces each message, then holds it until the gate opens, then echoes it.</summary>
    private sealed class Gated : ReceiveActor
    {
        public Gated(ManualResetEventSlim gate, IActorRef announcer) => ReceiveAny(m =>
        {
            announcer.Tell($"processing {m}", Self);
            gate.Wait(TimeSpan.FromSeconds(10));
            Sender.Tell(m, Self);
        });
    }

    [Fact]
    public void Tell_BoundedMailboxFull_ExtraMessagesBecomeDeadLetters()
    {
        var deadLetters = CreateTestProbe();
        var announcer = CreateTestProbe();
        Sys.EventStream.Subscribe<DeadLetter>(deadLetters.Ref);
        using var gate = new ManualResetEventSlim();
        var gated = ActorOf(Props.Create(() => new Gated(gate, announcer.Ref)).WithBoundedMailbox(2));
        gated.Tell(0);
        announcer.ExpectMsg("processing 0");

        gated.Tell(1);
        gated.Tell(2);
        gated.Tell(3); // the mailbox holds 1 and 2: no room

        deadLetters.ExpectMsg<DeadLetter>(d => Equals(d.Message, 3) && d.Recipient.Equals(gated));
        gate.Set();
        ExpectMsg(0);
        ExpectMsg(1);
        ExpectMsg(2);
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Stop_OvertakesQueuedUserMessages()
    {
        var deadLetters = CreateTestProbe();
        var announcer = CreateTestProbe();
        Sys.EventStream.Subscribe<DeadLetter>(deadLetters.Ref);
        using var gate = new ManualResetEventSlim();
        var actor = ActorOf(Props.Create(() => new Gated(gate, announcer.Ref)));
        actor.Tell("first");
        announcer.ExpectMsg("processing first");
        for (var i = 0; i < 100; i++)
            actor.Tell(i);

        Sys.Stop(actor); // a system message: handled as soon as the held message returns
        gate.Set();

        ExpectMsg("first");
        // None of the 100 queued messages is processed; they all become dead letters, in order.
        deadLetters.ReceiveN(100).Cast<DeadLetter>().Select(d => d.Message).Should().Equal(Enumerable.Range(0, 100).Cast<object>());
        announcer.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    private sealed class Counter : ReceiveActor
    {
        public Counter(int expected, IActorRef reporter)
        {
            var count = 0;
            ReceiveAny(_ =>
            {
                if (++count == expected)
                    reporter.Tell(count, Self);
            });
        }
    }

    [Fact]
    public void Tell_BurstLargerThanEveryRing_LosesNothing()
    {
        const int burst = 50_000; // far beyond the first rings: forces several ring growths
        var counter = ActorOf(Props.Create(() => new Counter(burst, TestActor)));
        for (var i = 0; i < burst; i++)
            counter.Tell(i, null);
        ExpectMsg(burst, TimeSpan.FromSeconds(10));
    }
}
