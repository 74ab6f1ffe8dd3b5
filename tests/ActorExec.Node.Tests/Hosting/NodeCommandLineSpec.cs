using ActorExec.Node.Configuration;
using ActorExec.Node.Hosting;

namespace ActorExec.Node.Tests.Hosting;

public sealed class NodeCommandLineSpec
{
    // Regression: with System.CommandLine's default 2 s grace, SIGTERM killed a node (exit 143)
    // while it was still waiting for in-flight executions to persist.
    [Fact]
    public void Invocation_TerminationGrace_OutlastsTheLongestGracefulStop()
        => NodeCommandLine.Invocation.ProcessTerminationTimeout.Should().BeGreaterThan(NodeCommandLine.MaxShutdownTimeout * 2);

    [Fact]
    public async Task PaperExchange_ProfileAndConfig_ReachThePaperExchangeNotTheNode()
    {
        NodeArguments? exchange = null;
        var root = NodeCommandLine.Create(
            (_, _) => throw new InvalidOperationException("the node must not run for paper-exchange"),
            (arguments, _) =>
            {
                exchange = arguments;
                return Task.FromResult(0);
            });

        var exit = await root.Parse(["paper-exchange", "--profile", "cluster", "--config", "mine.conf"]).InvokeAsync();

        exit.Should().Be(0);
        exchange.Should().Be(new NodeArguments(Path.GetFullPath("mine.conf"), "cluster", null, null, null));
    }
}
