namespace ActorExec.Actors.Tests.Ask;

public sealed class AskSpec : TestKit.TestKit
{
    private sealed class Responder : ReceiveActor
    {
        public Responder()
        {
            Receive<string>(s => s == "silent", _ => { });
            Receive<string>(s => s == "fail", _ => Sender.Tell(new Status.Failure(new InvalidOperationException("refused")), Self));
            Receive<string>(s => s == "number", _ => Sender.Tell(42, Self));
            Receive<string>(s => Sender.Tell($"re: {s}", Self));
        }
    }

    private IActorRef Responding(string name = "responder") => ActorOf(Props.Create<Responder>(), name);

    [Fact]
    public async Task Ask_Reply_CompletesWithIt()
        => (await Responding().Ask<string>("hello", TimeSpan.FromSeconds(3))).Should().Be("re: hello");

    [Fact]
    public async Task Ask_NoReply_TimesOutNamingTheTarget()
    {
        var act = () => Responding("quiet-one").Ask<string>("silent", TimeSpan.FromMilliseconds(100));
        (await act.Should().ThrowAsync<AskTimeoutException>())
            .WithMessage("*/user/quiet-one*100 ms*String*");
    }

    [Fact]
    public async Task Ask_StatusFailure_FailsWithItsCause()
    {
        var act = () => Responding().Ask<string>("fail", TimeSpan.FromSeconds(3));
        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("refused");
    }

    [Fact]
    public async Task Ask_ReplyOfWrongType_FailsNamingBothTypes()
    {
        var act = () => Responding().Ask<string>("number", TimeSpan.FromSeconds(3));
        await act.Should().ThrowAsync<InvalidCastException>().WithMessage("*String*Int32*");
    }

    [Fact]
    public async Task Ask_TargetAlreadyStopped_FailsAtOnce()
    {
        var target = Responding("gone");
        Watch(target);
        Sys.Stop(target);
        await ExpectTerminatedAsync(target);

        var act = () => target.Ask<string>("anyone?", TimeSpan.FromMinutes(1));
        await act.Should().ThrowAsync<AskTimeoutException>().WithMessage("*/user/gone*already been terminated*");
    }

    [Fact]
    public async Task Ask_Cancelled_FailsWithCancellation()
    {
        using var cancellation = new CancellationTokenSource();
        var pending = Responding().Ask<string>("silent", TimeSpan.FromMinutes(1), cancellation.Token);
        cancellation.Cancel();
        await FluentActions.Awaiting(() => pending).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void Ask_NonPositiveTimeout_IsRejected()
    {
        Action act = () => Responding().Ask<string>("x", TimeSpan.Zero);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task Ask_ThroughForwardingActor_ReplyReachesAsker()
    {
        var responder = Responding();
        var forwarder = ActorOf(Props.Create(() => new Forwarder(responder)));
        (await forwarder.Ask<string>("via", TimeSpan.FromSeconds(3))).Should().Be("re: via");
    }

    private sealed class Forwarder : ReceiveActor
    {
        public Forwarder(IActorRef target) => ReceiveAny(m => target.Forward(m));
    }

    [Fact]
    public void Forward_OutsideAnActor_Throws()
    {
        var act = () => Responding().Forward("x");
        act.Should().Throw<InvalidOperationException>().WithMessage("*Forward*");
    }
}
