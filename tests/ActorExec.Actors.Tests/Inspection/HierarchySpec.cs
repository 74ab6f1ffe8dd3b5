using ActorExec.Actors.Inspection;

namespace ActorExec.Actors.Tests.Inspection;

public sealed class HierarchySpec : TestKit.TestKit
{
    private sealed class Parent : ReceiveActor
    {
        public Parent(int children)
        {
            for (var i = 0; i < children; i++)
                Context.ActorOf(Props.Create(() => new Leaf()), $"child-{i}");
            ReceiveAny(_ => Sender.Tell("ready", Self));
        }
    }

    private sealed class Leaf : ReceiveActor
    {
        public Leaf() => ReceiveAny(_ => { });
    }

    [Fact]
    public void Hierarchy_LiveTree_ListsPathsTypesAndChildren()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent(3)), "parent");
        parent.Tell("ping", TestActor);
        ExpectMsg<string>();

        var root = Sys.Hierarchy();

        var node = root.DescendantsAndSelf().Single(n => n.Path == "/user/parent");
        node.ActorType.Should().Be(nameof(Parent));
        node.ChildCount.Should().Be(3);
        node.Children.Select(c => c.Name).Should().Equal("child-0", "child-1", "child-2");
        node.Children.Should().OnlyContain(c => c.ActorType == nameof(Leaf) && c.ChildCount == 0);
        root.Children.Select(c => c.Name).Should().Contain(["system", "user"]);
        Sys.CountUserActors().Should().BeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public void Hierarchy_DepthOne_StopsAtTheGuardiansButCountsTheirChildren()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent(2)), "parent");
        parent.Tell("ping", TestActor);
        ExpectMsg<string>();

        var root = Sys.Hierarchy(depth: 1);

        var user = root.Children.Single(c => c.Name == "user");
        user.Children.Should().BeEmpty();
        user.ChildCount.Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void Hierarchy_DepthBelowOne_Throws()
        => FluentActions.Invoking(() => Sys.Hierarchy(0)).Should().Throw<ArgumentOutOfRangeException>();
}
