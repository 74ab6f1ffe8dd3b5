using ActorExec.Node.Hosting;

namespace ActorExec.Node.Tests.Hosting;

public sealed class NodeCommandLineSpec
{
    // Regression: with System.CommandLine's default 2 s grace, SIGTERM killed a node (exit 143)
    // while it was still waiting for in-flight executions to persist.
    [Fact]
    public void Invocation_TerminationGrace_OutlastsTheLongestGracefulStop()
        => NodeCommandLine.Invocation.ProcessTerminationTimeout.Should().BeGreaterThan(NodeCommandLine.MaxShutdownTimeout * 2);
}
