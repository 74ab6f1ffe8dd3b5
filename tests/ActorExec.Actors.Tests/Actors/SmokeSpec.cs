namespace ActorExec.Actors.Tests.Actors;

public sealed class SmokeSpec : TestKit.TestKit
{
    private sealed class Echo : ReceiveActor
    {
        public Echo() => Receive<string>(s => Sender.Tell("echo:" + s, Self));
    }

    [Fact]
    public void Tell_WithImplicitSender_ReplyReachesTestActor()
    {
        var echo = ActorOf(Props.Create<Echo>(), "echo");
        echo.Tell("hi");
        ExpectMsg("echo:hi");
    }

    [Fact]
    public async Task Ask_Reply_Completes()
    {
        var echo = ActorOf(Props.Create<Echo>(), "echo");
        var reply = await echo.Ask<string>("x", TimeSpan.FromSeconds(3));
        reply.Should().Be("echo:x");
        echo.Tell("after-await");
        await ExpectMsgAsync("echo:after-await");
    }
}
