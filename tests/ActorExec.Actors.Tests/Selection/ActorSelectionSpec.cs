namespace ActorExec.Actors.Tests.Selection;

public sealed class ActorSelectionSpec : TestKit.TestKit
{
    private sealed class Named : ReceiveActor
    {
        public Named(params string[] children)
        {
            foreach (var child in children)
                Context.ActorOf(Props.Create(() => new Named()), child);
            Receive<string>(s => s.StartsWith("select:", StringComparison.Ordinal),
                s => Context.ActorSelection(s["select:".Length..]).Tell("hello", Sender));
            Receive<string>(s => Sender.Tell($"{Self.Path.Name} got {s}", Self));
        }
    }

    private IActorRef Markets()
    {
        var markets = ActorOf(Props.Create(() => new Named("m-41", "m-42", "x-1")), "markets");
        markets.Tell("ping");
        ExpectMsg("markets got ping");
        return markets;
    }

    [Fact]
    public async Task ResolveOne_AbsolutePath_FindsTheActor()
    {
        Markets();
        var actor = await AwaitResolved("/user/markets/m-42");
        actor.Path.ToString().Should().Be("/user/markets/m-42");
    }

    [Fact]
    public async Task ResolveOne_UnknownPath_ThrowsNamingIt()
    {
        Markets();
        var act = () => Sys.ActorSelection("/user/markets/m-99").ResolveOne();
        await act.Should().ThrowAsync<ActorNotFoundException>().WithMessage("*/user/markets/m-99*");
    }

    [Fact]
    public void Tell_Wildcard_ReachesEveryMatch()
    {
        Markets();
        AwaitCondition(() => Sys.ActorSelection("/user/markets/m-*").ResolveAll().Count == 2);
        Sys.ActorSelection("/user/markets/m-*").Tell("all", TestActor);
        ExpectMsgAllOf("m-41 got all", "m-42 got all");
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Tell_QuestionMarkWildcard_MatchesOneCharacter()
    {
        Markets();
        AwaitCondition(() => Sys.ActorSelection("/user/markets/?-1").ResolveAll().Count == 1);
        Sys.ActorSelection("/user/markets/?-1").Tell("one", TestActor);
        ExpectMsg("x-1 got one");
    }

    [Fact]
    public async Task ContextActorSelection_RelativeToSibling_Works()
    {
        Markets();
        var m41 = await AwaitResolved("/user/markets/m-41");
        m41.Tell("select:../m-42");
        ExpectMsg("m-42 got hello");
    }

    [Fact]
    public void Tell_NoMatch_BecomesDeadLetter()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe<DeadLetter>(probe.Ref);
        Sys.ActorSelection("/user/nobody").Tell("lost", TestActor);
        probe.ExpectMsg<DeadLetter>(d => Equals(d.Message, "lost"));
    }

    private async Task<IActorRef> AwaitResolved(string path)
    {
        await AwaitConditionAsync(() => Sys.ActorSelection(path).ResolveAll().Count == 1);
        return await Sys.ActorSelection(path).ResolveOne();
    }
}
