namespace ActorExec.Cluster.Tests;

public sealed class AssemblyMarkerSpec
{
    [Fact]
    public void The_cluster_assembly_loads() => typeof(AssemblyMarker).Assembly.GetName().Name.Should().Be("ActorExec.Cluster");
}
