namespace ActorExec.Actors.Tests.Actors;

public sealed class ReceiveActorSpec : TestKit.TestKit
{
    private sealed record Add(int Amount);

    private sealed class Typed : ReceiveActor
    {
        public Typed()
        {
            Receive<int>(i => i < 0, i => Sender.Tell($"negative {i}", Self));
            Receive<int>(i => Sender.Tell($"int {i}", Self));
            Receive<string>(s => Sender.Tell($"string {s}", Self));
            ReceiveAny(o => Sender.Tell($"any {o.GetType().Name}", Self));
        }
    }

    [Fact]
    public void Receive_FirstMatchingHandlerInRegistrationOrder_Wins()
    {
        var actor = ActorOf(Props.Create<Typed>());
        actor.Tell(-3);
        actor.Tell(3);
        actor.Tell("x");
        actor.Tell(2.5);
        ExpectMsg("negative -3");
        ExpectMsg("int 3");
        ExpectMsg("string x");
        ExpectMsg("any Double");
    }

    private sealed class Unhandling : ReceiveActor
    {
        public Unhandling() => Receive<string>(_ => { });
    }

    [Fact]
    public void Receive_NoHandlerMatches_PublishesUnhandledMessage()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe<UnhandledMessage>(probe.Ref);
        var actor = ActorOf(Props.Create<Unhandling>());
        actor.Tell(42);
        var unhandled = probe.ExpectMsg<UnhandledMessage>();
        unhandled.Message.Should().Be(42);
        unhandled.Recipient.Should().BeSameAs(actor);
        unhandled.Sender.Should().BeSameAs(TestActor);
    }

    private sealed class LateRegistration : ReceiveActor
    {
        public LateRegistration() => Receive<string>(_ =>
        {
            try
            {
                Receive<int>(_ => { });
                Sender.Tell("registered", Self);
            }
            catch (InvalidOperationException e)
            {
                Sender.Tell(e.Message, Self);
            }
        });
    }

    [Fact]
    public void Receive_CalledAfterConstruction_IsRejected()
    {
        ActorOf(Props.Create<LateRegistration>()).Tell("try");
        ExpectMsg<string>(m => m.Contains("only be registered in the constructor", StringComparison.Ordinal));
    }

    private sealed class Switcher : ReceiveActor
    {
        public Switcher()
        {
            Receive<string>(s => s == "angry", _ => Become(Angry));
            Receive<string>(s => s == "push", _ => BecomeStacked(Happy));
            Receive<string>(s => Sender.Tell($"calm {s}", Self));
        }

        private void Angry()
        {
            Receive<string>(s => s == "calm", _ => Become(() => Receive<string>(m => Sender.Tell($"calm again {m}", Self))));
            Receive<string>(s => Sender.Tell($"angry {s}", Self));
        }

        private void Happy()
        {
            Receive<string>(s => s == "pop", _ => UnbecomeStacked());
            Receive<string>(s => Sender.Tell($"happy {s}", Self));
        }
    }

    [Fact]
    public void Become_ReplacesBehaviour()
    {
        var actor = ActorOf(Props.Create<Switcher>());
        actor.Tell("hi");
        actor.Tell("angry");
        actor.Tell("hi");
        actor.Tell("calm");
        actor.Tell("hi");
        ExpectMsg("calm hi");
        ExpectMsg("angry hi");
        ExpectMsg("calm again hi");
    }

    [Fact]
    public void BecomeStacked_UnbecomeStacked_ReturnsToPreviousBehaviour()
    {
        var actor = ActorOf(Props.Create<Switcher>());
        actor.Tell("push");
        actor.Tell("hi");
        actor.Tell("pop");
        actor.Tell("hi");
        ExpectMsg("happy hi");
        ExpectMsg("calm hi");
    }

    private sealed class AsyncWorker : ReceiveActor
    {
        private readonly TaskCompletionSource _gate;
        private int _handled;

        public AsyncWorker(TaskCompletionSource gate)
        {
            _gate = gate;
            ReceiveAsync<string>(s => s == "slow", async _ =>
            {
                var sender = Sender;
                await _gate.Task;
                // After the await we are back inside the actor: Sender, Self and state are valid.
                _handled++;
                sender.Tell($"slow done, sender intact: {ReferenceEquals(sender, Sender)}", Self);
                Context.Parent.Path.ToString().Should().Be("/user");
            });
            ReceiveAsync<string>(s => s == "fail", async _ =>
            {
                await Task.Yield();
                throw new InvalidOperationException("async failure");
            });
            Receive<string>(s => Sender.Tell($"{s} after {_handled}", Self));
        }
    }

    [Fact]
    public void ReceiveAsync_WhileTaskRuns_ProcessesNothingElseAndResumesInsideActor()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = ActorOf(Props.Create(() => new AsyncWorker(gate)));
        actor.Tell("slow");
        actor.Tell("next");

        ExpectNoMsg(TimeSpan.FromMilliseconds(100)); // "next" waits for the slow handler
        gate.SetResult();

        ExpectMsg("slow done, sender intact: True");
        ExpectMsg("next after 1");
    }

    [Fact]
    public void ReceiveAsync_TaskFaults_IsAFailureHandledBySupervisor()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        var actor = ActorOf(Props.Create(() => new AsyncWorker(gate)));
        actor.Tell("slow");
        ExpectMsg("slow done, sender intact: True");

        actor.Tell("fail");
        actor.Tell("after");

        ExpectMsg("after after 0"); // restarted by the default strategy: fresh state
    }
}
