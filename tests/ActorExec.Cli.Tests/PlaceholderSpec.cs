namespace ActorExec.Cli.Tests;

public sealed class PlaceholderSpec
{
    [Fact]
    public void Assembly_Loads() => typeof(PlaceholderSpec).Assembly.GetName().Name.Should().Be("ActorExec.Cli.Tests");
}
