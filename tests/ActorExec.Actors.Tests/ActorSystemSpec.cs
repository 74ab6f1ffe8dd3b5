using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace ActorExec.Actors.Tests;

public sealed class ActorSystemSpec : TestKit.TestKit
{
    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(m => Sender.Tell(m, Self));
    }

    /// <summary>Records its PostStop in a shared log, and creates the children it is told to.</summary>
    private sealed class Node : ReceiveActor
    {
        private readonly ConcurrentQueue<string> _stops;

        public Node(ConcurrentQueue<string> stops, int depth)
        {
            _stops = stops;
            if (depth > 0)
                Context.ActorOf(Props.Create(() => new Node(stops, depth - 1)), $"level{depth - 1}");
            ReceiveAny(_ => Sender.Tell("ready", Self));
        }

        protected override void PostStop() => _stops.Enqueue(Self.Path.ToString());
    }

    private sealed class CountingStops : ReceiveActor
    {
        private readonly StrongBox<int> _stopped;

        public CountingStops(StrongBox<int> stopped)
        {
            _stopped = stopped;
            Receive<CreateChild>(create => Sender.Tell(Context.ActorOf(create.Props), Self));
        }

        protected override void PostStop() => Interlocked.Increment(ref _stopped.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/inside")]
    public void Create_InvalidName_ThrowsNamingTheName(string name)
    {
        var act = () => ActorSystem.Create(name);
        act.Should().Throw<ArgumentException>().WithMessage($"*'{name}'*");
    }

    [Fact]
    public void Create_InvalidThroughput_ThrowsNamingTheOption()
    {
        var act = () => ActorSystem.Create("bad", new ActorSystemOptions { Throughput = 0 });
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Throughput*");
    }

    [Fact]
    public async Task ActorOf_NestedChildren_HaveHierarchicalPaths()
    {
        var stops = new ConcurrentQueue<string>();
        var markets = ActorOf(Props.Create(() => new Node(stops, 1)), "markets");
        markets.Tell("hello");
        ExpectMsg("ready");

        markets.Path.ToString().Should().Be("/user/markets");
        var child = await Sys.ActorSelection("/user/markets/level0").ResolveOne();
        child.Path.ToString().Should().Be("/user/markets/level0");
        child.Path.Parent.Should().Be(markets.Path);
    }

    [Fact]
    public void ActorOf_DuplicateName_ThrowsInvalidActorNameException()
    {
        ActorOf(Props.Create<Echo>(), "m-42");
        var act = () => ActorOf(Props.Create<Echo>(), "m-42");
        act.Should().Throw<InvalidActorNameException>().WithMessage("*'m-42'*not unique*/user*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("$reserved")]
    [InlineData("a/b")]
    [InlineData("with space")]
    public void ActorOf_InvalidName_ThrowsInvalidActorNameException(string name)
    {
        var act = () => ActorOf(Props.Create<Echo>(), name);
        act.Should().Throw<InvalidActorNameException>();
    }

    [Fact]
    public void ActorOf_WithoutName_GeneratesDistinctDollarNames()
    {
        var a = ActorOf(Props.Create<Echo>());
        var b = ActorOf(Props.Create<Echo>());
        a.Path.Name.Should().StartWith("$");
        b.Path.Name.Should().StartWith("$");
        a.Path.Should().NotBe(b.Path);
    }

    [Fact]
    public void ActorOf_NameOfStoppedActor_CanBeReusedAfterTerminated()
    {
        var first = ActorOf(Props.Create<Echo>(), "reused");
        Watch(first);
        Sys.Stop(first);
        ExpectTerminated(first);

        AwaitAssert(() => ActorOf(Props.Create<Echo>(), "reused"));
    }

    [Fact]
    public void ActorOf_ActorCreatedWithNewInsideFactory_IsRejected()
    {
        var actor = ActorOf(Props.Create(() => new Wrapper(new Echo())), "wrapper");
        Watch(actor);

        // The factory constructs two actors; the kernel refuses it and the guardian stops it.
        ExpectTerminated(actor);
    }

    private sealed class Wrapper(Echo inner) : ReceiveActor
    {
        public Echo Inner { get; } = inner;
    }

    [Fact]
    public async Task Terminate_Hierarchy_StopsChildrenBeforeParents()
    {
        var stops = new ConcurrentQueue<string>();
        var root = ActorOf(Props.Create(() => new Node(stops, 2)), "top");
        root.Tell("go");
        ExpectMsg("ready");

        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(10));

        stops.Should().Equal("/user/top/level1/level0", "/user/top/level1", "/user/top");
        Sys.WhenTerminated.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Fact]
    public async Task Terminate_TenThousandLiveActors_CompletesAndStopsEachOne()
    {
        var stopped = new StrongBox<int>();
        for (var i = 0; i < 100; i++)
        {
            var parent = ActorOf(Props.Create(() => new CountingStops(stopped)), $"parent-{i}");
            for (var j = 0; j < 99; j++)
                await parent.Ask<IActorRef>(new CreateChild(Props.Create(() => new CountingStops(stopped))), TimeSpan.FromSeconds(5));
        }

        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(30));

        Volatile.Read(ref stopped.Value).Should().Be(10_000);
    }

    private sealed record CreateChild(Props Props);

    [Fact]
    public async Task ActorOf_AfterTerminate_Throws()
    {
        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        var act = () => Sys.ActorOf(Props.Create<Echo>());
        act.Should().Throw<InvalidOperationException>().WithMessage("*/user*stopping*");
    }

    [Fact]
    public async Task Tell_AfterTerminate_BecomesDeadLetterWithoutThrowing()
    {
        var echo = ActorOf(Props.Create<Echo>(), "late");
        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        var act = () => echo.Tell("too late", null);
        act.Should().NotThrow();
    }
}
